import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { foldForMatching } from '../facts/foldForMatching';

const QUESTION_WORDS = new Set(
  'when what which who whom whose where why how much many is are was were be been will would does did do has have had the a an of to in on for by with and or its it their his her this that these those than about expected quand quel quelle quels quelles qui que quoi ou combien comment pourquoi est sont sera seront etait ete le la les l un une des du de d au aux et en dans pour par sur avec son sa ses leur leurs ce cette ces il elle ils elles t va vont a ont s qu y ne pas plus'.split(' '),
);

/** Stems of the words that carry meaning in `text`, accent-folded, question and function words dropped. */
export function meaningfulTerms(text: string, language: 'fr' | 'en'): Set<string> {
  const stem = language === 'fr' ? frenchStemmer : englishStemmer;
  const terms = new Set<string>();
  for (const word of foldForMatching(text).match(/[\p{L}\d]+/gu) ?? []) {
    if (word.length < 2 || QUESTION_WORDS.has(word)) continue;
    terms.add(stem(word));
  }
  return terms;
}
