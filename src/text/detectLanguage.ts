import { franc } from 'franc-min';
import type { Language, VocabularyLanguage } from './language';

const FRENCH_MARKERS = new Set(['le', 'la', 'les', 'des', 'du', 'est', 'une', 'et', 'quand', 'quel', 'quelle', 'qui', 'avec', 'pour', 'sera', 'sortie', 'dans', 'au', 'aux', 'ce', 'cette']);
const ENGLISH_MARKERS = new Set(['the', 'is', 'are', 'of', 'and', 'when', 'what', 'who', 'which', 'with', 'for', 'will', 'be', 'in', 'to', 'does', 'did', 'how']);

/** What franc's guess weighs against function words; when they lead by more, franc cannot change the answer and is not asked. */
const FRANC_WEIGHT = 3;

/**
 * Detects French or English. Long texts go to franc (trigram statistics);
 * short ones such as questions are decided by function words, which franc
 * cannot judge on a handful of characters. `und` when neither wins.
 */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let french = 0;
  let english = 0;
  for (const word of words) {
    if (FRENCH_MARKERS.has(word)) french += 1;
    if (ENGLISH_MARKERS.has(word)) english += 1;
  }
  if (/[àâçéèêëîïôûùüÿœ]|qu'|l'|d'/i.test(text)) french += 1;
  if (text.length >= 80 && Math.abs(french - english) <= FRANC_WEIGHT) {
    const guess = franc(text, { only: ['fra', 'eng'], minLength: 10 });
    if (guess === 'fra') french += FRANC_WEIGHT;
    if (guess === 'eng') english += FRANC_WEIGHT;
  }
  if (french === english) return words.length === 0 ? 'und' : french === 0 ? 'und' : 'en';
  return french > english ? 'fr' : 'en';
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
