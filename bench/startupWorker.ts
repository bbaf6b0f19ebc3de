/**
 * One measurement of the start-up section of `npm run bench`, in its own
 * process (peak memory is the process's own). Prints one JSON line.
 *
 *   node --import tsx bench/startupWorker.ts ingest|check --corpus PATH --index DIR
 *
 * `ingest`: the index built from scratch as `scoop ingest` builds it
 * (openScoop: scan, load, split, analyse, extract facts, BM25, write).
 * `check`: the index opened, then the up-to-date check against the
 * unchanged corpus (scan + syncCorpus) repeated, then a few searches.
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { embeddingsFor, openPassageIndex, openScoop, scoopOverIndex } from '../src/app';
import { loadCorpusFiles, scanCorpus } from '../src/articles/loadCorpus';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { peakRssMb } from './latency';

/** What the `ingest` task measures. */
export interface IngestFigures {
  articles: number;
  passages: number;
  ms: number;
  /** CPU time of the process (all its threads), ms. */
  cpuMs: number;
  passagesPerSecond: number;
  peakRssMb: number;
}

/** What the `check` task measures. */
export interface CheckFigures {
  files: number;
  articles: number;
  passages: number;
  /** Opening the persisted index (verified, loaded). */
  openMs: number;
  /** The up-to-date check of the unchanged corpus (scan + syncCorpus): median and best of the runs. */
  checkMedianMs: number;
  checkBestMs: number;
  runs: number;
  /** Files read (hashed or parsed) by the last check: 0 when the stamps did the job. */
  filesRead: number;
  /** Peak RSS serving: after opening, one check and 50 searches (before the repeated checks, whose garbage would count). */
  peakRssMb: number;
}

const CHECK_RUNS = 21;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function ingest(corpus: string, indexDir: string): Promise<IngestFigures> {
  await rm(indexDir, { recursive: true, force: true });
  const config = parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: indexDir, LOG_LEVEL: 'error' });
  const cpu = process.cpuUsage();
  const began = performance.now();
  const { report } = await openScoop(config, { logger: createLogger('error', 'plain') });
  const ms = performance.now() - began;
  const used = process.cpuUsage(cpu);
  return {
    articles: report.articles,
    passages: report.passages,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    passagesPerSecond: report.passages / (ms / 1000),
    peakRssMb: peakRssMb(),
  };
}

async function check(corpus: string, indexDir: string): Promise<CheckFigures> {
  const config = parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: indexDir, LOG_LEVEL: 'error' });
  let began = performance.now();
  const index = await openPassageIndex({ indexDir, ...(await embeddingsFor(config)), logger: createLogger('error', 'plain') });
  const openMs = performance.now() - began;
  if (index.passageCount() === 0) throw new Error(`no index in ${indexDir} to check`);
  const sync = async () => {
    const scan = await scanCorpus(corpus);
    const result = await index.syncCorpus(scan, (changed) => loadCorpusFiles(scan.root, changed));
    return { files: scan.files.length, filesRead: result.filesRead };
  };
  const times: number[] = [];
  began = performance.now();
  let { files, filesRead } = await sync();
  times.push(performance.now() - began);
  const scoop = scoopOverIndex(index);
  for (const article of index.articles().slice(0, 50)) await scoop.search(article.title, 10);
  const servingRss = peakRssMb();
  for (let run = 1; run < CHECK_RUNS; run += 1) {
    began = performance.now();
    ({ files, filesRead } = await sync());
    times.push(performance.now() - began);
  }
  return {
    files,
    articles: index.articleCount(),
    passages: index.passageCount(),
    openMs,
    checkMedianMs: median(times.slice(1)),
    checkBestMs: Math.min(...times.slice(1)),
    runs: times.length,
    filesRead,
    peakRssMb: servingRss,
  };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { corpus: { type: 'string' }, index: { type: 'string' } } });
  const [task] = positionals;
  if (!values.corpus || !values.index || (task !== 'ingest' && task !== 'check')) {
    throw new Error('usage: startupWorker.ts ingest|check --corpus PATH --index DIR');
  }
  const figures = task === 'ingest' ? await ingest(values.corpus, values.index) : await check(values.corpus, values.index);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`startup worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
