import { VOCABULARIES } from './vocabulary';
/**
 * Words made of digits and letters that are no names: ordinals ("27ème",
 * "1re", "XVIIIe", "20ᵉ"), times of day ("16h30", "18H00"), measures ("80km",
 * "150mg") and years. Name readers use them so that "16h30 Laurent Baumel" is
 * Laurent Baumel and "la 27ème édition" names nothing.
 */

const ORDINAL_FOLDED = /^\p{N}+(?:e|er|ere|re|eme|emes|nd|nde|th|st|rd|ᵉ|ᵉʳ|ᵉˢ)$/u;
const ROMAN_ORDINAL = /^[IVXLC]+(?:e|er|re|ème|eme|ᵉ)$/u;
const TIME_OF_DAY = /^(?:[01]?\p{N}|2[0-4])[hH](?:[0-5]\p{N})?$/u;
const MEASURE = /^\p{N}+(?:[.,]\p{N}+)?\p{Ll}{1,3}$/u;
const YEAR = /^(?:1[0-9]{3}|20[0-9]{2})$/;

/** "27ème", "1re", "3rd", "XVIIIe", "20ᵉ": `folded` is the word through foldForMatching. */
export function isOrdinalWord(text: string, folded: string = text.toLowerCase()): boolean {
  return ORDINAL_FOLDED.test(folded) || ROMAN_ORDINAL.test(text);
}

/** "16h30", "18H00", "6h". */
export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text);
}

/** A number with a lower-case unit glued to it: "80km", "150mg", "6t". */
export function isMeasure(text: string): boolean {
  return MEASURE.test(text);
}

/** A four-digit year from 1000 to 2099. */
export function isYear(text: string): boolean {
  return YEAR.test(text);
}

/** Whether a word with digits is a count, a time, a rank or a year rather than part of a name or model number. */
export function isNumberNotName(text: string, folded: string = text.toLowerCase()): boolean {
  return isYear(text) || isOrdinalWord(text, folded) || isTimeOfDay(text) || isMeasure(text);
}

/** A noun counted in order (« second tour », "first round"): the noun, singular, and the ordinal's number. */
export interface OrdinalNoun {
  noun: string;
  number: number;
}

/** Each « ordinal noun » of a folded text (« second tour », "first round"). */
export function ordinalNouns(folded: string): OrdinalNoun[] {
  const found: OrdinalNoun[] = [];
  for (const match of folded.matchAll(/(?<![\p{L}\p{N}])([\p{L}\p{N}]+)(?=\s+(\p{L}{3,}))/gu)) {
    const number = VOCABULARIES.fr.dates.ordinals[match[1]] ?? VOCABULARIES.en.dates.ordinals[match[1]];
    if (number !== undefined) found.push({ noun: match[2].replace(/s$/u, ''), number });
  }
  return found;
}

/**
 * Whether a folded sentence speaks of another of the things a question counts
 * in order (`asked`, its {@link ordinalNouns}): « le premier tour … le 23
 * avril » for « Quand a eu lieu le second tour ? » (the same noun with another
 * ordinal, and never the asked one).
 */
export function namesAnotherOrdinal(asked: readonly OrdinalNoun[], foldedSentence: string): boolean {
  if (asked.length === 0) return false;
  const said = ordinalNouns(foldedSentence);
  return asked.some((a) => said.some((s) => s.noun === a.noun && s.number !== a.number) && !said.some((s) => s.noun === a.noun && s.number === a.number));
}
