import type { TextSpan } from '../passages/passage';

/** Where a question's answer is: an article (by its corpus source) and a span of its text. */
export interface ExpectedSpan extends TextSpan {
  source: string;
}

/** A retrieved passage as the metrics see it, whichever system found it. */
export interface RetrievedSpan extends TextSpan {
  source: string;
}

/**
 * Share of the expected span a retrieved passage must cover to count as a hit.
 * Half, so that a snippet straddling two passages is found by either of them
 * while a passage that only touches its edge is not.
 */
export const MIN_SNIPPET_COVERAGE = 0.5;

/**
 * Finds a snippet in an article's text: verbatim first, then ignoring case and
 * runs of whitespace (question sets are typed by hand). Null when absent.
 */
export function locateSnippet(text: string, snippet: string): TextSpan | null {
  const exact = text.indexOf(snippet);
  if (exact >= 0) return { start: exact, end: exact + snippet.length };
  const words = snippet.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'iu');
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** Characters two spans share. */
export function overlapLength(a: TextSpan, b: TextSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** True when the passage comes from the expected article and covers enough of the expected span. */
export function isRelevant(retrieved: RetrievedSpan, expected: ExpectedSpan): boolean {
  if (retrieved.source !== expected.source) return false;
  const needed = Math.max(1, Math.ceil((expected.end - expected.start) * MIN_SNIPPET_COVERAGE));
  return overlapLength(retrieved, expected) >= needed;
}

/** The 1-based rank of the first relevant passage in a ranking, or null when none is relevant. */
export function firstRelevantRank(ranking: readonly RetrievedSpan[], expected: readonly ExpectedSpan[]): number | null {
  const index = ranking.findIndex((retrieved) => expected.some((span) => isRelevant(retrieved, span)));
  return index < 0 ? null : index + 1;
}

/** Share of questions whose first relevant passage is within the top k (null ranks count as misses). */
export function recallAtK(ranks: readonly (number | null)[], k: number): number {
  if (ranks.length === 0) return Number.NaN;
  return ranks.filter((rank) => rank !== null && rank <= k).length / ranks.length;
}

/** Mean of 1/rank over the questions, 0 for a question whose answer was not retrieved. */
export function meanReciprocalRank(ranks: readonly (number | null)[]): number {
  if (ranks.length === 0) return Number.NaN;
  return ranks.reduce<number>((sum, rank) => sum + (rank === null ? 0 : 1 / rank), 0) / ranks.length;
}
