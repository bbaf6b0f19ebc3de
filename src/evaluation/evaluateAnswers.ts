import type { Article } from '../articles/article';
import {
  abstentionPrecision,
  abstentionRecall,
  isAnswerCorrect,
  isVerbatim,
  shareOf,
  type QuotedSpan,
} from './answerMetrics';
import type { AnswerQuestion } from './questionSets';
import { isRelevant, locateSnippet } from './retrievalMetrics';

/** A cited quote in an answer, whichever system gave it. */
export interface AnsweredCitation extends QuotedSpan {
  articleId: string;
  source: string;
}

/** An answer as the evaluation reads it. */
export interface EvaluatedAnswer {
  text: string;
  abstained: boolean;
  citations: AnsweredCitation[];
}

/** An answerer as the evaluation calls it: Scoop's `ask` or a peer's top passage. */
export type AnswerFunction = (question: string) => Promise<EvaluatedAnswer>;

/** How one system did on one answer question. */
export interface AnswerOutcome {
  id: string;
  language: string;
  type: string;
  split: string;
  answerable: boolean;
  abstained: boolean;
  correct: boolean;
  citations: number;
  verbatimCitations: number;
  /** For an answerable question that was answered: whether a citation covers the expected support. Null otherwise. */
  supportCited: boolean | null;
}

/** Answer figures over a group of questions. */
export interface AnswerSummary {
  questions: number;
  /** Share of questions answered right (declining counts as right only when the articles don't answer). */
  accuracy: number | null;
  /** Accuracy over the questions the articles answer. */
  answerableAccuracy: number | null;
  /** Share of all citations whose snippet is the article's exact text at the cited offsets. */
  verbatimShare: number | null;
  citations: number;
  abstentionPrecision: number | null;
  abstentionRecall: number | null;
  /** Of answered answerable questions, the share citing the expected supporting snippet. */
  supportCited: number | null;
}

function citesSupport(answer: EvaluatedAnswer, question: AnswerQuestion, bySource: Map<string, Article>): boolean | null {
  if (!question.answerable || answer.abstained || !question.support) return null;
  const article = bySource.get(question.support.source);
  const span = article && locateSnippet(article.text, question.support.snippet);
  if (!span) return null;
  const expected = { source: question.support.source, ...span };
  return answer.citations.some((citation) => isRelevant(citation, expected));
}

/**
 * Asks every question, judges the answer against the question set and checks
 * every citation against the article it names. A failing answerer is recorded
 * as a wrong, uncited answer and the run goes on.
 */
export async function runAnswers(
  questions: readonly AnswerQuestion[],
  answer: AnswerFunction,
  articles: readonly Article[],
  onError: (question: AnswerQuestion, error: unknown) => void = () => {},
): Promise<AnswerOutcome[]> {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const bySource = new Map(articles.map((article) => [article.source, article]));
  const outcomes: AnswerOutcome[] = [];
  for (const question of questions) {
    let reply: EvaluatedAnswer;
    try {
      reply = await answer(question.question);
    } catch (error) {
      onError(question, error);
      reply = { text: '', abstained: false, citations: [] };
    }
    const verbatim = reply.citations.filter((citation) => isVerbatim(citation, byId.get(citation.articleId)?.text));
    outcomes.push({
      id: question.id,
      language: question.language,
      type: question.type,
      split: question.split,
      answerable: question.answerable,
      abstained: reply.abstained,
      correct: isAnswerCorrect(question, { abstained: reply.abstained, text: reply.text }),
      citations: reply.citations.length,
      verbatimCitations: verbatim.length,
      supportCited: citesSupport(reply, question, bySource),
    });
  }
  return outcomes;
}

/** Accuracy, verbatim share and abstention precision/recall over a group of outcomes. */
export function summariseAnswers(outcomes: readonly AnswerOutcome[]): AnswerSummary {
  const citations = outcomes.reduce((sum, o) => sum + o.citations, 0);
  const verbatim = outcomes.reduce((sum, o) => sum + o.verbatimCitations, 0);
  const supportChecks = outcomes.flatMap((o) => (o.supportCited === null ? [] : [o.supportCited]));
  return {
    questions: outcomes.length,
    accuracy: shareOf(outcomes.map((o) => o.correct)),
    answerableAccuracy: shareOf(outcomes.filter((o) => o.answerable).map((o) => o.correct)),
    verbatimShare: citations === 0 ? null : verbatim / citations,
    citations,
    abstentionPrecision: abstentionPrecision(outcomes),
    abstentionRecall: abstentionRecall(outcomes),
    supportCited: shareOf(supportChecks),
  };
}
