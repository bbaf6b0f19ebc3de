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

/**
 * Lower-cases `text`, strips accents and unifies apostrophes, dashes and
 * spaces, one character for one character, so a match at offset i in the
 * folded text is at offset i in the original: patterns stay simple and
 * citations stay exact.
 */
export function foldForMatching(text: string): string {
  let folded = '';
  for (const char of text) {
    const mapped = FOLDED[char] ?? FOLDED[char.toLowerCase()];
    if (mapped !== undefined && char.length === 1) {
      folded += mapped;
      continue;
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    folded += base.length === char.length ? base : char;
  }
  return folded;
}
