import type { TextSpan } from '../passages/passage';

/** What the abstention metrics need to know about one answered question. */
export interface AbstentionOutcome {
  /** True when the question set says the articles answer it. */
  answerable: boolean;
  /** True when the system said the articles don't answer it. */
  abstained: boolean;
}

/**
 * Of the questions a system declined, the share that really had no answer in
 * the articles. Null when it never declined (precision is undefined then).
 */
export function abstentionPrecision(outcomes: readonly AbstentionOutcome[]): number | null {
  const declined = outcomes.filter((outcome) => outcome.abstained);
  if (declined.length === 0) return null;
  return declined.filter((outcome) => !outcome.answerable).length / declined.length;
}

/**
 * Of the questions that have no answer in the articles, the share the system
 * declined. Null when the set has no such question.
 */
export function abstentionRecall(outcomes: readonly AbstentionOutcome[]): number | null {
  const unanswerable = outcomes.filter((outcome) => !outcome.answerable);
  if (unanswerable.length === 0) return null;
  return unanswerable.filter((outcome) => outcome.abstained).length / unanswerable.length;
}

/** Share of true values; null for an empty list. */
export function shareOf(values: readonly boolean[]): number | null {
  if (values.length === 0) return null;
  return values.filter(Boolean).length / values.length;
}

/**
 * Folds text for comparing an answer with an expected value: lower case, no
 * accents, typographic apostrophes and dashes made plain, every run of spaces
 * (including the narrow no-break spaces French uses before % and in numbers) one space.
 */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** True when the answer text contains at least one of the expected values (folded). */
export function containsExpected(answerText: string, expected: readonly string[]): boolean {
  const folded = foldForComparison(answerText);
  return expected.some((value) => folded.includes(foldForComparison(value)));
}

/**
 * Whether one answer is right: an answerable question must be answered (not
 * declined) with one of the expected values in the answer text; a question
 * with no answer in the articles must be declined.
 */
export function isAnswerCorrect(
  question: { answerable: boolean; expected: readonly string[] },
  answer: { abstained: boolean; text: string },
): boolean {
  if (!question.answerable) return answer.abstained;
  return !answer.abstained && containsExpected(answer.text, question.expected);
}

/** A quoted span of an article, as an answer cites it. */
export interface QuotedSpan extends TextSpan {
  snippet: string;
}

/** True when the snippet is exactly the article's text between the cited offsets. */
export function isVerbatim(quote: QuotedSpan, articleText: string | undefined): boolean {
  return articleText !== undefined && quote.start >= 0 && quote.end <= articleText.length && articleText.slice(quote.start, quote.end) === quote.snippet;
}
