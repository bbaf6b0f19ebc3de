import { foldAccents } from './foldForMatching';
import { VOCABULARY_EN } from './vocabularyEn';
import { VOCABULARY_FR } from './vocabularyFr';
import type { AnswerType, DateWords, PartnershipNature, Vocabulary } from './vocabularyTypes';

export type * from './vocabularyTypes';

/** The vocabulary of each language Scoop reads. */
export const VOCABULARIES: Readonly<Record<'fr' | 'en', Vocabulary>> = { fr: VOCABULARY_FR, en: VOCABULARY_EN };

/**
 * A regex matching any of `source`'s alternatives as whole words (no letter
 * or digit either side), for the vocabularies' word lists; `flags` defaults to `gu`.
 */
export function wordsPattern(source: string, flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${source})(?![\\p{L}\\d])`, flags);
}

/**
 * A regex source matching any of `words`, longest first (so « jusqu'au » wins
 * over « jusqu »), each escaped, the spaces inside a word written as `space`
 * (a regex source: `\\s+` to let any spacing match; a plain space by default).
 */
export function alternationOf(words: Iterable<string>, space = ' '): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, space))
    .join('|');
}

/** The words of one list in either language, as one set ("le", "the" for the determiners). */
export function inEitherLanguage(list: (vocabulary: Vocabulary) => ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...list(VOCABULARIES.fr), ...list(VOCABULARIES.en)]);
}

/** Each kind of tie with the cue words that name it, in either language, as whole-word patterns (`u`, no state between tests). */
export const TIE_NATURE_CUES: ReadonlyArray<readonly [RegExp, PartnershipNature]> = [VOCABULARIES.fr, VOCABULARIES.en].flatMap((v) =>
  v.ties.natures.map(([source, nature]) => [wordsPattern(source, 'u'), nature] as const),
);

/** The cue patterns of one kind of tie, in either language (« rachat », "acquire" for an acquisition). */
export function tieCues(nature: PartnershipNature): RegExp[] {
  return TIE_NATURE_CUES.filter(([, cueNature]) => cueNature === nature).map(([pattern]) => pattern);
}

/** The answer type a noun names in either vocabulary, its plural folded ("dates" → date); undefined when neither types it. */
export function typeOfNoun(noun: string, vocabularies: readonly Vocabulary[] = [VOCABULARIES.fr, VOCABULARIES.en]): AnswerType | undefined {
  const singular = noun.replace(/s$/, '');
  for (const vocabulary of vocabularies) {
    const type = vocabulary.typeNouns[noun] ?? vocabulary.typeNouns[singular];
    if (type) return type;
  }
  return undefined;
}

const NOUN_FIRST = /^(?:la |le |l'|the )?([\p{L}]+) (?:de |d'|du |des |of )/u;

/**
 * The type of what a query names first, on folded text ("Date de naissance
 * d'Anselm Franz" → date, "Le lieu du sommet ?" → place); undefined when it
 * does not open with a noun of a type.
 */
export function typeNamedFirst(folded: string, vocabularies?: readonly Vocabulary[]): AnswerType | undefined {
  const noun = NOUN_FIRST.exec(folded)?.[1];
  return noun === undefined ? undefined : typeOfNoun(noun, vocabularies);
}

/**
 * The words that name a date by themselves (months, their abbreviations,
 * days, seasons, units of time, days named from today, parts of a year,
 * Christmas): every date expression holds one of them or a digit.
 */
export function dateNamingWords(dates: DateWords): string[] {
  return [
    ...Object.keys(dates.months),
    ...Object.keys(dates.monthAbbreviations),
    ...dates.weekdays,
    ...Object.keys(dates.seasons),
    ...Object.keys(dates.units),
    ...Object.keys(dates.relativeDays),
    ...Object.keys(dates.yearParts),
    dates.christmas,
  ];
}

/** The shortest stem a reversal prefix is read before: shorter ones make words of their own (« départ », « désigné », "design"). */
const UNDONE_STEM_LETTERS = 5;

/**
 * Whether `word` (lower-cased, accents kept) is `base` undone: one of the
 * language's reversal prefixes and then a word `base` starts (« déconfinement »
 * for the stem `confin`, "decentralised" for `central`). `base` is a folded
 * stem of at least {@link UNDONE_STEM_LETTERS} letters.
 */
export function undoes(word: string, base: string, vocabulary: Vocabulary): boolean {
  if (base.length < UNDONE_STEM_LETTERS) return false;
  for (const prefix of vocabulary.reversalPrefixes) {
    if (word.length > prefix.length + base.length - 1 && word.startsWith(prefix) && foldAccents(word.slice(prefix.length)).startsWith(base)) return true;
  }
  return false;
}
