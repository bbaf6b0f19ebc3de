/**
 * One measurement of `npm run bench`, run in its own process so that memory
 * and warm caches do not bleed between sizes or between Scoop and the peer.
 * Prints one JSON line on stdout; progress goes to stderr.
 *
 *   node --import tsx bench/benchWorker.ts TASK --source generated:SEED|PATH --passages N --work DIR [--quick]
 *
 * TASK: `build` (index from scratch, persisted under DIR/index), `serve` (open
 * the persisted index, then time search and ask), `recall` (HNSW against exact
 * search over the same vectors), `peer` (the LangChain peer over the same passages),
 * `search-peer --peer minisearch|orama` (a search library over the same passages, see searchPeerBench.ts),
 * `discord` (the Discord layer's latency, when bench/discordLatency.ts exists).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AnsweringQueue } from '../src/answeringQueue';
import { embeddingsFor, openPassageIndex, scoopOverIndex } from '../src/app';
import { parseConfig } from '../src/config';
import { LangChainPeer, PEER_RETRIEVERS, type PeerRetrieverName } from '../src/evaluation/langChainPeer';
import { extractFacts } from '../src/facts/extractFacts';
import { HashedFeatureEmbeddings } from '../src/index/hashedFeatureEmbeddings';
import type { PassageIndex } from '../src/index/passageIndex';
import { splitIntoPassages } from '../src/passages/splitIntoPassages';
import { createLogger } from '../src/logger';
import type { Scoop } from '../src/scoop';
import { loadBenchCorpus, type BenchCorpus, type CorpusSource } from './benchCorpus';
import { generateQueries } from './generateArticles';
import { measureHnswRecall, type HnswRecall } from './hnswRecall';
import { measureSearchPeer } from './searchPeerBench';
import { SEARCH_PEERS, type SearchPeerName } from '../src/evaluation/searchPeers';
import { peakRssMb, timeEach, type LatencySummary } from './latency';
import { progressReporter } from './progress';
import { SeededRandom } from './seededRandom';

/** What the `build` task measures. */
export interface BuildFigures {
  articles: number;
  passages: number;
  available: number;
  buildMs: number;
  passagesPerSecond: number;
  peakRssMb: number;
  /** Where build time goes: each step timed again on its own after the build (warm), in ms. */
  steps: { split: number; embed: number; facts: number };
}

/** What the `serve` task measures. */
export interface ServeFigures {
  passages: number;
  coldStartMs: number;
  /** Checking the opened index against an unchanged corpus (nothing re-embedded). */
  upToDateMs: number;
  search: LatencySummary;
  ask: LatencySummary;
  peakRssMb: number;
}

/** What the `recall` task measures. */
export type RecallFigures = HnswRecall;

/** What the `peer` task measures. */
export interface PeerFigures {
  passages: number;
  buildMs: number;
  passagesPerSecond: number;
  search: Record<PeerRetrieverName, LatencySummary>;
  /** The peer's "answer" is its hybrid top passage: the time to get it. */
  ask: LatencySummary;
  peakRssMb: number;
}

const QUERY_COUNTS = { full: { search: 300, ask: 150, recall: 200 }, quick: { search: 60, ask: 30, recall: 50 } };

function parseSource(value: string): CorpusSource {
  const generated = /^generated:(\d+)$/.exec(value);
  return generated ? { kind: 'generated', seed: Number(generated[1]) } : { kind: 'file', path: value };
}

/** Realistic queries for a corpus: the generator's questions, or the titles of sampled articles for a real corpus. */
function queriesFor(source: CorpusSource, corpus: BenchCorpus, count: number, salt: number): string[] {
  if (source.kind === 'generated') return generateQueries(source.seed + salt, count);
  const random = new SeededRandom(salt + 17);
  return Array.from({ length: count }, () => random.pick(corpus.articles).title);
}

/**
 * The untimed searches before the timed ones, for Scoop and every search
 * peer alike: as many other queries as the timed ones (another sample), so
 * the timed pass measures a warm process, as a bot is after its first few
 * hundred questions. Twenty warm-up queries were too few at 10k passages:
 * the JIT was still optimising the search during the timed pass, and the
 * first pass's p99 was several times the next passes' over the same queries.
 */
function searchWarmupQueries(source: CorpusSource, corpus: BenchCorpus, count: number): string[] {
  return queriesFor(source, corpus, count, 4);
}

