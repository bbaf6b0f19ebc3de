import type { Language } from '../articles/article';
import { detectLanguage } from './detectLanguage';
import { VOCABULARIES, type Vocabulary } from './vocabulary';

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

/** The question's language when its words do not decide: French for accents and French function words. */
const FRENCH_HINT = /[àâçéèêëîïôûùüÿœ]|\b(?:quel|quelle|quels|quelles|qui|quand|combien|pourquoi|comment|est-ce|les|des|du|une|dans|sur|avec|pour|de|et)\b|-t-(?:il|elle|on)\b/iu;

/**
 * The language of a question or any short text: its own words first
 * (`detectLanguage`), then French hints (accents, function words), then `fallback`.
 */
export function questionLanguage(question: string, fallback: VocabularyLanguage, detected: Language = detectLanguage(question)): VocabularyLanguage {
  if (detected !== 'und') return detected;
  return FRENCH_HINT.test(question) ? 'fr' : fallback;
}
