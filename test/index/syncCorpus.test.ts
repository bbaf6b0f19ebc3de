import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusFileStat } from '../../src/articles/corpusFiles';
import { loadCorpus, loadCorpusFiles, scanCorpus } from '../../src/articles/loadCorpus';
import { extractFacts } from '../../src/facts/extractFacts';
import { PassageIndex, type PassageIndexOptions } from '../../src/index/passageIndex';
import { HybridSearch } from '../../src/retrieval/hybridSearch';
import { ARTICLES, CountingEmbeddings, writeCorpus } from './fixtureCorpus';

const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);

describe('PassageIndex.syncCorpus (stat-based up-to-date check)', () => {
  let root: string;
  let corpusDir: string;
  let embeddings: CountingEmbeddings;
  let loaded: string[];
  const options = (): PassageIndexOptions => ({ indexDir: join(root, 'index'), embeddings, embedderId: embeddings.inner.id, facts: { extract: extractFacts } });
  const sync = async (index: PassageIndex) => {
    const scan = await scanCorpus(corpusDir);
    return index.syncCorpus(scan, (files: CorpusFileStat[]) => {
      loaded.push(...files.map((file) => file.source));
      return loadCorpusFiles(scan.root, files);
    });
  };
  const search = async (index: PassageIndex, query: string) => (await new HybridSearch({ index }).search(query, 5)).map((hit) => hit.passage.text).join('\n');
  /** Gives every corpus file an old modification time, so its stamp is trusted at once (not within the racy window). */
  const age = async (...names: string[]) => {
    for (const name of names) await utimes(join(corpusDir, name), AN_HOUR_AGO, AN_HOUR_AGO);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'scoop-sync-corpus-'));
    corpusDir = join(root, 'corpus');
    await cp('test/fixtures/news', corpusDir, { recursive: true, filter: (src) => !src.endsWith('.md') });
    await writeCorpus(corpusDir, ARTICLES);
    await writeFile(join(corpusDir, 'wire.jsonl'), '{"title":"Nvidia et Mistral","text":"Nvidia investit dans Mistral AI."}\nnot json\n');
    await age(...(await readdir(corpusDir)));
    embeddings = new CountingEmbeddings();
    loaded = [];
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('GIVEN an unchanged corpus THEN a reopened index reads no file, embeds nothing and writes nothing', async () => {
    const first = await sync(await PassageIndex.open(options()));
    expect(first.report).toMatchObject({ added: 5, articles: 5 });
    expect(loaded.sort()).toEqual(['000_f20889ff108f9afa.txt', 'gpt5.md', 'mistral.md', 'rugby.md', 'wire.jsonl']);
    loaded = [];
    embeddings.documents = 0;
    const generation = await readFile(join(root, 'index', 'CURRENT'), 'utf8');
    const reopened = await PassageIndex.open(options());
    const again = await sync(reopened);
    expect(await readFile(join(root, 'index', 'CURRENT'), 'utf8')).toBe(generation);
    expect(loaded).toEqual([]);
    expect(again.filesRead).toBe(0);
    expect(again.report).toMatchObject({ added: 0, updated: 0, removed: 0, articles: 5, passages: reopened.passageCount() });
    expect(embeddings.documents).toBe(0);
    expect(again.skipped).toEqual(first.skipped);
    expect(again.skipped).toEqual([expect.objectContaining({ source: 'wire.jsonl', line: 2 })]);
  });

  it('GIVEN a file whose content changed behind unchanged stamps THEN it is not read (the check costs a stat)', async () => {
    const index = await PassageIndex.open(options());
    await sync(index);
    const changed = ARTICLES['rugby.md'].replace('deux essais', 'cinq essais');
    expect(changed.length).toBe(ARTICLES['rugby.md'].length);
    await writeFile(join(corpusDir, 'rugby.md'), changed);
    await age('rugby.md');
    loaded = [];
    const report = await sync(await PassageIndex.open(options()));
    expect(loaded).toEqual([]);
    expect(report.filesRead).toBe(0);
  });

  it('GIVEN a touched file with the same content THEN it is hashed once, not loaded, and its new stamp is kept', async () => {
    await sync(await PassageIndex.open(options()));
    await utimes(join(corpusDir, 'gpt5.md'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    loaded = [];
    const touched = await sync(await PassageIndex.open(options()));
    expect(loaded).toEqual([]);
    expect(touched.filesRead).toBe(1);
    const next = await sync(await PassageIndex.open(options()));
    expect(next.filesRead).toBe(0);
  });

  it('GIVEN a changed, a removed and a new file THEN only the changed and new files are loaded', async () => {
    const index = await PassageIndex.open(options());
    await sync(index);
    await writeFile(join(corpusDir, 'gpt5.md'), ARTICLES['gpt5.md'].replace("à l'été", "à l'automne"));
    await unlink(join(corpusDir, 'mistral.md'));
    await writeFile(join(corpusDir, 'gemini.md'), '---\ntitle: Gemini 2.0\nlang: en\n---\nGoogle released Gemini 2.0 in December, its new model for agents.\n');
    loaded = [];
    embeddings.documents = 0;
    const reopened = await PassageIndex.open(options());
    const { report } = await sync(reopened);
    expect(loaded.sort()).toEqual(['gemini.md', 'gpt5.md']);
    expect(report).toMatchObject({ added: 1, updated: 1, removed: 1, articles: 5 });
    const changed = reopened.articles().filter((a) => a.source === 'gpt5.md' || a.source === 'gemini.md');
    expect(embeddings.documents).toBe(changed.reduce((sum, a) => sum + reopened.passagesOf(a.id).length, 0));
    expect(await search(reopened, 'GPT-5 reporté')).toContain("reporté à l'automne");
    expect(reopened.articles().some((a) => a.source === 'mistral.md')).toBe(false);
  });

  it('GIVEN a file renamed into a subfolder, its size and modification time unchanged THEN the new name is loaded and the old one is gone', async () => {
    await sync(await PassageIndex.open(options()));
    const before = await stat(join(corpusDir, 'mistral.md'));
    await mkdir(join(corpusDir, 'archive'));
    await rename(join(corpusDir, 'mistral.md'), join(corpusDir, 'archive', 'mistral-2025.md'));
    const after = await stat(join(corpusDir, 'archive', 'mistral-2025.md'));
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    loaded = [];
    const reopened = await PassageIndex.open(options());
    const { report } = await sync(reopened);
    expect(loaded).toEqual(['archive/mistral-2025.md']);
    expect(report.articles).toBe(5);
    const sources = reopened.articles().map((a) => a.source);
    expect(sources).toContain('archive/mistral-2025.md');
    expect(sources).not.toContain('mistral.md');
    expect((await sync(reopened)).filesRead).toBe(0);
  });

  it('GIVEN a file in a subfolder edited in place, its folders\' modification times unchanged THEN it is loaded again (a folder\'s time moves only when entries come, go or are renamed, so each file is stat\'ed)', async () => {
    await mkdir(join(corpusDir, 'sport'));
    await writeFile(join(corpusDir, 'sport', 'rugby.md'), ARTICLES['rugby.md']);
    await age('sport/rugby.md', 'sport', '.');
    const index = await PassageIndex.open(options());
    await sync(index);
    const folders = await Promise.all(['sport', '.'].map(async (name) => ({ name, mtime: (await stat(join(corpusDir, name))).mtime })));
    await writeFile(join(corpusDir, 'sport', 'rugby.md'), ARTICLES['rugby.md'].replace('deux essais', 'sept essais décisifs'));
    for (const { name, mtime } of folders) await utimes(join(corpusDir, name), mtime, mtime);
    for (const { name, mtime } of folders) expect((await stat(join(corpusDir, name))).mtime).toEqual(mtime);
    loaded = [];
    const reopened = await PassageIndex.open(options());
    const { report } = await sync(reopened);
    expect(loaded).toEqual(['sport/rugby.md']);
    expect(report).toMatchObject({ updated: 1, added: 0, removed: 0 });
    expect(await search(reopened, 'Antoine Dupont essais')).toContain('sept essais décisifs');
  });

  it('GIVEN a same-size rewrite in the clock tick of the last sync THEN the hash catches it', async () => {
    await writeFile(join(corpusDir, 'rugby.md'), ARTICLES['rugby.md']);
    const index = await PassageIndex.open(options());
    await sync(index);
    const { mtime } = await stat(join(corpusDir, 'rugby.md'));
    await writeFile(join(corpusDir, 'rugby.md'), ARTICLES['rugby.md'].replace('deux essais', 'cinq essais'));
    await utimes(join(corpusDir, 'rugby.md'), mtime, mtime);
    loaded = [];
    const reopened = await PassageIndex.open(options());
    const { report } = await sync(reopened);
    expect(loaded).toEqual(['rugby.md']);
    expect(report.updated).toBe(1);
    expect(await search(reopened, 'Antoine Dupont essais')).toContain('cinq essais');
  });

  it('GIVEN a changed sidecar THEN the article beside it is loaded again with the new metadata', async () => {
    await writeFile(join(corpusDir, 'rugby.meta.json'), JSON.stringify({ title: 'Six Nations' }));
    await age('rugby.meta.json');
    const index = await PassageIndex.open(options());
    await sync(index);
    expect(index.articles().find((a) => a.source === 'rugby.md')?.title).toBe('Six Nations');
    await writeFile(join(corpusDir, 'rugby.meta.json'), JSON.stringify({ title: 'Tournoi des Six Nations' }));
    loaded = [];
    const reopened = await PassageIndex.open(options());
    await sync(reopened);
    expect(loaded).toEqual(['rugby.md']);
    expect(reopened.articles().find((a) => a.source === 'rugby.md')?.title).toBe('Tournoi des Six Nations');
  });

  it('GIVEN a copy of a file added later THEN ids are those a full load gives (the first keeps its content id)', async () => {
    const index = await PassageIndex.open(options());
    await sync(index);
    await writeFile(join(corpusDir, 'zz-copy.md'), ARTICLES['gpt5.md']);
    await writeFile(join(corpusDir, 'aa-copy.md'), ARTICLES['mistral.md']);
    await sync(index);
    const full = await loadCorpus(corpusDir);
    const ids = (articles: { source: string; id: string }[]) => articles.map((a) => `${a.source} ${a.id}`).sort();
    expect(ids(index.articles())).toEqual(ids(full.articles));
  });
});
