/**
 * SQuAD-style scoring of short answers, as `../shared/tools/piaf-quick` does it,
 * so that the figures `npm run eval` prints and the quick reading agree:
 * case, accents and punctuation folded, French and English articles dropped,
 * then token overlap.
 */

/** Words SQuAD-style scoring drops before comparing (French and English articles). */
const DROPPED_WORDS: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'the', 'a', 'an', 'of']);

/** Lower case, typographic apostrophe made plain, accents removed (NFKD), runs of spaces made one. */
export function foldAnswerText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits folded text into words, punctuation removed, articles dropped. */
export function tokensAfterFolding(folded: string): string[] {
  return folded
    .replace(/[^\p{L}\p{N}_\s]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token !== '' && !DROPPED_WORDS.has(token));
}

/** The words of a text as SQuAD-style scoring compares them. */
export function answerTokens(text: string): string[] {
  return tokensAfterFolding(foldAnswerText(text));
}

/**
 * Token F1 between a predicted and a gold answer (SQuAD): harmonic mean of the
 * share of predicted words that are gold and of gold words that were predicted.
 * When either side has no words, 1 if both are empty and 0 otherwise.
 */
export function tokenF1(prediction: string, gold: string): number {
  const predicted = answerTokens(prediction);
  const expected = answerTokens(gold);
  const remaining = new Map<string, number>();
  for (const token of expected) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = remaining.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      remaining.set(token, left - 1);
    }
  }
  if (predicted.length === 0 || expected.length === 0 || common === 0) {
    return predicted.length === expected.length && predicted.every((token, i) => token === expected[i]) ? 1 : 0;
  }
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Exact match (SQuAD): the same words once folded. */
export function exactMatch(prediction: string, gold: string): boolean {
  const predicted = answerTokens(prediction);
  const expected = answerTokens(gold);
  return predicted.length === expected.length && predicted.every((token, i) => token === expected[i]);
}

/** True when the gold answer, folded, appears in the text, folded (piaf-quick's "human answer in the first line"). */
export function containsFolded(text: string, gold: string): boolean {
  return foldAnswerText(text).includes(foldAnswerText(gold));
}

/** An answer as the short-answer scorer reads it: Scoop's `answer` text and, once it has one, its `value`. */
export interface ShortAnswerSource {
  answer: string;
  /** The short answer (null when declining); absent before the Answer contract had it. */
  value?: string | null;
}

/** The first line of an answer's text. */
export function firstLineOf(text: string): string {
  return text.split('\n')[0] ?? '';
}

/**
 * The short answer to score: the answer's `value` when it has a non-blank one,
 * else the first line of its text (the contract before `value` existed, and
 * piaf-quick's rule).
 */
export function shortAnswerOf(answer: ShortAnswerSource): string {
  return typeof answer.value === 'string' && answer.value.trim() !== '' ? answer.value : firstLineOf(answer.answer);
}
