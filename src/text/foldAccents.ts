const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };
const NEEDS_FOLDING = /[^\u0000-\u007f]/;

/**
 * Removes diacritics and expands ligatures (`é` → `e`, `œ` → `oe`) so that
 * "déploiement", "deploiement" and "DÉPLOIEMENT".toLowerCase() meet on one
 * form. Case is kept; the result may be longer than the input (ligatures), so
 * it is for matching, never for offsets.
 */
export function foldAccents(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[œŒæÆß]/g, (ligature) => LIGATURES[ligature] ?? ligature);
}
