/**
 * Abbreviations (folded to lowercase, without their final period) after which
 * a period does not end the sentence, in French and English: titles
 * (`M.`, `Dr.`), Latin and editorial shorthands (`e.g.`, `cf.`, `p.`) and
 * abbreviated months (`janv.`, `Sept.`).
 */
export const NON_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'mr', 'mrs', 'ms', 'dr', 'pr', 'prof', 'me', 'mgr', 'st', 'ste', 'sr', 'jr',
  'gen', 'gén', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'cmdr', 'adm', 'rev', 'hon', 'pres',
  'e.g', 'i.e', 'cf', 'vs', 'v', 'p', 'pp', 'vol', 'no', 'nos', 'n°', 'art', 'al', 'env', 'ex', 'approx', 'fig', 'chap',
  'éd', 'ed', 'av', 'bd', 'ave', 'resp', 'min', 'max', 'hab', 'tél', 'tel', 'ca', 'c.-à-d', 'c.à.d', 'j.-c', 'apr', 'av. j.-c',
  'jan', 'janv', 'feb', 'fév', 'févr', 'mar', 'avr', 'jun', 'jul', 'juil', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'déc',
]);

/**
 * Abbreviations that often close a sentence (`etc.`, `Inc.`, `U.S.`): the
 * period ends the sentence only when a typical sentence opener follows.
 */
export const AMBIGUOUS_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'etc', 'inc', 'ltd', 'corp', 'co', 'llc', 'plc', 'sa', 's.a', 'u.s', 'u.k', 'u.s.a', 'e.u', 'a.m', 'p.m',
]);

/** Words that usually open a sentence; they settle an ambiguous abbreviation. */
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'in', 'on', 'at', 'but', 'and', 'this', 'that', 'these',
  'those', 'there', 'their', 'his', 'her', 'our', 'as', 'after', 'before', 'for', 'with', 'while', 'when', 'however', 'meanwhile',
  'le', 'la', 'les', "l'", 'l’', 'il', 'elle', 'ils', 'elles', 'un', 'une', 'des', 'ce', 'cette', 'ces', 'mais', 'et', 'en',
  'dans', 'pour', 'selon', 'depuis', 'cependant', 'toutefois', 'par', 'sur', 'avec', 'on', 'nous', 'son', 'sa', 'ses', 'leur',
]);
