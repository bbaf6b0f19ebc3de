import { describe, expect, it } from 'vitest';
import { generateArticles, generateQueries, toJsonl } from '../../bench/generateArticles';

describe('generateArticles', () => {
  it('GIVEN the same seed THEN generates the same articles', () => {
    expect(generateArticles({ seed: 42, count: 20 })).toEqual(generateArticles({ seed: 42, count: 20 }));
    expect(generateQueries(42, 10)).toEqual(generateQueries(42, 10));
  });

  it('GIVEN another seed THEN generates other articles', () => {
    const a = generateArticles({ seed: 1, count: 5 }).map((article) => article.text);
    const b = generateArticles({ seed: 2, count: 5 }).map((article) => article.text);
    expect(a).not.toEqual(b);
  });

  it('GIVEN a larger count THEN the smaller corpus is its prefix', () => {
    expect(generateArticles({ seed: 7, count: 30 }).slice(0, 10)).toEqual(generateArticles({ seed: 7, count: 10 }));
  });

  it('GIVEN the default mix THEN writes French and English articles with dates, numbers and varied words', () => {
    const articles = generateArticles({ seed: 3, count: 300 });
    const french = articles.filter((article) => article.lang === 'fr').length;
    expect(french).toBeGreaterThan(100);
    expect(french).toBeLessThan(200);
    for (const article of articles) {
      expect(article.published).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(article.title.length).toBeGreaterThan(5);
      expect(article.text).toMatch(/\d/);
      expect(article.text.split(/(?<=[.!?»"])\s+/).length).toBeGreaterThanOrEqual(4);
    }
    const words = new Set(articles.flatMap((article) => article.text.toLowerCase().split(/[^\p{L}\d]+/u)));
    expect(words.size).toBeGreaterThan(1000);
    expect(new Set(articles.map((article) => article.text)).size).toBe(articles.length);
  });

  it('GIVEN articles THEN writes one JSON line each, readable back', () => {
    const articles = generateArticles({ seed: 5, count: 3 });
    const lines = toJsonl(articles).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(articles);
  });
});
