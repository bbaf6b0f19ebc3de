import { cp, mkdtemp, readFile, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import type { ArticleFacts } from '../../src/facts/fact';
import { factsModuleUrl } from '../../src/app';
import { UserFacingError } from '../../src/errors';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { extractFacts } from '../../src/facts/extractFacts';
import { SKETCH_SIZE, sketchStory } from '../../src/articles/nearDuplicates';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';
import { PassageIndex, type ExtractFacts, type PassageIndexOptions } from '../../src/index/passageIndex';
import type { Passage } from '../../src/passages/passage';
import { HybridSearch } from '../../src/retrieval/hybridSearch';
import { ARTICLES, CountingEmbeddings, writeCorpus } from './fixtureCorpus';

/** The hybrid search the app runs over an index, with the fusion that ships. */
const search = (index: PassageIndex, query: string, k: number, options?: { excludePassageIds?: string[] }) =>
  new HybridSearch({ index }).search(query, k, options);

const exactSlice = (passage: Passage, article: Article) => article.text.slice(passage.start, passage.end) === passage.text;

describe('PassageIndex', () => {
  let root: string;
  let corpusDir: string;
  let indexDir: string;
  let embeddings: CountingEmbeddings;
  let warnings: string[];
  const options = (extra: Partial<PassageIndexOptions> = {}): PassageIndexOptions => ({
    indexDir,
    embeddings,
    embedderId: embeddings.inner.id,
    facts: { extract: extractFacts },
    logger: { info: () => undefined, warn: (msg) => warnings.push(msg) },
    ...extra,
  });
  const liveGeneration = async () => (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim();

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'scoop-index-'));
    corpusDir = join(root, 'corpus');
    indexDir = join(root, 'index');
    await cp('test/fixtures/news', corpusDir, { recursive: true, filter: (src) => !src.endsWith('.md') });
    await writeCorpus(corpusDir, ARTICLES);
    embeddings = new CountingEmbeddings();
    warnings = [];
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('GIVEN a new corpus THEN sync adds every article, embeds each passage once and persists', async () => {
    const corpus = await loadCorpus(corpusDir);
    const index = await PassageIndex.open(options());
    const report = await index.sync(corpus);
    expect(report).toMatchObject({ articles: 4, added: 4, updated: 0, removed: 0, skipped: 0 });
    expect(report.passages).toBe(index.passageCount());
    expect(embeddings.documents).toBe(index.passageCount());
    for (const article of index.articles()) {
      const passages = index.passagesOf(article.id);
      expect(passages.length).toBeGreaterThan(0);
      expect(passages.every((passage) => exactSlice(passage, article))).toBe(true);
    }
    expect(index.facts().map((facts) => facts.articleId).sort()).toEqual(index.articles().map((a) => a.id).sort());
    expect(await readdir(indexDir)).toContain('CURRENT');
  });

  it('GIVEN a changed, a deleted and a new file THEN sync counts them and embeds only their passages', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const rugbyId = index.articles().find((a) => a.source === 'rugby.md')!.id;
    await writeFile(join(corpusDir, 'gpt5.md'), ARTICLES['gpt5.md'].replace("à l'été", "à l'automne"));
    await unlink(join(corpusDir, 'mistral.md'));
    await writeFile(join(corpusDir, 'gemini.md'), '---\ntitle: Gemini 2.0\nlang: en\n---\nGoogle released Gemini 2.0 in December, its new model for agents.\n');
    embeddings.documents = 0;

    const report = await index.sync(await loadCorpus(corpusDir));

    expect(report).toMatchObject({ articles: 4, added: 1, updated: 1, removed: 1 });
    expect(index.articleCount()).toBe(4);
    const changed = index.articles().filter((a) => a.source === 'gpt5.md' || a.source === 'gemini.md');
    expect(embeddings.documents).toBe(changed.reduce((sum, a) => sum + index.passagesOf(a.id).length, 0));
    expect(index.articles().some((a) => a.source === 'mistral.md')).toBe(false);
    expect(index.article(rugbyId)?.source).toBe('rugby.md');
    expect((await search(index, 'GPT-5 reporté', 3)).some((hit) => hit.passage.text.includes("reporté à l'automne"))).toBe(true);
    expect((await search(index, "GPT-5 reporté à l'été", 10)).some((hit) => hit.passage.text.includes("à l'été"))).toBe(false);
    expect((await search(index, 'Mistral Azure partnership', 10)).some((hit) => hit.article.source === 'mistral.md')).toBe(false);
  });

  it('GIVEN an unchanged corpus THEN sync embeds nothing and writes nothing', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const generation = await liveGeneration();
    embeddings.documents = 0;
    const reopened = await PassageIndex.open(options());
    const report = await reopened.sync(await loadCorpus(corpusDir));
    expect(report).toMatchObject({ added: 0, updated: 0, removed: 0, articles: 4 });
    expect(embeddings.documents).toBe(0);
    expect(await liveGeneration()).toBe(generation);
  });

  it('GIVEN a renamed file THEN it counts as removed and added but is not re-embedded', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    await rename(join(corpusDir, 'rugby.md'), join(corpusDir, 'sport-rugby.md'));
    embeddings.documents = 0;
    const report = await index.sync(await loadCorpus(corpusDir));
    expect(report).toMatchObject({ added: 1, removed: 1, updated: 0 });
    expect(embeddings.documents).toBe(0);
    const hits = await search(index, 'Antoine Dupont essais', 1);
    expect(hits[0].article.source).toBe('sport-rugby.md');
  });

  it('GIVEN a persisted index THEN reopening restores articles, passages, facts and the same results without embedding', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const before = await search(index, 'Quand sortira GPT-5 ?', 5);
    embeddings.documents = 0;
    const reopened = await PassageIndex.open(options());
    expect(warnings).toEqual([]);
    expect(reopened.articles()).toEqual(index.articles());
    expect(reopened.facts()).toEqual(index.facts());
    for (const article of index.articles()) expect(reopened.passagesOf(article.id)).toEqual(index.passagesOf(article.id));
    expect(await search(reopened, 'Quand sortira GPT-5 ?', 5)).toEqual(before);
    expect(embeddings.documents).toBe(0);
  });

  it('GIVEN an incrementally updated index THEN its graph still finds what exact search finds', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    await writeFile(join(corpusDir, 'rugby.md'), ARTICLES['rugby.md'].replace('deux essais', 'trois essais'));
    await index.sync(await loadCorpus(corpusDir));
    const reopened = await PassageIndex.open(options());
    for (const query of ['Antoine Dupont trois essais', 'Microsoft investit', 'GPT-5 summer delay']) {
      const approximate = await reopened.vectorSearch(query, 5);
      const exact = await reopened.vectorSearch(query, 5, { exact: true });
      expect(approximate.map((hit) => hit.id)).toEqual(exact.map((hit) => hit.id));
    }
  });

  it('GIVEN a graph built on a worker thread THEN search gives what the graph built inline gives', async () => {
    const corpus = await loadCorpus(corpusDir);
    const inline = await PassageIndex.open(options({ graphWorkerFrom: Infinity }));
    await inline.sync(corpus);
    const worker = await PassageIndex.open(options({ indexDir: join(root, 'worker-index'), graphWorkerFrom: 0 }));
    await worker.sync(corpus);
    for (const query of ['Antoine Dupont', 'Microsoft investit dans Mistral', 'When is GPT-5 coming?']) {
      expect(await search(worker, query, 5)).toEqual(await search(inline, query, 5));
    }
  });

  it('GIVEN the hashed embedder itself THEN passages analysed once for vectors and BM25 rank as through the Embeddings interface', async () => {
    const corpus = await loadCorpus(corpusDir);
    const generic = await PassageIndex.open(options());
    await generic.sync(corpus);
    const hashed = new HashedFeatureEmbeddings({ dimensions: 128 });
    const shared = await PassageIndex.open(options({ indexDir: join(root, 'shared-index'), embeddings: hashed }));
    await shared.sync(corpus);
    for (const query of ['Antoine Dupont', 'Microsoft investit dans Mistral', 'When is GPT-5 coming?', 'report du lancement']) {
      expect(await search(shared, query, 5)).toEqual(await search(generic, query, 5));
      expect(await shared.vectorSearch(query, 5, { exact: true })).toEqual(await generic.vectorSearch(query, 5, { exact: true }));
    }
  });

  it('GIVEN a corrupt file THEN open warns once, starts empty, and the next sync rebuilds from the corpus', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const graphPath = join(indexDir, await liveGeneration(), 'hnsw.index');
    const bytes = await readFile(graphPath);
    bytes[bytes.length >> 1] ^= 0xff;
    await writeFile(graphPath, bytes);

    const reopened = await PassageIndex.open(options());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unusable \(hnsw\.index does not match its checksum\).*rebuilds it from the corpus/);
    expect(reopened.passageCount()).toBe(0);
    expect(await search(reopened, 'GPT-5', 3)).toEqual([]);
    const report = await reopened.sync(await loadCorpus(corpusDir));
    expect(report).toMatchObject({ added: 4, articles: 4 });
    warnings = [];
    const healed = await PassageIndex.open(options());
    expect(warnings).toEqual([]);
    expect(healed.passageCount()).toBe(index.passageCount());
  });

  it('GIVEN a crash while the next generation is written THEN the last good index survives', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const good = index.articles().map((a) => a.source);
    await unlink(join(corpusDir, 'rugby.md'));
    const crashing = await PassageIndex.open(
      options({ writeFaults: { afterFile: (name) => { if (name === 'lexical.bin') throw new Error('simulated crash'); } } }),
    );
    await expect(crashing.sync(await loadCorpus(corpusDir))).rejects.toThrow('simulated crash');
    expect(await readdir(indexDir)).toEqual(expect.arrayContaining([expect.stringMatching(/^\.partial-gen-/)]));

    const reopened = await PassageIndex.open(options());
    expect(warnings).toEqual([]);
    expect(reopened.articles().map((a) => a.source)).toEqual(good);
    expect((await search(reopened, 'Antoine Dupont', 1))[0].article.source).toBe('rugby.md');
    expect(await reopened.sync(await loadCorpus(corpusDir))).toMatchObject({ removed: 1, articles: 3 });
    expect((await readdir(indexDir)).filter((entry) => entry.startsWith('.partial-'))).toEqual([]);
  });

  it('GIVEN a failed write THEN the in-memory index keeps the new state and the next sync writes it', async () => {
    let fail = true;
    const index = await PassageIndex.open(
      options({ writeFaults: { beforeSwitch: () => { if (fail) throw new Error('disk full'); } } }),
    );
    await expect(index.sync(await loadCorpus(corpusDir))).rejects.toThrow('disk full');
    expect(index.articles()).toHaveLength(4);
    fail = false;
    await index.sync(await loadCorpus(corpusDir));
    expect((await PassageIndex.open(options())).articles()).toHaveLength(4);
  });

  it('GIVEN another embedder id THEN open warns and the next sync re-embeds everything', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    embeddings.documents = 0;
    const switched = await PassageIndex.open(options({ embedderId: 'other-embedder' }));
    expect(warnings[0]).toMatch(/built with embedder hashed-v\d+-128, not other-embedder/);
    const report = await switched.sync(await loadCorpus(corpusDir));
    expect(report.added).toBe(4);
    expect(embeddings.documents).toBe(index.passageCount());
  });

  it('GIVEN new HNSW parameters THEN the graph is rebuilt from stored vectors without embedding', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const generation = await liveGeneration();
    embeddings.documents = 0;
    const retuned = await PassageIndex.open(options({ hnsw: { m: 8, efConstruction: 32 } }));
    const report = await retuned.sync(await loadCorpus(corpusDir));
    expect(report).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(embeddings.documents).toBe(0);
    expect(await liveGeneration()).not.toBe(generation);
    const manifest = JSON.parse(await readFile(join(indexDir, await liveGeneration(), 'manifest.json'), 'utf8'));
    expect(manifest.hnsw).toMatchObject({ m: 8, efConstruction: 32 });
  });

  it('GIVEN a new fact extractor version THEN sync extracts the facts of unchanged articles again, without embedding', async () => {
    const index = await PassageIndex.open(options({ facts: { extract: extractFacts, version: 'v1' } }));
    await index.sync(await loadCorpus(corpusDir));
    const extracted = index.facts();
    expect(extracted.some((facts) => facts.dates.length > 0)).toBe(true);
    const calls: string[] = [];
    const newExtractor = (article: Article): ArticleFacts => {
      calls.push(article.source);
      return { articleId: article.id, dates: [], partnerships: [], aliases: [] };
    };
    embeddings.documents = 0;

    const sameVersion = await PassageIndex.open(options({ facts: { extract: newExtractor, version: 'v1' } }));
    expect(await sameVersion.sync(await loadCorpus(corpusDir))).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(calls).toEqual([]);
    expect(sameVersion.facts()).toEqual(extracted);

    const generation = await liveGeneration();
    const bumped = await PassageIndex.open(options({ facts: { extract: newExtractor, version: 'v2' } }));
    expect(await bumped.sync(await loadCorpus(corpusDir))).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(calls.sort()).toEqual(index.articles().map((article) => article.source).sort());
    expect(bumped.facts().every((facts) => facts.dates.length === 0)).toBe(true);
    expect(embeddings.documents).toBe(0);
    expect(await liveGeneration()).not.toBe(generation);

    calls.length = 0;
    const reopened = await PassageIndex.open(options({ facts: { extract: newExtractor, version: 'v2' } }));
    await reopened.sync(await loadCorpus(corpusDir));
    expect(calls).toEqual([]);
    expect(reopened.facts()).toEqual(bumped.facts());
    expect(await search(reopened, 'Antoine Dupont', 1)).toEqual(await search(index, 'Antoine Dupont', 1));
  });

  it('GIVEN an index folder that cannot be created THEN opening or syncing fails with a message naming it', async () => {
    const blocked = join(root, 'a-file', 'index');
    await writeFile(join(root, 'a-file'), 'not a folder');
    const corpus = await loadCorpus(corpusDir);
    const error = await PassageIndex.open(options({ indexDir: blocked }))
      .then((index) => index.sync(corpus))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain(`Cannot write the index in ${blocked}`);
  });

  it('GIVEN an index folder that refuses writes THEN sync fails before embedding anything and the index is unchanged', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const before = index.articles();
    await writeFile(join(corpusDir, 'gemini.md'), '---\ntitle: Gemini 2.0\nlang: en\n---\nGoogle released Gemini 2.0 in December.\n');
    const readOnly = await PassageIndex.open(
      options({ writeFaults: { failWrite: (name) => (name === '.probe' ? Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }) : undefined) } }),
    );
    embeddings.documents = 0;
    const error = await readOnly.sync(await loadCorpus(corpusDir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain('the filesystem is read-only (EROFS)');
    expect(embeddings.documents).toBe(0);
    expect(readOnly.articles()).toEqual(before);
  });

  it('GIVEN no embeddings THEN the index keeps no vectors (no graph written) and a later embedder rebuilds it with vectors', async () => {
    const { embeddings: _unused, embedderId: _id, ...lexicalOnly } = options();
    const index = await PassageIndex.open(lexicalOnly);
    const report = await index.sync(await loadCorpus(corpusDir));
    expect(report).toMatchObject({ articles: 4, added: 4 });
    expect(embeddings.documents).toBe(0);
    const files = await readdir(join(indexDir, await liveGeneration()));
    expect(files.filter((name) => /hnsw|vector/.test(name))).toEqual([]);
    expect(await index.vectorSearch('Antoine Dupont', 3)).toEqual([]);
    expect(index.lexicalSearch('Antoine Dupont essais', 1)[0].id).toBe(index.passagesOf(index.articles().find((a) => a.source === 'rugby.md')!.id)[0].id);
    expect((await PassageIndex.open(lexicalOnly)).passageCount()).toBe(index.passageCount());

    const withVectors = await PassageIndex.open(options());
    expect(warnings[0]).toMatch(/built with embedder none, not hashed/);
    await withVectors.sync(await loadCorpus(corpusDir));
    expect(embeddings.documents).toBe(withVectors.passageCount());
    expect((await withVectors.vectorSearch('Antoine Dupont essais', 1)).length).toBe(1);
  });

  it('GIVEN terms analysed on worker threads THEN the lexical index written is the one analysed inline, byte for byte', async () => {
    const { embeddings: _unused, embedderId: _id, ...lexicalOnly } = options();
    const corpus = await loadCorpus(corpusDir);
    const inline = await PassageIndex.open({ ...lexicalOnly, analysisWorkersFrom: Infinity });
    await inline.sync(corpus);
    const pooled = await PassageIndex.open({ ...lexicalOnly, indexDir: join(root, 'pooled-index'), analysisWorkersFrom: 0, analysisThreads: 2 });
    await pooled.sync(corpus);
    const lexicalBytes = async (dir: string) => readFile(join(dir, (await readFile(join(dir, 'CURRENT'), 'utf8')).trim(), 'lexical.bin'));
    expect((await lexicalBytes(join(root, 'pooled-index'))).equals(await lexicalBytes(indexDir))).toBe(true);
    expect(await search(pooled, 'Microsoft investit dans Mistral', 5)).toEqual(await search(inline, 'Microsoft investit dans Mistral', 5));
  });

  describe('facts extracted on worker threads', () => {
    /** The fixture corpus forty times over (other sources, other ids), so the articles fill several batches. */
    const manyArticles = async () => {
      const { articles } = await loadCorpus(corpusDir);
      return Array.from({ length: 40 }, (_, copy) => articles.map((article) => ({ ...article, id: `${article.id}${copy}`, source: `${copy}/${article.source}` }))).flat();
    };
    const factsBytes = async (dir: string) => readFile(join(dir, (await readFile(join(dir, 'CURRENT'), 'utf8')).trim(), 'facts.json'));
    const build = async (dir: string, extra: Partial<PassageIndexOptions>) => {
      const index = await PassageIndex.open(options({ indexDir: join(root, dir), embeddings: undefined, embedderId: undefined, analysisThreads: 2, ...extra }));
      await index.sync({ articles: await manyArticles(), skipped: [] });
      return index;
    };

    it('GIVEN many articles THEN the facts stored are those extracted on this thread, in the same order, byte for byte on disk', async () => {
      const inline = await build('inline', {});
      const pooled = await build('pooled', { facts: { module: factsModuleUrl() }, factsWorkersFrom: 0 });
      expect(pooled.facts().length).toBe(inline.facts().length);
      expect(pooled.facts()).toEqual(inline.facts());
      expect(pooled.facts().some((facts) => facts.dates.length > 0)).toBe(true);
      expect((await factsBytes(join(root, 'pooled'))).equals(await factsBytes(join(root, 'inline')))).toBe(true);
    });

    it('GIVEN a single worker extracting the facts THEN this thread indexes the terms meanwhile, and the lexical index and facts written are those of an inline build, byte for byte', async () => {
      const lexicalBytes = async (dir: string) => readFile(join(dir, (await readFile(join(dir, 'CURRENT'), 'utf8')).trim(), 'lexical.bin'));
      const inline = await build('inline', {});
      const pooled = await build('one-worker', { facts: { module: factsModuleUrl() }, factsWorkersFrom: 0, analysisWorkersFrom: 0, analysisThreads: 1 });
      expect(pooled.facts()).toEqual(inline.facts());
      expect((await factsBytes(join(root, 'one-worker'))).equals(await factsBytes(join(root, 'inline')))).toBe(true);
      expect((await lexicalBytes(join(root, 'one-worker'))).equals(await lexicalBytes(join(root, 'inline')))).toBe(true);
      expect(await search(pooled, 'Microsoft investit dans Mistral', 5)).toEqual(await search(inline, 'Microsoft investit dans Mistral', 5));
      expect(warnings).toEqual([]);
    });

    it('GIVEN articles sketched on the worker THEN the stored story sketches are those of their texts', async () => {
      const articles = (await manyArticles()).map((article) => ({ ...article, id: `${article.id}-sketched` }));
      const dir = join(root, 'sketched');
      const index = await PassageIndex.open(options({ indexDir: dir, embeddings: undefined, embedderId: undefined, facts: { module: factsModuleUrl() }, factsWorkersFrom: 0, analysisThreads: 1 }));
      await index.sync({ articles, skipped: [] });
      const stored = new Uint32Array(new Uint8Array(await readFile(join(dir, (await readFile(join(dir, 'CURRENT'), 'utf8')).trim(), 'sketches.bin'))).buffer);
      const expected = new Uint32Array(index.articles().length * (SKETCH_SIZE + 2));
      index.articles().forEach((article, i) => {
        const sketch = sketchStory(article.text);
        expected.set([sketch.hashes.length, sketch.exact, ...sketch.hashes], i * (SKETCH_SIZE + 2));
      });
      expect(index.articles()).toHaveLength(articles.length);
      expect(stored).toEqual(expected);
    });

    it.each([2, 1])('GIVEN a facts module the workers cannot load (%i workers) THEN the facts are extracted on this thread, the same ones', async (threads) => {
      const inline = await build('inline', {});
      const fallback = await build('fallback', { facts: { module: new URL('./mainThreadFactsExtractor.ts', import.meta.url) }, factsWorkersFrom: 0, analysisThreads: threads });
      expect(fallback.facts()).toEqual(inline.facts());
      expect(warnings.some((warning) => /^an indexing worker stopped \(.*cannot load on a worker thread\)/.test(warning))).toBe(true);
    });

    it('GIVEN a facts module that exports no extractFacts THEN sync fails saying what the module must export, and the last good index stays', async () => {
      const good = await build('bad-module', {});
      const written = await factsBytes(join(root, 'bad-module'));
      const notAnExtractor = new URL('./fixtureCorpus.ts', import.meta.url);
      const index = await PassageIndex.open(options({ indexDir: join(root, 'bad-module'), embeddings: undefined, embedderId: undefined, facts: { module: notAnExtractor, version: 'other' } }));
      await expect(index.sync({ articles: (await manyArticles()).slice(1), skipped: [] })).rejects.toThrow(
        `The facts module ${notAnExtractor.href} exports no extractFacts function: it must export extractFacts(article, passages)`,
      );
      expect((await factsBytes(join(root, 'bad-module'))).equals(written)).toBe(true);
      expect(index.facts()).toEqual(good.facts());
    });

    it('GIVEN facts options THEN a function and a module cannot be given together, so this thread and the workers run one extractor', () => {
      // @ts-expect-error one extractor is named once: a function (this thread) or a module (this thread and the workers), never both
      const both: PassageIndexOptions['facts'] = { extract: extractFacts, module: factsModuleUrl() };
      expect(both).toBeDefined();
    });

    it('GIVEN an extractor that throws on some articles THEN those are warned about and left without facts, the others keep theirs', async () => {
      const failing = new URL('./failingFactsExtractor.ts', import.meta.url);
      const { extractFacts: failingExtract } = (await import(failing.href)) as { extractFacts: ExtractFacts };
      const inline = await build('inline', { facts: { extract: failingExtract } });
      const inlineWarnings = warnings.splice(0);
      const pooled = await build('pooled', { facts: { module: failing }, factsWorkersFrom: 0 });
      expect(warnings).toEqual(inlineWarnings);
      expect(warnings).toHaveLength(40);
      expect(warnings[0]).toMatch(/^facts of 0\/mistral\.md not extracted: the extractor broke on this article$/);
      expect(pooled.facts()).toEqual(inline.facts());
      const mistral = pooled.articles().find((article) => article.source === '0/mistral.md')!;
      expect(pooled.facts().find((facts) => facts.articleId === mistral.id)).toMatchObject({ dates: [], partnerships: [] });
      expect(pooled.facts().filter((facts) => facts.dates.length > 0).length).toBeGreaterThan(0);
    });
  });

  it('GIVEN two syncs at once on one index THEN they run one after the other', async () => {
    const index = await PassageIndex.open(options());
    const corpus = await loadCorpus(corpusDir);
    const [first, second] = await Promise.all([index.sync(corpus), index.sync(corpus)]);
    expect(first.added).toBe(4);
    expect(second.added).toBe(0);
    expect(embeddings.documents).toBe(index.passageCount());
  });

  it('GIVEN an empty corpus THEN sync indexes nothing and search finds nothing', async () => {
    const index = await PassageIndex.open(options());
    const report = await index.sync({ articles: [], skipped: [{ source: 'bad.bin', reason: 'binary' }] });
    expect(report).toMatchObject({ articles: 0, passages: 0, skipped: 1 });
    expect(index.articleCount()).toBe(0);
    expect(await search(index, 'GPT-5', 5)).toEqual([]);
  });
});
