import type { Language } from '../text/language';
import type { TextSpan } from './passage';
import { AMBIGUOUS_ABBREVIATIONS, NON_FINAL_ABBREVIATIONS, SENTENCE_OPENERS } from './abbreviations';

const TERMINATORS = new Set(['.', '!', '?', '…']);
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);
const INLINE_SPACE = /[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]/;
const SPACE = /\s/;
const BULLETS = new Set(['•', '▪', '■', '►', '●']);
/** Closing marks that may follow the terminator, after a space in French typography. */
const SPACED_CLOSERS = new Set(['»', '”', ')', ']']);
/** Straight quotes close a sentence only when glued to its terminator. */
const GLUED_CLOSERS = new Set(['"', "'", '’', '»', '”', ')', ']']);
const OPENERS = new Set(['«', '"', '“', '‘', "'", '(', '[', '—', '–', '-', '¿', '¡']);
const WORD_CHAR = /[\p{L}\p{N}.\-'’°]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/u;
/** Character codes below this are looked up in {@link MARKS}: Latin letters and the general punctuation block. */
const MARKED_CODES = 0x2070;

/**
 * 1 for each character the splitter looks at: line breaks, bullets,
 * terminators and capitals (which may start a glued sentence); any other
 * character only moves the scan on.
 */
const MARKS = Uint8Array.from({ length: MARKED_CODES }, (_, code) => {
  const char = String.fromCharCode(code);
  return LINE_BREAKS.has(char) || BULLETS.has(char) || TERMINATORS.has(char) || UPPER.test(char) ? 1 : 0;
});

/**
 * Whether a capitalised word starts at `index` glued to an all-lowercase word
 * of four letters or more: a heading run into its paragraph, as scraped news
 * often has (`fusil à pompeSelon Franceinfo`, `européenNée le 16 janvier`);
 * brand names such as `LlamaCon` or `WhatsApp` start with a capital and stay whole.
 */
function startsGluedSentence(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (!(code >= 65 && code <= 90) && !(code > 127 && UPPER.test(text[index]))) return false;
  if (index < 4 || !LOWER.test(text[index + 1] ?? '')) return false;
  let start = index;
  while (start > 0 && LOWER.test(text[start - 1])) start -= 1;
  return index - start >= 4 && !LETTER.test(text[start - 1] ?? '');
}

/** Index just past the closing quotes and brackets that belong to a sentence ending at `from`. */
function skipClosers(text: string, from: number): number {
  let end = from;
  for (;;) {
    if (GLUED_CLOSERS.has(text[end]) && (end + 1 >= text.length || !/[\p{L}\p{N}]/u.test(text[end + 1]))) {
      end += 1;
      continue;
    }
    let k = end;
    while (k < text.length && INLINE_SPACE.test(text[k])) k += 1;
    if (k > end && SPACED_CLOSERS.has(text[k])) {
      end = k + 1;
      continue;
    }
    return end;
  }
}

/** The word just before `index`, as written (`U.S`, `janv`, `M`), without leading elision. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start -= 1;
  const word = text.slice(start, index).replace(/^[.\-'’]+/, '');
  const elision = Math.max(word.lastIndexOf("'"), word.lastIndexOf('’'));
  return elision >= 0 ? word.slice(elision + 1) : word;
}

function nextWord(text: string, from: number): string {
  const match = /^[\p{L}]+['’]?/u.exec(text.slice(from, from + 40));
  return match ? match[0].toLowerCase() : '';
}

/** Whether a single period at `dot`, followed by `next` at `nextIndex`, ends a sentence. */
function periodEnds(text: string, dot: number, nextIndex: number, spaced: boolean): boolean {
  const next = text[nextIndex];
  const before = wordBefore(text, dot);
  const abbreviation = before.toLowerCase();
  const previous = text[dot - 1] ?? '';
  if (!spaced) {
    if (DIGIT.test(next) || LOWER.test(next)) return false;
    if (NON_FINAL_ABBREVIATIONS.has(abbreviation) || AMBIGUOUS_ABBREVIATIONS.has(abbreviation)) return false;
    if (GLUED_CLOSERS.has(previous) || DIGIT.test(previous)) return UPPER.test(next) || BULLETS.has(next) || OPENERS.has(next);
    const lastSegment = before.slice(before.lastIndexOf('.') + 1);
    if (lastSegment.length < 2 || !LOWER.test(lastSegment)) return false;
    return UPPER.test(next) || BULLETS.has(next) || OPENERS.has(next);
  }
  if (NON_FINAL_ABBREVIATIONS.has(abbreviation)) return false;
  if (before.length === 1 && UPPER.test(before)) return false;
  if (AMBIGUOUS_ABBREVIATIONS.has(abbreviation) || /^(?:\p{L}\.)+\p{L}$/u.test(before)) {
    return SENTENCE_OPENERS.has(nextWord(text, nextIndex));
  }
  return !LOWER.test(next);
}

/**
 * Cuts `text` into sentences, as `[start, end)` offsets into it with the
 * surrounding whitespace left out. A line break always ends a sentence; a
 * period, `!`, `?` or ellipsis ends one when what follows starts a sentence
 * (a capital, a digit, an opening quote or a bullet), also when glued to it
 * (`…d'un blanc.GPT-4.5`, `européen.• `). Decimals and dotted names
 * (`GPT-4.5`, `18.2`), French and English abbreviations (`M.`, `Dr.`, `e.g.`,
 * `janv.`, `U.S.` before a capitalised name) and closing « guillemets » or
 * "quotes" (kept with their sentence) are handled for both languages; the
 * language is accepted for rules that may come to differ. A heading glued to
 * its paragraph (`à pompeSelon Franceinfo`) is cut off as its own sentence.
 */
export function splitSentences(text: string, _language: Language): TextSpan[] {
  const spans: TextSpan[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && SPACE.test(text[start])) start += 1;
    while (end > start && SPACE.test(text[end - 1])) end -= 1;
    if (end > start) spans.push({ start, end });
  };
  let sentenceStart = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < MARKED_CODES && MARKS[code] === 0) {
      i += 1;
      continue;
    }
    const char = text[i];
    if (LINE_BREAKS.has(char)) {
      push(sentenceStart, i);
      sentenceStart = i + 1;
      i += 1;
      continue;
    }
    if (BULLETS.has(char)) {
      push(sentenceStart, i);
      sentenceStart = i;
      i += 1;
      continue;
    }
    if (!TERMINATORS.has(char)) {
      if (startsGluedSentence(text, i)) {
        push(sentenceStart, i);
        sentenceStart = i;
      }
      i += 1;
      continue;
    }
    let runEnd = i;
    while (runEnd < text.length && TERMINATORS.has(text[runEnd])) runEnd += 1;
    const end = skipClosers(text, runEnd);
    let nextIndex = end;
    while (nextIndex < text.length && INLINE_SPACE.test(text[nextIndex])) nextIndex += 1;
    const spaced = nextIndex > end;
    let ends: boolean;
    if (nextIndex >= text.length || LINE_BREAKS.has(text[nextIndex])) ends = true;
    else if (runEnd - i === 1 && char === '.') ends = periodEnds(text, i, nextIndex, spaced || end > runEnd);
    else ends = !LOWER.test(text[nextIndex]) && (spaced || end > runEnd || !DIGIT.test(text[nextIndex]));
    if (ends) {
      push(sentenceStart, end);
      sentenceStart = end;
      i = end;
    } else {
      i = runEnd;
    }
  }
  push(sentenceStart, text.length);
  return spans;
}
