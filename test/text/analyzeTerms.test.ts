import { describe, expect, it } from 'vitest';
import { analyzeTerms, analyzeTokens } from '../../src/text/analyzeTerms';

describe('analyzeTerms', () => {
  it('GIVEN French text THEN drops stop words and stems inflections to one folded term', () => {
    const terms = analyzeTerms('Le lancement est prévu : OpenAI lancera le modèle, les modèles seront lancés.', 'fr');
    expect(terms).not.toContain('le');
    expect(terms).not.toContain('est');
    expect(terms.filter((term) => term === 'lanc')).toHaveLength(3);
    expect(terms.filter((term) => term === 'model')).toHaveLength(2);
  });

  it('GIVEN English text THEN drops stop words and stems with the English stemmer', () => {
    expect(analyzeTerms('The partners launched the models', 'en')).toEqual(['partner', 'launch', 'model']);
  });

  it('GIVEN accented and unaccented spellings THEN they meet on one term', () => {
    expect(analyzeTerms('déploiement', 'fr')).toEqual(analyzeTerms('deploiement', 'fr'));
    expect(analyzeTerms('Hébergement', 'fr')).toEqual(analyzeTerms('hebergement', 'fr'));
  });

  it('GIVEN names and versions THEN keeps them unstemmed, alike in both languages', () => {
    for (const language of ['fr', 'en'] as const) {
      expect(analyzeTerms('OpenAI GPT-4.5 IA o3', language)).toEqual(['openai', 'gpt-4.5', 'ia', 'o3']);
    }
  });

  it('GIVEN news words that stopwords-iso lists THEN keeps them', () => {
    expect(analyzeTerms('Microsoft early billion end', 'en')).toEqual(['microsoft', 'earli', 'billion', 'end']);
    expect(analyzeTerms('attendu début', 'fr')).toEqual(['attendu', 'début'.normalize('NFD').replace(/[\u0300-\u036f]/g, '')]);
  });

  it('GIVEN no language THEN reads the text by its stop words', () => {
    expect(analyzeTerms('Les partenaires ont lancé le modèle')).toEqual(analyzeTerms('Les partenaires ont lancé le modèle', 'fr'));
    expect(analyzeTerms('The partners have launched the models', 'und')).toEqual(
      analyzeTerms('The partners have launched the models', 'en'),
    );
  });

  it('GIVEN a text with no stop words and no language THEN reads accented words as French, others as English', () => {
    const tokens = analyzeTokens('déploiement servers');
    expect(tokens.map((token) => [token.term, token.language])).toEqual([
      ['deploi', 'fr'],
      ['server', 'en'],
    ]);
  });

  it('GIVEN elisions and single letters THEN leaves them out', () => {
    expect(analyzeTerms("l'équipe d'ingénieurs", 'fr')).toEqual(['equip', 'ingenieur']);
  });
});
