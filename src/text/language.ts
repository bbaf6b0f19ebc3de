import { VOCABULARIES, type Vocabulary } from './vocabulary';

/** Languages Scoop analyses; `und` when detection could not decide. */
export type Language = 'fr' | 'en' | 'und';

/** The languages Scoop has a vocabulary for. */
export type VocabularyLanguage = 'fr' | 'en';

/** The vocabulary language of a text's language: English for `en`, French otherwise (the corpus is French news). */
export function vocabularyLanguage(language: Language): VocabularyLanguage {
  return language === 'en' ? 'en' : 'fr';
}

/** The vocabularies to read a text with: its own, or both when its language is unknown (`und`). */
export function vocabulariesFor(language: Language): readonly Vocabulary[] {
  return language === 'und' ? [VOCABULARIES.fr, VOCABULARIES.en] : [VOCABULARIES[vocabularyLanguage(language)]];
}
