import type { Language } from './language';
import { ANALYZED_LEXICON, CONCEPT_PREFIX, type PhraseTable } from './analyzedLexicon';

export { CONCEPT_PREFIX } from './analyzedLexicon';

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
  const tables = language === 'fr' ? [ANALYZED_LEXICON.fr.phrases] : language === 'en' ? [ANALYZED_LEXICON.en.phrases] : [ANALYZED_LEXICON.fr.phrases, ANALYZED_LEXICON.en.phrases];
  const concepts = matchConcepts(terms, tables);
  return concepts.length === 0 ? terms : [...terms, ...concepts];
}

/** Whether `term` is a lexicon concept id rather than a word. */
export function isConcept(term: string): boolean {
  return term.startsWith(CONCEPT_PREFIX);
}
