import { foldAccents } from './foldForMatching';

/** One word of a text, with where it sits and the form used for matching. */
export interface Token {
  /** The word exactly as written, `text.slice(start, end)` of the source. */
  text: string;
  /** Lowercased, accent-folded form (`Déploiement` → `deploiement`, `U.S.` → `us`). */
  norm: string;
  /** UTF-16 offset of the first character in the source text. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
}

/** Letters and digits joined by the marks that may sit inside a word. */
const WORD_RUN = /[\p{L}\p{N}]+(?:[-.,'’ʼ][\p{L}\p{N}]+)*/gu;
const SEGMENT = /[\p{L}\p{N}]+|[-.,'’ʼ]/gu;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;
const APOSTROPHES = /[’ʼ]/g;

/** French elided words: `l'équipe` is the article `l'` and the noun `équipe`. */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);

function isApostrophe(mark: string): boolean {
  return mark === "'" || mark === '’' || mark === 'ʼ';
}

/** Whether `mark` between the segments `before` and `after` keeps them in one word. */
function joins(before: string, mark: string, after: string): boolean {
  const digitBefore = DIGIT.test(before[before.length - 1]);
  const digitAfter = DIGIT.test(after[0]);
  if (mark === '-') return digitBefore || digitAfter;
  if (mark === ',') return digitBefore && digitAfter;
  if (mark === '.') {
    if (digitBefore && digitAfter) return true;
    return before.length === 1 && after.length === 1 && LETTER.test(before) && LETTER.test(after);
  }
  return true;
}

const ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;
const JOINERS = /[-.,'’ʼ]/;

/** A word's norm (`Token.norm`): lowercased, accent-folded, a dotted acronym without its dots. */
export function normaliseWord(word: string): string {
  const lower = foldAccents(word.toLowerCase());
  if (!JOINERS.test(lower)) return lower;
  const plain = lower.replace(APOSTROPHES, "'");
  return ACRONYM.test(plain) ? plain.replace(/\./g, '') : plain;
}

/**
 * A word glued to the next by a missing space, as when a heading runs into
 * its paragraph (`pompeSelon`, `européenNée`): an all-lowercase word of four
 * letters or more, then a capitalised word. Brand names (`LlamaCon`,
 * `iPhone`, `YouTube`, `OpenAI`) do not match.
 */
export const GLUED_WORDS = /^(\p{Ll}{4,})(\p{Lu}\p{Ll}.*)$/su;

/** A capital letter after the fourth character: the only words worth the glued-words regex. */
function hasInnerCapital(word: string): boolean {
  for (let i = 4; i < word.length - 1; i += 1) {
    const code = word.charCodeAt(i);
    if (code >= 65 && code <= 90) return true;
    if (code > 127 && word[i] !== word[i].toLowerCase()) return true;
  }
  return false;
}

/** Calls `visit` with each word of `word` (the whole, or its two halves when glued, see {@link GLUED_WORDS}). */
function visitWord(text: string, start: number, end: number, visit: WordVisitor): void {
  const word = text.slice(start, end);
  const glued = hasInnerCapital(word) ? GLUED_WORDS.exec(word) : null;
  if (!glued) return visit(word, start, end);
  const cut = start + glued[1].length;
  visit(glued[1], start, cut);
  visit(glued[2], cut, end);
}

/** Told each word a text is cut into, as written, with its offsets. */
export type WordVisitor = (word: string, start: number, end: number) => void;

/**
 * Cuts text into words with their offsets. Model and version names stay whole
 * (`GPT-4.5`, `o3`, `GPT-2024`, `Covid-19`), as do decimals (`18.2`, `3,5`) and
 * dotted acronyms (`U.S.` → norm `us`); hyphenated words are split
 * (`Jean-Pierre` → `Jean`, `Pierre`); French elisions become their own token
 * (`l'équipe` → `l'`, `équipe`; `qu'OpenAI` → `qu'`, `OpenAI`) and an English
 * possessive `'s` is dropped, so the noun matches its bare form. Words glued
 * by a missing space (`pompeSelon`) are separated (see {@link GLUED_WORDS}).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (word, start, end) => tokens.push({ text: word, norm: normaliseWord(word), start, end }));
  return tokens;
}

/**
 * The words {@link tokenize} cuts `text` into, in order, without the tokens:
 * a word's norm is `normaliseWord(word)`, so a caller that caches what it
 * derives from a word's text (the index terms of a build) skips the rest.
 */
export function forEachWord(text: string, visit: WordVisitor): void {
  for (const run of text.matchAll(WORD_RUN)) {
    const runText = run[0];
    const runStart = run.index;
    if (!JOINERS.test(runText)) {
      visitWord(text, runStart, runStart + runText.length, visit);
      continue;
    }
    const parts = [...runText.matchAll(SEGMENT)].map((m) => ({ value: m[0], start: runStart + m.index }));
    let tokenStart = parts[0].start;
    let tokenEnd = tokenStart + parts[0].value.length;
    let firstSegment = parts[0].value;
    const push = (start: number, end: number) => visitWord(text, start, end, visit);
    for (let i = 1; i < parts.length; i += 2) {
      const mark = parts[i].value;
      const before = parts[i - 1].value;
      const after = parts[i + 1];
      if (isApostrophe(mark)) {
        const isOnlySegmentSoFar = tokenStart === parts[i - 1].start;
        if (isOnlySegmentSoFar && ELISIONS.has(foldAccents(firstSegment.toLowerCase()))) {
          push(tokenStart, parts[i].start + 1);
          tokenStart = after.start;
          tokenEnd = after.start + after.value.length;
          firstSegment = after.value;
          continue;
        }
        if (i + 2 === parts.length && (after.value === 's' || after.value === 'S')) break;
      } else if (!joins(before, mark, after.value)) {
        push(tokenStart, tokenEnd);
        tokenStart = after.start;
        tokenEnd = after.start + after.value.length;
        firstSegment = after.value;
        continue;
      }
      tokenEnd = after.start + after.value.length;
    }
    push(tokenStart, tokenEnd);
  }
}
