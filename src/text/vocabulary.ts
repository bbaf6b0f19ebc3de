import { VOCABULARY_EN } from './vocabularyEn';
import { VOCABULARY_FR } from './vocabularyFr';

/** What a question asks for, and what kind of value an answer candidate is. */
export type AnswerType =
  | 'date'
  | 'amount'
  | 'count'
  | 'person'
  | 'organisation'
  | 'place'
  | 'product'
  | 'name'
  | 'reason'
  | 'manner'
  | 'yes-no'
  | 'other';

/** Which step of a story a date question is about ("originally planned", "postponed to", "finally"...). */
export type DateRole = 'original' | 'postponed' | 'latest' | 'announced' | 'first' | 'next';

/** What kind of thing a learned name names. */
export type NameKind = 'person' | 'organisation' | 'place' | 'product' | 'event' | 'other';

/**
 * The words of one language that question analysis and fact extraction
 * share. Every word is folded (`foldForMatching`: lower case, no accents,
 * straight apostrophes); patterns run on folded text.
 */
export interface Vocabulary {
  language: 'fr' | 'en';
  /** Question openers, tried in order, to the answer type they ask for. */
  questionOpeners: ReadonlyArray<readonly [RegExp, AnswerType]>;
  /** "quel(le) X" / "which X": the noun X says the type ("quelle ville" → place). */
  typeNouns: Readonly<Record<string, AnswerType>>;
  /** Words that only frame a question ("quel", "est-ce", "what", "does") and never belong to an answer's focus. */
  questionWords: ReadonlySet<string>;
  /** A yes/no question: an auxiliary or "est-ce que" first. */
  yesNo: RegExp;
  /** Titles and roles written before a person's name ("M.", "le président", "Dr"). */
  personTitles: ReadonlySet<string>;
  /** Words before or after a name that make it an organisation ("le groupe X", "X SA", "X Inc."). */
  organisationCues: ReadonlySet<string>;
  /** Words that, before a name, make it an event ("le Mondial", "la finale de"). */
  eventCues: ReadonlySet<string>;
  /** Prepositions of place ("à Paris", "in Texas"). */
  placePrepositions: ReadonlySet<string>;
  /** Lower-case words that may sit inside a name ("Bureau du recensement", "Bank of America"). */
  nameParticles: ReadonlySet<string>;
  /** Words that introduce a reason ("parce que", "because"). */
  reasonCues: RegExp;
  /** Words of a date question's role ("initialement" → original). */
  roles: ReadonlyArray<readonly [RegExp, DateRole]>;
  /** Currencies and percentages, as written after or before a number. */
  currencies: ReadonlySet<string>;
  /** Scale words after a number ("millions", "billion"). */
  scales: ReadonlySet<string>;
  /** Imperatives addressed to a reader or a model ("ignore", "say"): a sentence built on them states nothing. */
  instructions: RegExp;
  /** Words that give something another name ("nom de code", "surnommé", "code-named"). */
  namingCues: RegExp;
  /** Verbs of money: "combien" with one of them asks an amount ("Combien Microsoft va-t-il investir ?"). */
  moneyVerbs: RegExp;
  /** Words that tie two organisations (a partnership, a deal, a supply, an investment), as a regex source on folded text. */
  tieWords: string;
  /** Words that state a partnership by themselves, whatever its nature (regex source). */
  strongTieWords: string;
  /** Place names in this language to their name in the other one ("etats-unis" → "united states"). */
  placeNames: Readonly<Record<string, readonly string[]>>;
}

/** The vocabulary of each language Scoop reads. */
export const VOCABULARIES: Readonly<Record<'fr' | 'en', Vocabulary>> = { fr: VOCABULARY_FR, en: VOCABULARY_EN };