function emit(figures: unknown): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** The index as the app opens it with the default (offline) config: without vectors while the search that ships ranks by BM25 alone (see `embeddingsFor`). */
async function openIndex(indexDir: string, onProgress?: (done: number, total: number) => void): Promise<PassageIndex> {
  return openPassageIndex({ indexDir, ...(await embeddingsFor(parseConfig({}))), logger: createLogger('warn', 'plain'), onProgress });
}

/** An index that keeps the offline hashed vectors in an HNSW graph, for the HNSW recall figure (built by the recall task itself when the shipped index keeps none). */
async function openVectorIndex(indexDir: string): Promise<PassageIndex> {
  const embeddings = new HashedFeatureEmbeddings();
  return openPassageIndex({ indexDir, embeddings, embedderId: embeddings.id, logger: createLogger('warn', 'plain') });
}

async function build(corpus: BenchCorpus, indexDir: string, label: string): Promise<BuildFigures> {
  await rm(indexDir, { recursive: true, force: true });
  const progress = progressReporter(label);
  const began = performance.now();
  const index = await openIndex(indexDir, (done, total) => progress.update(done, total, 'indexing passages'));
  await index.sync({ articles: corpus.articles, skipped: [] });
  const buildMs = performance.now() - began;
  const rss = peakRssMb();
  return {
    articles: corpus.articles.length,
    passages: corpus.passages.length,
    available: corpus.available,
    buildMs,
    passagesPerSecond: corpus.passages.length / (buildMs / 1000),
    peakRssMb: rss,
    steps: await timeBuildSteps(corpus),
  };
}

/** Times splitting, embedding and fact extraction alone over the same articles, to show where build time goes. */
async function timeBuildSteps(corpus: BenchCorpus): Promise<BuildFigures['steps']> {
  let began = performance.now();
  const split = corpus.articles.map((article) => ({ article, passages: splitIntoPassages(article) }));
  const splitMs = performance.now() - began;
  const embeddings = new HashedFeatureEmbeddings();
  const texts = split.flatMap(({ passages }) => passages.map((passage) => passage.text));
  began = performance.now();
  for (let from = 0; from < texts.length; from += 256) await embeddings.embedDocuments(texts.slice(from, from + 256));
  const embedMs = performance.now() - began;
  began = performance.now();
  for (const { article, passages } of split) extractFacts(article, passages);
  return { split: splitMs, embed: embedMs, facts: performance.now() - began };
}

async function serve(source: CorpusSource, corpus: BenchCorpus, indexDir: string, label: string, quick: boolean): Promise<ServeFigures> {
  const counts = quick ? QUERY_COUNTS.quick : QUERY_COUNTS.full;
  const progress = progressReporter(label);
  const began = performance.now();
  const index = await openIndex(indexDir);
  const coldStartMs = performance.now() - began;
  if (index.passageCount() === 0 && corpus.passages.length > 0) {
    throw new Error('the persisted index could not be opened (see the warning above), so there is no cold start to measure');
  }
  const checkBegan = performance.now();
  await index.sync({ articles: corpus.articles, skipped: [] });
  const upToDateMs = performance.now() - checkBegan;
  const scoop = scoopOverIndex(index);
  const search = await timeEach(queriesFor(source, corpus, counts.search, 1), (query) => scoop.search(query, 10), {
    warmupInputs: searchWarmupQueries(source, corpus, counts.search),
    onProgress: (done, total) => progress.update(done, total, 'search'),
  });
  const ask = await timeEach(queriesFor(source, corpus, counts.ask, 2), (question) => scoop.ask(question), {
    warmup: 10,
    onProgress: (done, total) => progress.update(done, total, 'ask'),
  });
  return { passages: index.passageCount(), coldStartMs, upToDateMs, search, ask, peakRssMb: peakRssMb() };
}

async function recall(source: CorpusSource, corpus: BenchCorpus, indexDir: string, label: string, quick: boolean): Promise<RecallFigures> {
  const counts = quick ? QUERY_COUNTS.quick : QUERY_COUNTS.full;
  progressReporter(label).note('HNSW recall@10 against exact search');
  let index = await openIndex(indexDir);
  if (index.vectorCount() === 0) {
    progressReporter(label).note('the shipped index keeps no vectors: building one with the hashed vectors for this figure');
    index = await openVectorIndex(join(indexDir, '..', 'vector-index'));
    await index.sync({ articles: corpus.articles, skipped: [] });
  }
  return measureHnswRecall(index, queriesFor(source, corpus, counts.recall, 3), 10);
}

