import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../src/articles/article';
import { computeArticleId } from '../../src/articles/articleId';
import { loadCorpus } from '../../src/articles/loadCorpus';

function idsBySource(load: CorpusLoad): Map<string, string> {
  return new Map(load.articles.map((article) => [article.source, article.id]));
}

describe('article ids', () => {
  let corpus: string;

  beforeEach(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'scoop-ids-'));
    for (const name of ['plain-headline.txt', 'with-sidecar.txt', 'with-sidecar.meta.json', 'front-matter.md', 'feed.jsonl']) {
      await cp(join('test/fixtures/formats', name), join(corpus, name));
    }
  });

  afterEach(async () => {
    await rm(corpus, { recursive: true, force: true });
  });

  it('GIVEN the same content THEN the same ids, run after run and wherever the folder is', async () => {
    const first = await loadCorpus(corpus);
    const second = await loadCorpus(corpus);
    expect(idsBySource(second)).toEqual(idsBySource(first));
    const original = await loadCorpus('test/fixtures/formats');
    expect(idsBySource(original).get('plain-headline.txt')).toBe(idsBySource(first).get('plain-headline.txt'));
    for (const id of idsBySource(first).values()) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('GIVEN a changed text THEN that article alone gets a new id', async () => {
    const before = idsBySource(await loadCorpus(corpus));
    await writeFile(join(corpus, 'plain-headline.txt'), 'Nvidia posts record quarter\n\nRevenue rose again, the company said.\n');
    const after = idsBySource(await loadCorpus(corpus));
    expect(after.get('plain-headline.txt')).not.toBe(before.get('plain-headline.txt'));
    for (const source of before.keys()) {
      if (source !== 'plain-headline.txt') expect(after.get(source)).toBe(before.get(source));
    }
  });

  it('GIVEN changed metadata in a sidecar THEN the article gets a new id though its text is untouched', async () => {
    const before = idsBySource(await loadCorpus(corpus));
    await writeFile(join(corpus, 'with-sidecar.meta.json'), JSON.stringify({ title: 'Stargate grandit au Texas', published: '2025-02-14' }));
    const after = idsBySource(await loadCorpus(corpus));
    expect(after.get('with-sidecar.txt')).not.toBe(before.get('with-sidecar.txt'));
  });

  it('GIVEN a copied file THEN both are loaded under their own sources with distinct ids, and nothing is reported', async () => {
    await cp(join(corpus, 'plain-headline.txt'), join(corpus, 'plain-headline-copy.txt'));
    const load = await loadCorpus(corpus);
    const ids = idsBySource(load);
    expect(ids.get('plain-headline-copy.txt')).toBeDefined();
    expect(ids.get('plain-headline-copy.txt')).not.toBe(ids.get('plain-headline.txt'));
    expect(load.skipped.filter((skipped) => skipped.source.startsWith('plain-headline'))).toEqual([]);
    const again = idsBySource(await loadCorpus(corpus));
    expect(again).toEqual(ids);
  });

  it('each visible field changes the id', () => {
    const base = { text: 'Le Louvre a fermé mardi.', title: 'Le Louvre fermé', published: '2024-03', url: null, language: 'fr' as const };
    const id = computeArticleId(base);
    expect(computeArticleId({ ...base })).toBe(id);
    expect(computeArticleId({ ...base, text: 'Le Louvre a fermé lundi.' })).not.toBe(id);
    expect(computeArticleId({ ...base, title: 'Le Louvre ferme' })).not.toBe(id);
    expect(computeArticleId({ ...base, published: '2024-03-05' })).not.toBe(id);
    expect(computeArticleId({ ...base, url: 'https://actu.example.fr/louvre' })).not.toBe(id);
    expect(computeArticleId({ ...base, language: 'en' })).not.toBe(id);
  });
});
