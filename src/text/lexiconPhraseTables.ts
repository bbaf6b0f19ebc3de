import { analyzeTerms } from './analyzeTerms';
import { type LexiconConcept, NEWS_LEXICON } from './newsLexicon';

/** Prefix of concept terms; no analysed word starts with it. */
export const CONCEPT_PREFIX = '~';

/** One wording of a lexicon concept, as analysed terms. */
export interface LexiconPhrase {
  /** Terms after the first one, in order. */
  rest: string[];
  /** The concept term (`~release`). */
  concept: string;
}

/** A language's wordings by their first analysed term, longest first. */
export type PhraseTable = Map<string, LexiconPhrase[]>;

/** The phrase table of each language. */
export interface PhraseTables {
  fr: PhraseTable;
  en: PhraseTable;
}

function buildTable(lexicon: readonly LexiconConcept[], language: 'fr' | 'en'): PhraseTable {
  const table: PhraseTable = new Map();
  for (const concept of lexicon) {
    for (const wording of concept[language]) {
      const [first, ...rest] = analyzeTerms(wording, language);
      if (first === undefined) continue;
      const phrases = table.get(first) ?? [];
      const id = CONCEPT_PREFIX + concept.id;
      if (!phrases.some((p) => p.concept === id && p.rest.join(' ') === rest.join(' '))) phrases.push({ rest, concept: id });
      table.set(first, phrases);
    }
  }
  for (const phrases of table.values()) phrases.sort((a, b) => b.rest.length - a.rest.length);
  return table;
}

/** The news lexicon's wordings analysed as article text is, in each language. */
export function buildPhraseTables(lexicon: readonly LexiconConcept[] = NEWS_LEXICON): PhraseTables {
  return { fr: buildTable(lexicon, 'fr'), en: buildTable(lexicon, 'en') };
}

/**
 * The news lexicon's phrase tables. Analysing every wording costs tens of
 * milliseconds at start (the stemmers are cold), so the CLI's bundle
 * (bin/bundle-cli.js) replaces this module with the tables this same code
 * computed at `npm run build`.
 */
export const PHRASE_TABLES: PhraseTables = buildPhraseTables();
