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

/** The lexicon's wordings in one language, analysed as article text is. */
export interface AnalyzedLexicon {
  /** Each concept term's wordings, as analysed terms, in the lexicon's order (a wording of stop words only is empty). */
  wordings: Map<string, string[][]>;
  /** The wordings by their first term, for matching in a run of terms. */
  phrases: PhraseTable;
}

function analyzeLexicon(lexicon: readonly LexiconConcept[], language: 'fr' | 'en'): AnalyzedLexicon {
  const wordings = new Map<string, string[][]>();
  const phrases: PhraseTable = new Map();
  for (const concept of lexicon) {
    const id = CONCEPT_PREFIX + concept.id;
    const analyzed = concept[language].map((wording) => analyzeTerms(wording, language));
    wordings.set(id, analyzed);
    for (const [first, ...rest] of analyzed) {
      if (first === undefined) continue;
      const known = phrases.get(first) ?? [];
      if (!known.some((p) => p.concept === id && p.rest.join(' ') === rest.join(' '))) known.push({ rest, concept: id });
      phrases.set(first, known);
    }
  }
  for (const known of phrases.values()) known.sort((a, b) => b.rest.length - a.rest.length);
  return { wordings, phrases };
}

/**
 * The news lexicon analysed in each language. Analysing every wording costs
 * tens of milliseconds at start (the stemmers are cold); this module exports
 * data only, so the CLI's bundle holds the values computed at `npm run build`
 * (bin/bundle-cli.js).
 */
export const ANALYZED_LEXICON: Readonly<Record<'fr' | 'en', AnalyzedLexicon>> = {
  fr: analyzeLexicon(NEWS_LEXICON, 'fr'),
  en: analyzeLexicon(NEWS_LEXICON, 'en'),
};
