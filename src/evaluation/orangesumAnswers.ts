import type { Article } from '../articles/article';
import { shareOf } from './answerMetrics';
import { matchesExpected } from './expectedValues';
import { breakDown, type Breakdown } from './groupBreakdown';
import { acceptedForms, articleWords, namesFocus, type OrangesumQuestion } from './orangesumQuestions';
import type { ShortAnswer } from './piafAnswers';
import { shortAnswerOf } from './shortAnswerMetrics';

/** An answer with the articles it cites, as the OrangeSum set is scored. */
export interface CitedShortAnswer extends ShortAnswer {
  citedArticleIds: string[];
}

/** A system answering one question of the set. */
export type CitedAnswerFunction = (question: string) => Promise<CitedShortAnswer>;

/** How one system did on one question of the set. */
export interface OrangesumOutcome {
  id: string;
  language: string;
  type: string;
  split: string;
  crossLanguage: boolean;
  answerable: boolean;
  declined: boolean;
  /** The short answer (value, else first line); empty when declined. */
  value: string;
  /** Not declined and the value contains an expected form. */
  valueMatches: boolean;
  /** Answerable: not declined and the value matches. Unanswerable: declined. */
  right: boolean;
  /** An answer (not a decline) citing an article that does not name every focus name of the question. */
  citesUnfocusedArticle: boolean;
  /** The system threw; counted as a wrong, uncited answer. */
  failed: boolean;
}

/** The set's figures over a group of questions. */
export interface OrangesumSummary {
  questions: number;
  /** Share answered right (declining is right only for an unanswerable question). */
  right: number | null;
  answerableRight: number | null;
  /** Share of unanswerable questions declined. */
  unanswerableDeclined: number | null;
  declines: number;
  /** Of the declines, the share on unanswerable questions; null when nothing was declined. */
  declinesJustified: number | null;
  /** Answers citing an article that does not contain the focus (the target is 0). */
  unfocusedCitations: number;
  failed: number;
}

/** Scores one reply to one question; `wordsOf` gives a cited article's words, null when the id is unknown. */
export function scoreOrangesumAnswer(
  question: OrangesumQuestion,
  reply: CitedShortAnswer,
  wordsOf: (articleId: string) => readonly string[] | null,
  failed = false,
): OrangesumOutcome {
  const declined = reply.abstained;
  const value = declined ? '' : shortAnswerOf(reply);
  const valueMatches = !declined && question.answerable && matchesExpected(value, acceptedForms(question));
  const citesUnfocusedArticle =
    !declined &&
    reply.citedArticleIds.some((id) => {
      const words = wordsOf(id);
      return words === null || !namesFocus(words, question.focus);
    });
  return {
    id: question.id,
    language: question.language,
    type: question.type,
    split: question.split,
    crossLanguage: question.crossLanguage,
    answerable: question.answerable,
    declined,
    value,
    valueMatches,
    right: question.answerable ? valueMatches : declined,
    citesUnfocusedArticle,
    failed,
  };
}

/**
 * Asks every question of the set and scores the replies; each cited article
 * is looked up in `articles` to check that it names what was asked. A failing
 * answerer is reported, counted as a wrong answer, and the run goes on.
 */
export async function runOrangesumSet(
  questions: readonly OrangesumQuestion[],
  answer: CitedAnswerFunction,
  articles: readonly Pick<Article, 'id' | 'title' | 'text'>[],
  onError: (question: OrangesumQuestion, error: unknown) => void = () => {},
): Promise<OrangesumOutcome[]> {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const words = new Map<string, readonly string[]>();
  const wordsOf = (id: string): readonly string[] | null => {
    const article = byId.get(id);
    if (!article) return null;
    let cached = words.get(id);
    if (!cached) {
      cached = articleWords(article);
      words.set(id, cached);
    }
    return cached;
  };
  const outcomes: OrangesumOutcome[] = [];
  for (const question of questions) {
    try {
      outcomes.push(scoreOrangesumAnswer(question, await answer(question.question), wordsOf));
    } catch (error) {
      onError(question, error);
      outcomes.push(scoreOrangesumAnswer(question, { answer: '', abstained: false, citedArticleIds: [] }, wordsOf, true));
    }
  }
  return outcomes;
}

/** Right share, declines justified and unfocused citations over a group of outcomes. */
export function summariseOrangesum(outcomes: readonly OrangesumOutcome[]): OrangesumSummary {
  const declined = outcomes.filter((outcome) => outcome.declined);
  return {
    questions: outcomes.length,
    right: shareOf(outcomes.map((outcome) => outcome.right)),
    answerableRight: shareOf(outcomes.filter((outcome) => outcome.answerable).map((outcome) => outcome.right)),
    unanswerableDeclined: shareOf(outcomes.filter((outcome) => !outcome.answerable).map((outcome) => outcome.declined)),
    declines: declined.length,
    declinesJustified: declined.length === 0 ? null : declined.filter((outcome) => !outcome.answerable).length / declined.length,
    unfocusedCitations: outcomes.filter((outcome) => outcome.citesUnfocusedArticle).length,
    failed: outcomes.filter((outcome) => outcome.failed).length,
  };
}

/** The set's figures for each half apart (dev, heldout), each overall and by type and language. */
export function summariseBySplit(outcomes: readonly OrangesumOutcome[]): Record<string, Breakdown<OrangesumSummary>> {
  const splits = [...new Set(outcomes.map((outcome) => outcome.split))].sort();
  return Object.fromEntries(splits.map((split) => [split, breakDown(outcomes.filter((o) => o.split === split), summariseOrangesum)]));
}
