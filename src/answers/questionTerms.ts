import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { foldForMatching } from '../text/foldForMatching';
import { analyzeTerms } from '../text/analyzeTerms';
import { expandWithLexicon, isConcept } from '../text/expandWithLexicon';

/**
 * Function words only: the index's stop list (stopwords-iso) also drops words
 * such as "available" or "generally" that say what a question asks.
 */
const FUNCTION_WORDS = new Set(
  'when what which who whom whose where why how much many is are was were be been being will would does did do has have had the a an of to in on for by with and or its it their his her this that these those than about from at as into new quand quel quelle quels quelles qui que quoi ou combien comment pourquoi est sont sera seront etait ete etre le la les l un une des du de d au aux et en dans pour par sur avec son sa ses leur leurs ce cette ces il elle ils elles t va vont a ont s qu y ne pas plus nouveau nouvelle nouveaux'.split(' '),
);

/**
 * The terms of `text` that carry meaning: Snowball stems of its content words
 * (accent-folded, function words dropped) plus the bilingual news lexicon's
 * concepts they express, so "launch" in a question meets « lancement » in a sentence.
 */
export function meaningfulTerms(text: string, language: 'fr' | 'en'): Set<string> {
  const stem = language === 'fr' ? frenchStemmer : englishStemmer;
  const terms = new Set<string>();
  for (const word of foldForMatching(text).match(/[\p{L}\d]+(?:\.\d+)?/gu) ?? []) {
    if (word.length < 2 || FUNCTION_WORDS.has(word)) continue;
    terms.add(/\d/.test(word) ? word : stem(word));
  }
  for (const term of expandWithLexicon(analyzeTerms(text, language), language)) if (isConcept(term)) terms.add(term);
  return terms;
}
