import { describe, expect, it } from 'vitest';
import { buildArticle, languageSample } from '../../src/articles/buildArticle';
import { normaliseLanguage } from '../../src/articles/normaliseLanguage';

const FRENCH = "Le gouvernement a présenté mercredi un plan d'investissements dans l'intelligence artificielle, destiné à faire de la France un pôle européen des centres de données.";
const ENGLISH = 'Nvidia reported record revenue for its fourth quarter on Wednesday, driven by demand for the chips that train and run artificial intelligence models.';

describe('article language', () => {
  it.each([
    ['fr', 'fr'], ['fr-FR', 'fr'], ['fr_CA', 'fr'], ['FR', 'fr'], ['French', 'fr'], ['français', 'fr'], ['fra', 'fr'],
    ['en', 'en'], ['en-US', 'en'], ['English', 'en'], ['anglais', 'en'], ['eng', 'en'],
    ['de', 'und'], ['es-ES', 'und'],
  ])('GIVEN metadata lang %j THEN %s', (tag, expected) => {
    expect(normaliseLanguage(tag)).toBe(expected);
  });

  it('GIVEN metadata that says nothing usable THEN language is left to detection', () => {
    expect(normaliseLanguage('')).toBeNull();
    expect(normaliseLanguage('und')).toBeNull();
    expect(normaliseLanguage('some language')).toBeNull();
    expect(normaliseLanguage(42)).toBeNull();
  });

  it('GIVEN no language in metadata THEN French and English texts are detected', () => {
    expect(buildArticle('a.txt', FRENCH, {}).language).toBe('fr');
    expect(buildArticle('b.txt', ENGLISH, {}).language).toBe('en');
  });

  it('GIVEN a language in metadata THEN it wins over detection', () => {
    expect(buildArticle('a.txt', ENGLISH, { language: 'fr-FR' }).language).toBe('fr');
  });

  it('GIVEN a long text THEN detection reads its opening, cut at a word boundary', () => {
    const long = `${ENGLISH} ${ENGLISH} ${ENGLISH}`;
    const sample = languageSample(long);
    expect(long.startsWith(sample)).toBe(true);
    expect(sample.length).toBeLessThan(long.length);
    expect(long[sample.length]).toMatch(/\s/);
  });
});
