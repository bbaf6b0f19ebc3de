const HEADLINE_MAX_CHARS = 150;
const HEADLINE_MAX_WORDS = 25;
const TITLE_TARGET_CHARS = 100;
const ABBREVIATIONS = new Set(['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'mr', 'mrs', 'ms', 'st', 'prof', 'etc', 'cf', 'vs', 'p', 'no', 'n°', 'inc', 'corp', 'ltd', 'jr', 'sr', 'gen', 'av', 'j.-c']);

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function headlineFromFirstLine(text: string): string | null {
  const match = /^\s*([^\r\n]+)\r?\n([\s\S]*)$/.exec(text);
  if (!match) return null;
  const [, rawLine, rest] = match;
  if (rest.trim() === '') return null;
  const markdownHeading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(rawLine);
  const line = collapseSpaces(markdownHeading ? markdownHeading[1] : rawLine);
  if (line === '' || line.length > HEADLINE_MAX_CHARS) return null;
  if (markdownHeading) return line;
  if (line.split(' ').length > HEADLINE_MAX_WORDS) return null;
  if (/[.,;:]$/.test(line) && !line.endsWith('...')) return null;
  return line;
}

function firstSentence(text: string): string {
  const flat = collapseSpaces(text);
  const boundary = /[.!?…]+(?=["»”’)]?\s+["«“(]?\p{Lu}|["»”’)]?$)/gu;
  for (let match = boundary.exec(flat); match; match = boundary.exec(flat)) {
    const before = flat.slice(0, match.index);
    const lastWord = (/(\S+)$/.exec(before)?.[1] ?? '').replace(/^[^\p{L}\d]+/u, '').toLowerCase();
    const isInitial = lastWord.length === 1 && /\p{L}/u.test(lastWord);
    if (match[0] === '.' && (ABBREVIATIONS.has(lastWord) || isInitial)) continue;
    return flat.slice(0, match.index + match[0].length);
  }
  return flat;
}

function shorten(sentence: string): string {
  const withoutPeriod = sentence.replace(/\.$/, '');
  if (withoutPeriod.length <= TITLE_TARGET_CHARS) return withoutPeriod;
  const cut = withoutPeriod.slice(0, TITLE_TARGET_CHARS + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > TITLE_TARGET_CHARS / 2 ? cut.slice(0, lastSpace) : withoutPeriod.slice(0, TITLE_TARGET_CHARS);
  return `${head.replace(/[\s,;:«"“(–—-]+$/u, '')}…`;
}

/**
 * A title for an article whose metadata gives none: its first line when that
 * line reads as a headline (a Markdown heading, or a short line without a
 * final period followed by more text), else its first sentence, cut to about
 * 100 characters at a word boundary with an ellipsis.
 */
export function deriveTitle(text: string): string {
  return headlineFromFirstLine(text) ?? shorten(firstSentence(text));
}

/** Cleans a title given by metadata: whitespace collapsed; null when nothing is left. */
export function cleanTitle(title: string | undefined): string | null {
  if (title === undefined) return null;
  const cleaned = collapseSpaces(title);
  return cleaned === '' ? null : cleaned;
}
