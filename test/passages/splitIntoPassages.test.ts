import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import type { Language } from '../../src/text/language';
import type { Passage } from '../../src/passages/passage';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';

function article(text: string, language: Language = 'fr', id = 'a1'): Article {
  return { id, source: `${id}.txt`, title: id, language, published: null, url: null, text };
}

/** Fixture articles as text (front matter dropped: only the body matters here). */
function fixtureArticles(): Article[] {
  const dir = 'test/fixtures/news';
  return readdirSync(dir)
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => {
      const raw = readFileSync(join(dir, name), 'utf8');
      const text = raw.startsWith('---') ? raw.slice(raw.indexOf('\n---', 3) + 4) : raw;
      return article(text, /lang: en/.test(raw) ? 'en' : 'fr', name);
    });
}

function expectPassageInvariants(source: Article, passages: Passage[], maxChars: number): void {
  let previousEnd = 0;
  passages.forEach((passage, ordinal) => {
    expect(passage.text).toBe(source.text.slice(passage.start, passage.end));
    expect(passage).toMatchObject({ id: `${source.id}:${ordinal}`, articleId: source.id, ordinal });
    expect(passage.start).toBeGreaterThanOrEqual(previousEnd);
    expect(source.text.slice(previousEnd, passage.start).trim()).toBe('');
    expect(passage.text).toBe(passage.text.trim());
    expect(passage.end - passage.start).toBeLessThanOrEqual(maxChars);
    previousEnd = passage.end;
  });
  expect(source.text.slice(previousEnd).trim()).toBe('');
}

describe('splitIntoPassages', () => {
  const seed = article(readFileSync('seeds/000_f20889ff108f9afa.txt', 'utf8'), 'fr', 'f20889ff108f9afa');

  it('GIVEN the seed THEN passages slice back exactly, cover the text in order and keep GPT-4.5 whole', () => {
    const passages = splitIntoPassages(seed);
    expectPassageInvariants(seed, passages, 900);
    expect(passages.length).toBeGreaterThanOrEqual(6);
    for (const passage of passages) expect(passage.text).not.toMatch(/GPT-4\.$|^5\b/);
  });

  it('GIVEN the seed THEN passages hold whole sentences, a few each, and never cross its paragraph breaks', () => {
    for (const passage of splitIntoPassages(seed)) {
      expect(passage.text).not.toContain('\n');
      expect(passage.text).toMatch(/[.!?]$/);
      const sentenceEnds = passage.text.match(/[.!?](?=\s|$)/g) ?? [];
      expect(sentenceEnds.length).toBeGreaterThanOrEqual(1);
      expect(sentenceEnds.length).toBeLessThanOrEqual(4);
    }
  });

  it('GIVEN the fixture articles THEN every passage is an exact, ordered, disjoint slice', () => {
    for (const source of fixtureArticles()) expectPassageInvariants(source, splitIntoPassages(source), 900);
  });

  it('GIVEN short sentences THEN packs several into a passage near the target size', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Phrase numéro ${i + 1} sur le lancement du modèle.`).join(' ');
    const passages = splitIntoPassages(article(text), { targetChars: 200 });
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages.slice(0, -1)) {
      expect(passage.end - passage.start).toBeGreaterThan(120);
      expect(passage.end - passage.start).toBeLessThan(280);
    }
  });

  it('GIVEN a paragraph break THEN a passage of normal size stops there', () => {
    const first =
      'Premier paragraphe, une phrase assez longue pour compter vraiment dans le passage. Encore une phrase, elle aussi assez longue, sur le lancement prévu du modèle.';
    const text = `${first}\n\nSecond paragraphe qui parle d'autre chose.`;
    const passages = splitIntoPassages(article(text), { targetChars: 400 });
    expect(passages.map((p) => p.text)).toEqual([first, "Second paragraphe qui parle d'autre chose."]);
  });

  it('GIVEN a tiny heading line THEN it joins the paragraph after it', () => {
    const text = 'Titre\nLe modèle GPT-5 sera lancé fin mai, selon plusieurs sources proches du dossier chez OpenAI.';
    expect(splitIntoPassages(article(text)).map((p) => p.text)).toEqual([text]);
  });

  it('GIVEN one huge sentence THEN cuts it at word boundaries under maxChars', () => {
    const text = `${Array.from({ length: 200 }, (_, i) => `mot${i}`).join(' ')}.`;
    const source = article(text);
    const passages = splitIntoPassages(source, { targetChars: 200, maxChars: 300 });
    expectPassageInvariants(source, passages, 300);
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages) {
      expect(passage.text).toMatch(/^mot\d/);
      expect(passage.text).toMatch(/\d\.?$/);
    }
  });

  it('GIVEN empty text THEN returns no passage', () => {
    expect(splitIntoPassages(article('  \n '))).toEqual([]);
  });

  it('GIVEN sizes that make no sense THEN says which', () => {
    expect(() => splitIntoPassages(seed, { targetChars: 0 })).toThrow(/targetChars/);
    expect(() => splitIntoPassages(seed, { targetChars: 500, maxChars: 100 })).toThrow(/maxChars/);
  });
});
