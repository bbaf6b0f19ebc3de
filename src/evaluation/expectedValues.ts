import { foldAnswerText, tokensAfterFolding } from './shortAnswerMetrics';

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Currency signs read as the words a value may use instead. */
const CURRENCY_SIGNS: readonly [RegExp, string][] = [
  [/€/g, ' eur '],
  [/\$/g, ' usd '],
  [/£/g, ' gbp '],
];

/** Words with the same meaning in values: currencies in French and English, plurals of magnitudes. */
const SAME_WORD: ReadonlyMap<string, string> = new Map([
  ['euro', 'eur'],
  ['euros', 'eur'],
  ['dollar', 'usd'],
  ['dollars', 'usd'],
  ['livre', 'gbp'],
  ['livres', 'gbp'],
  ['pound', 'gbp'],
  ['pounds', 'gbp'],
  ['millions', 'million'],
  ['milliards', 'milliard'],
  ['billions', 'billion'],
]);

/** Digits grouped by thousands (`157.632`, `48 000`, `3,643`) joined into one number. */
function joinDigitGroups(text: string): string {
  let previous: string;
  let joined = text;
  do {
    previous = joined;
    joined = joined.replace(/(\d)[ .,\u00a0\u202f](\d{3})(?!\d)/g, '$1$2');
  } while (joined !== previous);
  return joined;
}

/**
 * The words of a value as expected values are compared: SQuAD folding, and
 * besides it thousands separators removed, currency signs read as words
 * (`48 000 €` is `48000 eur`, as `48 000 euros` is) and plural magnitudes made singular.
 */
export function valueTokens(text: string): string[] {
  let folded = joinDigitGroups(foldAnswerText(text));
  for (const [sign, word] of CURRENCY_SIGNS) folded = folded.replace(sign, word);
  return tokensAfterFolding(folded).map((token) => SAME_WORD.get(token) ?? token);
}

/** True when `needle` occurs in `haystack` as consecutive words. */
export function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let i = 0; i < needle.length; i += 1) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

/**
 * True when the value contains one of the expected forms as whole words
 * (`21` matches "21 cas" but not "121"); forms and value are folded the same way.
 */
export function matchesExpected(value: string, expected: readonly string[]): boolean {
  const words = valueTokens(value);
  return expected.some((form) => containsWords(words, valueTokens(form)));
}

function englishOrdinal(day: number): string {
  const suffix = day % 100 >= 11 && day % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th';
  return `${day}${suffix}`;
}

/**
 * Readable forms of a partial ISO date, French and English, for matching a
 * date answer: `2020-10-04` gives "4 octobre 2020", "October 4, 2020",
 * "4th October 2020", "04/10/2020"...; `2020-10` gives "octobre 2020" and
 * "October 2020"; a year gives itself. Every form carries the year, so an
 * answer must have resolved it. An unreadable value gives no form.
 */
export function dateForms(iso: string): string[] {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return [];
  const [, year, monthText, dayText] = match;
  if (!monthText) return [year];
  const month = Number(monthText);
  if (month < 1 || month > 12) return [];
  const french = FRENCH_MONTHS[month - 1];
  const english = ENGLISH_MONTHS[month - 1];
  if (!dayText) return [iso, `${french} ${year}`, `${english} ${year}`];
  const day = Number(dayText);
  if (day < 1 || day > 31) return [];
  return [
    iso,
    `${day} ${french} ${year}`,
    ...(day === 1 ? [`1er ${french} ${year}`] : []),
    `${day} ${english} ${year}`,
    `${english} ${day}, ${year}`,
    `${englishOrdinal(day)} ${english} ${year}`,
    `${english} ${englishOrdinal(day)}, ${year}`,
    `${dayText}/${monthText}/${year}`,
  ];
}
