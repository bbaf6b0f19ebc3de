import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/text/analyzeTerms';
import { expandWithLexicon, isConcept } from '../../src/text/expandWithLexicon';
import { NEWS_LEXICON } from '../../src/text/newsLexicon';

const concepts = (text: string, language: 'fr' | 'en') =>
  new Set(expandWithLexicon(analyzeTerms(text, language), language).filter(isConcept));

describe('expandWithLexicon', () => {
  it.each([
    ['When will OpenAI launch the model?', 'Le lancement du modèle est prévu', ['~release', '~model']],
    ['GPT-4.5 will be unveiled', 'GPT-4.5 sera dévoilé', ['~release']],
    ['Microsoft is the partner of OpenAI', 'Microsoft est le partenaire d’OpenAI', ['~partner']],
    ['a partnership deal', 'un accord de partenariat', ['~partner']],
    ['GPT-5 was delayed', 'GPT-5 a été reporté', ['~delay']],
    ['the launch was postponed', 'le lancement a été repoussé', ['~delay', '~release']],
    ['cloud servers hosting the model', "l'hébergement sur les serveurs", ['~cloud']],
    ['a huge investment', 'un investissement massif', ['~investment']],
    ['Nvidia GPU chips', 'les puces de Nvidia', ['~chip']],
    ['expected at the end of May', 'attendu fin mai', ['~expected', '~end', '~may']],
    ['its code name', 'son nom de code', ['~codename']],
    ['early next week', 'au début de la semaine prochaine', ['~early', '~week', '~next']],
  ])('GIVEN "%s" and "%s" THEN both express %j', (english, french, shared) => {
    const en = concepts(english, 'en');
    const fr = concepts(french, 'fr');
    for (const concept of shared) {
      expect(en).toContain(concept);
      expect(fr).toContain(concept);
    }
  });

  it('GIVEN terms THEN keeps them first and in order, concepts after', () => {
    const terms = analyzeTerms('OpenAI lance GPT-5', 'fr');
    const expanded = expandWithLexicon(terms, 'fr');
    expect(expanded.slice(0, terms.length)).toEqual(terms);
    expect(expanded.slice(terms.length)).toEqual(['~release']);
  });

  it('GIVEN a concept word twice THEN counts the concept twice', () => {
    expect(expandWithLexicon(analyzeTerms('cloud cloud', 'en'), 'en').filter(isConcept)).toEqual(['~cloud', '~cloud']);
  });

  it('GIVEN English "report" THEN does not read it as the French "report" (a delay)', () => {
    expect(concepts('according to a report', 'en').has('~delay')).toBe(false);
    expect(concepts('le report du lancement', 'fr').has('~delay')).toBe(true);
  });

  it('GIVEN only one word of a phrase THEN does not add the phrase concept', () => {
    expect(concepts('the code is open', 'en').has('~codename')).toBe(false);
  });

  it('every lexicon wording analyses to terms, and each phrase to at least two (else it would fire on one word)', () => {
    for (const concept of NEWS_LEXICON) {
      for (const language of ['en', 'fr'] as const) {
        for (const wording of concept[language]) {
          const terms = analyzeTerms(wording, language);
          expect(terms.length, `${concept.id}: "${wording}"`).toBeGreaterThan(0);
          if (/\s/.test(wording)) expect(terms.length, `${concept.id}: "${wording}"`).toBeGreaterThan(1);
          expect(expandWithLexicon(terms, language), `${concept.id}: "${wording}"`).toContain(`~${concept.id}`);
        }
      }
    }
  });

  it('concept ids are unique', () => {
    const ids = NEWS_LEXICON.map((concept) => concept.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
