import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { RunnableLambda } from '@langchain/core/runnables';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { extractFacts } from '../../src/facts/extractFacts';
import { PassageIndex, type PassageIndexOptions } from '../../src/index/passageIndex';
import type { Passage } from '../../src/passages/passage';
import { DEFAULT_FUSION, HybridRetriever, MODEL_EMBEDDINGS_FUSION, type SearchableIndex } from '../../src/retrieval/hybridRetriever';
import { ARTICLES, CountingEmbeddings, writeCorpus } from '../index/fixtureCorpus';

const exactSlice = (passage: Passage, article: Article) => article.text.slice(passage.start, passage.end) === passage.text;

describe('HybridRetriever', () => {
  let root: string;
  let corpusDir: string;
  let embeddings: CountingEmbeddings;
  const options = (): PassageIndexOptions => ({
    indexDir: join(root, 'index'),
    embeddings,
    embedderId: embeddings.inner.id,
    facts: { extract: extractFacts },
  });
  const search = (index: PassageIndex, query: string, k: number, extra?: { excludePassageIds?: string[] }) =>
    new HybridRetriever({ index }).search(query, k, extra);

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'scoop-retriever-'));
    corpusDir = join(root, 'corpus');
    await cp('test/fixtures/news', corpusDir, { recursive: true, filter: (src) => !src.endsWith('.md') });
    await writeCorpus(corpusDir, ARTICLES);
    embeddings = new CountingEmbeddings();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('GIVEN the seed THEN French and English questions find the passages that answer them, quoted exactly', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus('seeds'));
    const cases: [string, string][] = [
      ['Pourquoi GPT-5 a-t-il été reporté ?', 'reporté au début de 2025'],
      ['Why was GPT-5 delayed?', 'reporté au début de 2025'],
      ['Quel est le nom de code de GPT-4.5 ?', 'nommé Orion'],
      ['What is the code name of GPT-4.5?', 'nommé Orion'],
      ['When will GPT-5 be launched?', 'fin mai'],
    ];
    for (const [question, answer] of cases) {
      const hits = await search(index, question, 3);
      expect(hits, question).toHaveLength(3);
      expect(hits.some((hit) => hit.passage.text.includes(answer)), question).toBe(true);
      expect(hits.every((hit) => exactSlice(hit.passage, hit.article))).toBe(true);
      expect(hits[0].score).toBeGreaterThanOrEqual(hits[2].score);
    }
  });

  it('GIVEN excluded passages THEN search returns the next best ones instead', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    const first = await search(index, 'Microsoft Azure', 3);
    const excluded = first.slice(0, 2).map((hit) => hit.passage.id);
    const next = await search(index, 'Microsoft Azure', 3, { excludePassageIds: excluded });
    expect(next).toHaveLength(3);
    expect(next.some((hit) => excluded.includes(hit.passage.id))).toBe(false);
    expect(next[0].passage.id).toBe(first[2].passage.id);
  });


  it('GIVEN a LangChain chain THEN invoke returns the passages as documents citing their article', async () => {
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus('seeds'));
    const retriever = new HybridRetriever({ index, k: 3 });
    const documents = await retriever.invoke('Quel est le nom de code de GPT-4.5 ?');
    const hits = await retriever.search('Quel est le nom de code de GPT-4.5 ?', 3);
    expect(documents).toHaveLength(3);
    expect(documents.map((document) => document.metadata.passageId)).toEqual(hits.map((hit) => hit.passage.id));
    for (const document of documents) {
      expect(document).toBeInstanceOf(Document);
      const found = index.passage(document.metadata.passageId)!;
      expect(found.article.text.slice(document.metadata.start, document.metadata.end)).toBe(document.pageContent);
      expect(document.metadata.source).toBe(found.article.source);
    }
    const chain = retriever.pipe(RunnableLambda.from((docs: Document[]) => docs.map((doc) => doc.pageContent).join('\n')));
    expect(await chain.invoke('Quel est le nom de code de GPT-4.5 ?')).toContain('nommé Orion');
  });

  it('GIVEN an empty or blank query, or no passages THEN nothing is searched', async () => {
    const calls: string[] = [];
    const fake: SearchableIndex = {
      passageCount: () => 0,
      vectorSearch: async (query) => (calls.push(query), []),
      lexicalSearch: (query) => (calls.push(query), []),
      passage: () => undefined,
    };
    const retriever = new HybridRetriever({ index: fake });
    expect(await retriever.search('GPT-5', 5)).toEqual([]);
    expect(await retriever.invoke('GPT-5')).toEqual([]);
    const index = await PassageIndex.open(options());
    await index.sync(await loadCorpus(corpusDir));
    expect(await search(index, '   ', 5)).toEqual([]);
    expect(await search(index, 'GPT-5', 0)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('GIVEN the rankings THEN a passage both rank well comes first, weighted by the fusion options', async () => {
    const passage = (id: string): { passage: Passage; article: Article } => ({
      passage: { id, articleId: 'a', ordinal: 0, start: 0, end: 1, text: id },
      article: { id: 'a', source: 'a.md', title: 'A', language: 'en', published: null, url: null, text: id },
    });
    const fake: SearchableIndex = {
      passageCount: () => 3,
      vectorSearch: async () => [{ id: 'v', score: 0.9 }, { id: 'both', score: 0.8 }],
      lexicalSearch: () => [{ id: 'l', score: 9 }, { id: 'both', score: 8 }],
      passage,
    };
    const fused = new HybridRetriever({ index: fake, fusion: MODEL_EMBEDDINGS_FUSION });
    expect((await fused.search('q', 3)).map((hit) => hit.passage.id)).toEqual(['both', 'v', 'l']);
    const lexicalOnly = new HybridRetriever({ index: fake, fusion: { weights: [0, 1] } });
    expect((await lexicalOnly.search('q', 1)).map((hit) => hit.passage.id)).toEqual(['l']);
  });

  it('GIVEN the offline default THEN only the BM25 ranking is searched, in its order', async () => {
    const searched: string[] = [];
    const fake: SearchableIndex = {
      passageCount: () => 3,
      vectorSearch: async () => (searched.push('vector'), [{ id: 'v', score: 0.9 }]),
      lexicalSearch: () => (searched.push('lexical'), [{ id: 'l', score: 9 }, { id: 'both', score: 8 }]),
      passage: (id) => ({
        passage: { id, articleId: 'a', ordinal: 0, start: 0, end: 1, text: id },
        article: { id: 'a', source: 'a.md', title: 'A', language: 'en', published: null, url: null, text: id },
      }),
    };
    expect(DEFAULT_FUSION.weights).toEqual([0, 1]);
    expect((await new HybridRetriever({ index: fake }).search('q', 3)).map((hit) => hit.passage.id)).toEqual(['l', 'both']);
    expect(searched).toEqual(['lexical']);
  });
});
