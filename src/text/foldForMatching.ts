const FOLDED: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u201c': '"',
  '\u201d': '"',
  '\u0153': 'o',
  '\u00e6': 'a',
};

/** The folded form of one code point (one or two UTF-16 units), always as long as the code point. */
function foldCodePoint(char: string): string {
  const mapped = FOLDED[char] ?? FOLDED[char.toLowerCase()];
  if (mapped !== undefined && char.length === 1) return mapped;
  const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return base.length === char.length ? base : char;
}

/** Folded forms of the characters of the Basic Multilingual Plane met so far: news text uses few of them. */
const foldedBmp: Array<string | undefined> = new Array(0x10000);

function foldedCodePoint(char: string): string {
  if (char.length > 1) return foldCodePoint(char);
  const code = char.charCodeAt(0);
  return (foldedBmp[code] ??= foldCodePoint(char));
}

/**
 * Lower-cases `text`, strips accents and unifies apostrophes, dashes and
 * spaces, one character for one character, so a match at offset i in the
 * folded text is at offset i in the original: patterns stay simple and
 * citations stay exact. Runs at ingest on every article, so unchanged runs
 * of text are copied whole and non-ASCII characters are folded once each.
 */
export function foldForMatching(text: string): string {
  let folded = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code < 65 || code > 90) continue;
      folded += text.slice(copiedUpTo, i) + String.fromCharCode(code + 32);
      copiedUpTo = i + 1;
      continue;
    }
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const char = pair ? text.slice(i, i + 2) : text[i];
    const replacement = foldedCodePoint(char);
    if (replacement !== char) {
      folded += text.slice(copiedUpTo, i) + replacement;
      copiedUpTo = i + char.length;
    }
    if (pair) i += 1;
  }
  return copiedUpTo === 0 ? text : folded + text.slice(copiedUpTo);
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };
const NEEDS_FOLDING = /[^\u0000-\u007f]/;

/**
 * Removes diacritics and expands ligatures (`é` → `e`, `œ` → `oe`) so that
 * "déploiement", "deploiement" and "DÉPLOIEMENT".toLowerCase() meet on one
 * form. Case is kept; the result may be longer than the input (ligatures), so
 * it is for matching, never for offsets.
 */
export function foldAccents(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[œŒæÆß]/g, (ligature) => LIGATURES[ligature] ?? ligature);
}

/**
 * The key a name is matched by, whatever its spelling: folded, with spaces,
 * dashes and underscores dropped ("GPT-5", "gpt 5" and "GPT5" → `gpt5`;
 * "Galaxy S25" and "galaxy s 25" → `galaxys25`).
 */
export function nameKey(name: string): string {
  return foldForMatching(name).replace(/[\s_'’-]+/g, '');
}
