import { describe, expect, it } from 'vitest';
import { analyzePassage, analyzeTerms, analyzeTokens } from '../../src/text/analyzeTerms';

describe('analyzeTerms', () => {
  it.each(['fr', 'en'] as const)('GIVEN words seen before (%s) THEN the terms are those of the tokens analysed one by one, the second time too', (language) => {
    const text = "L'équipe d'OpenAI a présenté GPT-4.5 en May aux U.S. : pompeSelon Jean-Pierre, l'IA qu'Apple lancera le 3,5 % de x ; it's the models' launch, 18.2 US";
    const expected = analyzeTokens(text, language).map((token) => token.term);
    expect(expected.length).toBeGreaterThan(8);
    expect(analyzeTerms(text, language)).toEqual(expected);
    expect(analyzeTerms(text, language)).toEqual(expected);
    expect(analyzeTerms(text.toUpperCase(), language)).toEqual(analyzeTokens(text.toUpperCase(), language).map((token) => token.term));
  });

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

describe('analyzePassage', () => {
  const french = 'Les partenaires ont lancé le modèle GPT-4.5 à Paris.';
  const english = 'The partners have launched the models in the United States.';
  const wordsOnly = 'Microsoft Nvidia déploiement cloud';

  it('GIVEN a passage in its article language THEN both readings are the analyses BM25 and the embedder would make', () => {
    for (const [text, language] of [[french, 'fr'], [english, 'en'], [wordsOnly, 'und']] as const) {
      const analysis = analyzePassage(text, language);
      expect(analysis.inLanguage).toEqual(analyzeTokens(text, language));
      expect(analysis.bySelf).toEqual(analyzeTokens(text));
    }
  });

  it('GIVEN an English passage in a French article THEN BM25 reads it as French and the embedder as English, like a query', () => {
    const analysis = analyzePassage(english, 'fr');
    expect(analysis.inLanguage).toEqual(analyzeTokens(english, 'fr'));
    expect(analysis.bySelf).toEqual(analyzeTokens(english, 'en'));
    expect(analysis.bySelf.map((token) => token.term)).toContain('launch');
    expect(analysis.inLanguage.map((token) => token.term)).not.toContain('launch');
  });
});
