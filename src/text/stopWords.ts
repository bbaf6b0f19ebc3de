import { createRequire } from 'node:module';
import { foldAccents } from './foldForMatching';

const require = createRequire(import.meta.url);
const STOPWORDS_ISO = require('stopwords-iso') as Record<string, string[]>;

/**
 * Words stopwords-iso lists that carry meaning in news text and must stay
 * searchable ("Microsoft", "billion", "early", "attendu", "début"). Wordings of
 * the news lexicon are kept as well, per language.
 */
const MEANINGFUL = {
  en: 'microsoft computer open opened opening research website system billion million trillion thousand hundred year years date early world state states test name named announce first last latest next second third recent recently later soon today ended ending ends began begin beginning home information member members problem value work worked working works young older high large small present presented interest index face fact facts order number side room case point place part area bill backed help fire ai',
  fr: 'attendu début premier première dernier derniere dernière nouveau nouveaux état etat retour sujet valeur personne personnes gens passé ouvert ouverte ouverts parole essai force haut droite pièce stop',
};

function foldedSet(words: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const word of words) set.add(foldAccents(word.toLowerCase()).replace(/’/g, "'"));
  return set;
}

function stopSet(language: 'fr' | 'en'): Set<string> {
  const keep = foldedSet(MEANINGFUL[language].split(' '));
  const stop = foldedSet(STOPWORDS_ISO[language]);
  for (const word of keep) stop.delete(word);
  return stop;
}

/**
 * Folded stop words per language (stopwords-iso minus meaningful news words).
 * Lookups use the token's `norm`. Data only: the CLI's bundle holds the value
 * computed at `npm run build` (bin/bundle-cli.js), instead of reading
 * stopwords-iso's 200 kB of every language at start.
 */
export const STOP_WORDS: Readonly<Record<'fr' | 'en', ReadonlySet<string>>> = {
  fr: stopSet('fr'),
  en: stopSet('en'),
};
