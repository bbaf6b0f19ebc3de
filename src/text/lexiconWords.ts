import { NEWS_LEXICON } from './newsLexicon';
import { tokenize } from './tokenize';

function singleWordings(language: 'fr' | 'en'): Set<string> {
  const words = new Set<string>();
  for (const concept of NEWS_LEXICON) {
    for (const wording of concept[language]) {
      const tokens = tokenize(wording);
      if (tokens.length === 1) words.add(tokens[0].norm);
    }
  }
  return words;
}

/**
 * The news lexicon's one-word wordings (token norms) per language: never
 * dropped as stop words ("early", "fin", "AI"). Data only: the CLI's bundle
 * holds the value computed at `npm run build` (bin/bundle-cli.js).
 */
export const LEXICON_WORDS: Readonly<Record<'fr' | 'en', ReadonlySet<string>>> = { fr: singleWordings('fr'), en: singleWordings('en') };
