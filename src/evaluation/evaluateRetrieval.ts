import type { Article } from '../articles/article';
import type { SearchHit } from '../retrieval/searchHit';
import type { AnswerQuestion, RetrievalQuestion } from './questionSets';
import { firstRelevantRank, locateSnippet, meanReciprocalRank, recallAtK, type ExpectedSpan } from './retrievalMetrics';

/** A search as the evaluation calls it: Scoop's or a peer retriever's. */
export type SearchFunction = (query: string, k: number) => Promise<SearchHit[]>;

/** One retrieval question, its expected spans located in the corpus. */
export interface RetrievalCase {
  id: string;
  question: string;
  language: string;
  type: string;
  split: string;
  expected: ExpectedSpan[];
}

/** How one system did on one retrieval question. */
export interface RetrievalOutcome {
  id: string;
  language: string;
  type: string;
  split: string;
  /** 1-based rank of the first relevant passage within the top k, or null. */
  rank: number | null;
}

/** Retrieval figures over a group of questions. */
export interface RetrievalSummary {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  /** MRR over the top 10 (0 for a question whose answer is not in them). */
  mrr: number;
}

/** Cases built from question sets, with the questions that could not be placed in the corpus. */
export interface RetrievalCases {
  cases: RetrievalCase[];
  problems: string[];
}

/**
 * Places each question's expected snippet in its article. A question whose
 * source is not in the corpus or whose snippet is not in the article is
 * reported and left out: it would measure the question set, not the search.
 */
export function buildRetrievalCases(
  questions: readonly (RetrievalQuestion | AnswerQuestion)[],
  articles: readonly Article[],
): RetrievalCases {
  const bySource = new Map(articles.map((article) => [article.source, article]));
  const cases: RetrievalCase[] = [];
  const problems: string[] = [];
  for (const question of questions) {
    const support = 'snippet' in question ? { source: question.source, snippet: question.snippet } : question.support;
    if (!support) continue;
    const article = bySource.get(support.source);
    if (!article) {
      problems.push(`${question.id}: source ${support.source} is not in the corpus`);
      continue;
    }
    const span = locateSnippet(article.text, support.snippet);
    if (!span) {
      problems.push(`${question.id}: snippet not found in ${support.source}: "${support.snippet.slice(0, 60)}"`);
      continue;
    }
    cases.push({
      id: question.id,
      question: question.question,
      language: question.language,
      type: question.type ?? 'any',
      split: question.split,
      expected: [{ source: support.source, ...span }],
    });
  }
  return { cases, problems };
}

/** Runs every case through one search, keeping the rank of the first relevant passage in the top 10. */
export async function runRetrieval(cases: readonly RetrievalCase[], search: SearchFunction, k = 10): Promise<RetrievalOutcome[]> {
  const outcomes: RetrievalOutcome[] = [];
  for (const { id, question, language, type, split, expected } of cases) {
    const hits = await search(question, k);
    const ranking = hits.map(({ passage, article }) => ({ source: article.source, start: passage.start, end: passage.end }));
    outcomes.push({ id, language, type, split, rank: firstRelevantRank(ranking, expected) });
  }
  return outcomes;
}

/** Recall@1/5/10 and MRR over a group of outcomes. */
export function summariseRetrieval(outcomes: readonly RetrievalOutcome[]): RetrievalSummary {
  const ranks = outcomes.map((outcome) => outcome.rank);
  return {
    questions: outcomes.length,
    recallAt1: recallAtK(ranks, 1),
    recallAt5: recallAtK(ranks, 5),
    recallAt10: recallAtK(ranks, 10),
    mrr: meanReciprocalRank(ranks),
  };
}