/** How many queries the peer is timed on: its BM25 scans every passage per query, so large sizes get fewer. */
export function peerQueryCount(passages: number, wanted: number): number {
  return Math.max(10, Math.min(wanted, Math.round(2_000_000 / Math.max(1, passages))));
}

async function peer(source: CorpusSource, corpus: BenchCorpus, label: string, quick: boolean): Promise<PeerFigures> {
  const counts = quick ? QUERY_COUNTS.quick : QUERY_COUNTS.full;
  const progress = progressReporter(label);
  progress.note(`building the LangChain peer over ${corpus.passages.length} passages`);
  const began = performance.now();
  const peerPipeline = await LangChainPeer.build({ articles: corpus.articles, passages: corpus.passages, embeddings: new HashedFeatureEmbeddings() });
  const buildMs = performance.now() - began;
  const queries = queriesFor(source, corpus, peerQueryCount(corpus.passages.length, counts.search), 1);
  const search = {} as Record<PeerRetrieverName, LatencySummary>;
  const warmupInputs = searchWarmupQueries(source, corpus, queries.length);
  for (const retriever of PEER_RETRIEVERS) {
    search[retriever] = await timeEach(queries, (query) => peerPipeline.search(retriever, query, 10), {
      warmupInputs,
      onProgress: (done, total) => progress.update(done, total, `peer ${retriever} search`),
    });
  }
  const questions = queriesFor(source, corpus, peerQueryCount(corpus.passages.length, counts.ask), 2);
  const ask = await timeEach(questions, (question) => peerPipeline.answer('hybrid', question), {
    warmup: 3,
    onProgress: (done, total) => progress.update(done, total, 'peer answer'),
  });
  return {
    passages: corpus.passages.length,
    buildMs,
    passagesPerSecond: corpus.passages.length / (buildMs / 1000),
    search,
    ask,
    peakRssMb: peakRssMb(),
  };
}

async function discord(indexDir: string, label: string): Promise<unknown> {
  const modulePath = new URL('./discordLatency.ts', import.meta.url);
  if (!existsSync(modulePath)) return { skipped: 'bench/discordLatency.ts is not there' };
  progressReporter(label).note('Discord layer latency (40 concurrent)');
  const { runDiscordLatencyBench } = (await import(modulePath.href)) as {
    runDiscordLatencyBench: (options: { scoop: Scoop; concurrency: number }) => Promise<unknown>;
  };
  const index = await openIndex(indexDir);
  return runDiscordLatencyBench({ scoop: scoopOverIndex(index, { takeTurn: new AnsweringQueue().takeTurn }), concurrency: 40 });
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      passages: { type: 'string' },
      work: { type: 'string' },
      quick: { type: 'boolean', default: false },
      peer: { type: 'string' },
    },
  });
  const [task] = positionals;
  if (!task || !values.source || !values.passages || !values.work) {
    throw new Error('usage: benchWorker.ts build|serve|recall|peer|discord --source generated:SEED|PATH --passages N --work DIR [--quick]');
  }
  const source = parseSource(values.source);
  const target = Number(values.passages);
  const indexDir = join(values.work, 'index');
  const label = `[${values.source === `generated:${source.kind === 'generated' ? source.seed : ''}` ? 'generated' : 'corpus'} ${target}]`;
  if (task === 'discord') return emit(await discord(indexDir, label));
  progressReporter(label).note(`${task}: loading articles`);
  const corpus = await loadBenchCorpus(source, target, join(values.work, 'articles'));
  switch (task) {
    case 'build': return emit(await build(corpus, indexDir, label));
    case 'serve': return emit(await serve(source, corpus, indexDir, label, values.quick));
    case 'recall': return emit(await recall(source, corpus, indexDir, label, values.quick));
    case 'peer': return emit(await peer(source, corpus, label, values.quick));
    case 'search-peer': {
      const name = values.peer as SearchPeerName;
      if (!SEARCH_PEERS.includes(name)) throw new Error(`search-peer needs --peer ${SEARCH_PEERS.join('|')}`);
      const counts = values.quick ? QUERY_COUNTS.quick : QUERY_COUNTS.full;
      const progress = progressReporter(label);
      progress.note(`building ${name} over ${corpus.passages.length} passages`);
      const queries = { timed: queriesFor(source, corpus, counts.search, 1), warmup: searchWarmupQueries(source, corpus, counts.search) };
      return emit(await measureSearchPeer(name, corpus, queries, values.work, (done, total) => progress.update(done, total, `${name} search`)));
    }
    default: throw new Error(`unknown task ${task}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
