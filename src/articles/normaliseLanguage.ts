import type { Language } from '../text/language';

const FRENCH_NAMES = new Set(['fr', 'fra', 'fre', 'french', 'français', 'francais', 'française', 'francaise']);
const ENGLISH_NAMES = new Set(['en', 'eng', 'english', 'anglais']);
const UNDETERMINED = new Set(['', 'und', 'unknown', 'auto']);

/**
 * Reads a language as metadata writes it (`fr`, `fr-FR`, `fr_CA`, `French`,
 * `français`, `en-US`, `english`...). Returns the language when it is French
 * or English, `und` for a well-formed tag of another language (so a German
 * article is not forced into French or English), and null when the value
 * says nothing usable and the language should be detected from the text.
 */
export function normaliseLanguage(value: unknown): Language | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().toLowerCase();
  if (UNDETERMINED.has(tag)) return null;
  const primary = tag.split(/[-_]/)[0] ?? '';
  if (FRENCH_NAMES.has(primary) || FRENCH_NAMES.has(tag)) return 'fr';
  if (ENGLISH_NAMES.has(primary) || ENGLISH_NAMES.has(tag)) return 'en';
  return /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/.test(tag) ? 'und' : null;
}
