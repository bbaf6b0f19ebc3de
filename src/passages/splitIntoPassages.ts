import type { Article } from '../articles/article';
import type { Passage, TextSpan } from './passage';
import { splitSentences } from './splitSentences';

/** How big passages should be, in characters. */
export interface PassageSizeOptions {
  /** Size a passage grows to before it closes (about 2–4 sentences). Default 400. */
  targetChars?: number;
  /** Hard ceiling: longer sentences are cut at a word boundary. Default 900. */
  maxChars?: number;
}

const DEFAULT_TARGET_CHARS = 400;
const DEFAULT_MAX_CHARS = 900;
/** A passage shorter than this share of the target takes the next sentence even across a paragraph break. */
const MIN_SHARE_OF_TARGET = 0.35;

function checkedSizes(options: PassageSizeOptions): { target: number; max: number } {
  const target = options.targetChars ?? DEFAULT_TARGET_CHARS;
  const max = options.maxChars ?? Math.max(DEFAULT_MAX_CHARS, target);
  if (!Number.isFinite(target) || target < 1) throw new RangeError(`targetChars must be a positive number, got ${target}`);
  if (!Number.isFinite(max) || max < target) {
    throw new RangeError(`maxChars must be a number at least targetChars (${target}), got ${max}`);
  }
  return { target, max };
}

/**
 * Cuts one over-long sentence into pieces of at most `max` characters, at a
 * word boundary, preferring the last clause mark (`;`, `:`, `,`) in the second
 * half of the window. A word longer than `max` is cut where it must.
 */
function cutLongSentence(text: string, span: TextSpan, max: number): TextSpan[] {
  const pieces: TextSpan[] = [];
  let start = span.start;
  while (span.end - start > max) {
    const window = text.slice(start, start + max + 1);
    let cut = -1;
    for (const mark of [/[;:,]\s/g, /\s/g]) {
      for (const m of window.matchAll(mark)) {
        const at = m.index + m[0].length - 1;
        if (at >= max / 2 && at <= max) cut = at;
      }
      if (cut > 0) break;
    }
    if (cut <= 0) {
      const space = window.lastIndexOf(' ', max);
      cut = space > 0 ? space : max;
    }
    let end = start + cut;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    if (end === start) end = start + max;
    pieces.push({ start, end });
    start = start + cut;
    while (start < span.end && /\s/.test(text[start])) start += 1;
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}

/**
 * Cuts an article into passages of a few consecutive sentences, the unit
 * Scoop indexes and cites. A passage takes the next sentence while that
 * brings its size nearer to `targetChars`; it does not run across a paragraph
 * break unless it would stay very short, and a sentence longer than `maxChars` is cut at a word boundary.
 * Passages are disjoint and in article order, only whitespace lies between
 * them, and each one's `text` is exactly `article.text.slice(start, end)`;
 * ids are `${article.id}:${ordinal}`.
 */
export function splitIntoPassages(article: Article, options: PassageSizeOptions = {}): Passage[] {
  const { target, max } = checkedSizes(options);
  const { text } = article;
  const units = splitSentences(text, article.language).flatMap((span) =>
    span.end - span.start > max ? cutLongSentence(text, span, max) : [span],
  );
  const groups: TextSpan[] = [];
  let current: TextSpan | null = null;
  for (const unit of units) {
    if (current) {
      const combined = unit.end - current.start;
      const size = current.end - current.start;
      const paragraphBreak = /\n/.test(text.slice(current.end, unit.start));
      const tooShort = size < target * MIN_SHARE_OF_TARGET;
      const closerToTarget = Math.abs(combined - target) < Math.abs(size - target);
      const fits = combined <= max && (tooShort || (!paragraphBreak && closerToTarget));
      if (fits) {
        current.end = unit.end;
        continue;
      }
      groups.push(current);
    }
    current = { start: unit.start, end: unit.end };
  }
  if (current) groups.push(current);
  return groups.map(({ start, end }, ordinal) => ({
    id: `${article.id}:${ordinal}`,
    articleId: article.id,
    ordinal,
    start,
    end,
    text: text.slice(start, end),
  }));
}
