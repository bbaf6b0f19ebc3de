import type { Language } from '../articles/article';
import { analyzeTerms } from './analyzeTerms';
import { type LexiconConcept, NEWS_LEXICON } from './newsLexicon';

/** Prefix of concept terms; no analysed word starts with it. */
export const CONCEPT_PREFIX = '~';

interface Phrase {
  /** Terms after the first one, in order. */
  rest: string[];
  concept: string;
}

type PhraseTable = Map<string, Phrase[]>;

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

const TABLES = { fr: buildTable(NEWS_LEXICON, 'fr'), en: buildTable(NEWS_LEXICON, 'en') };

function matchConcepts(terms: string[], tables: PhraseTable[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < terms.length; i += 1) {
    let matched: Set<string> | undefined;
    for (const table of tables) {
      for (const { rest, concept } of table.get(terms[i]) ?? []) {
        if (matched?.has(concept)) continue;
        if (rest.every((term, j) => terms[i + 1 + j] === term)) {
          matched ??= new Set();
          matched.add(concept);
          found.push(concept);
        }
      }
    }
  }
  return found;
}

/**
 * `terms` followed by the concept ids (`~release`, `~partner`, ...) of the
 * bilingual news lexicon that they express, one per occurrence, so that
 * "launch" and "lancement" share a term. `terms` come from
 * {@link analyzeTerms}; `language` says which wordings to look for (both when
 * missing or `und`: a French stem such as `report` then also reads English
 * "report" as a delay, so pass the language when it is known).
 */
export function expandWithLexicon(terms: string[], language?: Language): string[] {
  const tables = language === 'fr' ? [TABLES.fr] : language === 'en' ? [TABLES.en] : [TABLES.fr, TABLES.en];
  const concepts = matchConcepts(terms, tables);
  return concepts.length === 0 ? terms : [...terms, ...concepts];
}

/** Whether `term` is a lexicon concept id rather than a word. */
export function isConcept(term: string): boolean {
  return term.startsWith(CONCEPT_PREFIX);
}
