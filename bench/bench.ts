/**
 * `npm run bench`: Scoop's speed and memory at several corpus sizes, with the
 * LangChain peer measured beside it in the same run.
 *
 *   npm run bench -- [--json] [--quick] [--sizes 1000,10000,50000] [--corpus PATH] [--seed N] [--no-generated]
 *                    [--no-startup | --startup-only]
 *
 * Each size runs in child processes (build, serve, recall, peer) so that peak
 * memory and warm caches do not bleed from one measurement into the next.
 * With a --corpus file, the start-up section (bench/startupBench.ts) follows:
 * the CLI's build, up-to-date check, warm search and cold start over it.
 * Progress goes to stderr; the table (or, with --json, one JSON object) to stdout.
 */
import { execFileSync } from 'node:child_process';
import { runJsonWorker } from './runWorker';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, formatBenchReport, type BenchReport, type SizeResult } from './benchReport';
import type { SearchPeerFigures } from './searchPeerBench';
import { formatStartup, measureStartup, type StartupFigures } from './startupBench';

const WORKER = fileURLToPath(new URL('./benchWorker.ts', import.meta.url));
const FEEDS_BENCH = fileURLToPath(new URL('./feedsBench.ts', import.meta.url));
/** The search libraries timed beside Scoop at every size, each in its own process. */
const BENCHED_SEARCH_PEERS = ['minisearch', 'orama'] as const;
const DEFAULT_SIZES = [1000, 10000, 50000];
const QUICK_SIZES = [1000];

class UsageError extends Error {}

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((part) => Number(part.trim().replace(/_/g, '').replace(/k$/i, '000')));
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 10)) {
    throw new UsageError(`--sizes takes passage counts separated by commas, such as 1000,10000,50000 (got "${text}")`);
  }
  return sizes;
}

/** Runs one worker task in its own Node process and returns the JSON it printed (see {@link runJsonWorker}). */
function runWorker<T>(args: string[], script = WORKER): Promise<T> {
  return runJsonWorker<T>(script, args);
}

async function measureSize(source: string, label: string, passages: number, quick: boolean, discord: boolean): Promise<{ size: SizeResult; discord?: unknown }> {
  const work = await mkdtemp(join(tmpdir(), 'scoop-bench-'));
  const common = ['--source', source, '--passages', String(passages), '--work', work, ...(quick ? ['--quick'] : [])];
  const size: SizeResult = { corpus: label, targetPassages: passages, build: null, serve: null, recall: null, peer: null, searchPeers: [], errors: [] };
  let discordFigures: unknown;
  const attempt = async <K extends 'build' | 'serve' | 'recall' | 'peer'>(task: K) => {
    try {
      size[task] = await runWorker<NonNullable<SizeResult[K]>>([task, ...common]);
    } catch (error) {
      size.errors.push((error as Error).message);
    }
  };
  try {
    await attempt('build');
    if (size.build) {
      await attempt('serve');
      await attempt('recall');
      if (discord) {
        try {
          discordFigures = await runWorker(['discord', ...common]);
        } catch (error) {
          size.errors.push(`discord: ${(error as Error).message}`);
        }
      }
    }
    await attempt('peer');
    for (const name of BENCHED_SEARCH_PEERS) {
      try {
        size.searchPeers?.push(await runWorker<SearchPeerFigures>(['search-peer', '--peer', name, ...common]));
      } catch (error) {
        size.errors.push(`search-peer ${name}: ${(error as Error).message}`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { size, discord: discordFigures };
}

/** The commit being measured, marked when source files differ from it; undefined outside a git checkout. */
function currentRevision(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return changed ? `${commit}+changes` : commit;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      corpus: { type: 'string' },
      seed: { type: 'string', default: '20250201' },
      'no-generated': { type: 'boolean', default: false },
      'no-startup': { type: 'boolean', default: false },
      'startup-only': { type: 'boolean', default: false },
    },
  });
  const startupOnly = values['startup-only'];
  if (startupOnly && !values.corpus) throw new UsageError('--startup-only needs --corpus FILE (the OrangeSum .jsonl.gz)');
  const sizes = values.sizes ? parseSizes(values.sizes) : values.quick ? QUICK_SIZES : DEFAULT_SIZES;
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed takes a non-negative integer (got "${values.seed}")`);
  if (values.corpus && !existsSync(values.corpus)) throw new UsageError(`--corpus ${values.corpus}: no such file or folder`);
  if (values['no-generated'] && !values.corpus) throw new UsageError('--no-generated needs --corpus PATH');

  const sources: [string, string][] = [];
  if (!values['no-generated']) sources.push([`generated:${seed}`, 'generated']);
  if (values.corpus) sources.push([values.corpus, values.corpus.split('/').pop() ?? values.corpus]);

  const began = performance.now();
  const loadAtStart = loadavg()[0];
  const revision = currentRevision();
  const results: SizeResult[] = [];
  let discord: unknown;
  const discordSize = sizes.includes(10000) ? 10000 : sizes[sizes.length - 1];
  for (const [source, label] of startupOnly ? [] : sources) {
    for (const passages of sizes) {
      process.stderr.write(`\n== ${label}, about ${passages.toLocaleString('en-US')} passages ==\n`);
      const measured = await measureSize(source, label, passages, values.quick, source === sources[0][0] && passages === discordSize);
      results.push(measured.size);
      if (measured.discord !== undefined) discord = measured.discord;
    }
  }

  let startup: StartupFigures | undefined;
  if (values.corpus && !values['no-startup'] && statSync(values.corpus).isFile()) {
    const work = await mkdtemp(join(tmpdir(), 'scoop-bench-startup-'));
    process.stderr.write('\n== start-up, up-to-date check and build ==\n');
    try {
      startup = await measureStartup(values.corpus, work, (message) => process.stderr.write(`[startup] ${message}\n`));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  let live: unknown;
  if (!startupOnly) try {
    process.stderr.write('\n== live news: a feed polled into an empty corpus, and the live index lag ==\n');
    live = await runWorker(['--json', ...(values.quick ? ['--items', '50', '--lag-rounds', '3'] : [])], FEEDS_BENCH);
  } catch (error) {
    live = { error: (error as Error).message };
  }

  const report: BenchReport = {
    revision,
    command: `npm run bench --${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: describeMachine(loadAtStart),
    sizes: results,
    discord,
    live,
    notes: [
      'Latencies are in-process, one query at a time; searches (Scoop and the search libraries alike) after as many untimed warm-up queries from another sample, the rest after a short warm-up; p99 is the nearest-rank 99th percentile.',
      'Build = PassageIndex.open on an empty folder + sync(corpus): splitting, fact extraction and BM25 (the offline default builds no vectors; a model embedder adds embedding and the HNSW graph), written to disk. The embed step is timed apart.',
      'Cold start = PassageIndex.open of the persisted index in a fresh process; the up-to-date check (sync against the unchanged corpus) is shown apart.',
      'Peak RSS is the process maximum (build and serving run in separate processes, each loading the corpus).',
      'HNSW recall@10: the persisted HNSW index against an exact cosine scan over the same vectors, on the benchmark queries.',
      'Search peers: MiniSearch 7 and Orama 3 over the same passages, set up as in npm run eval (src/evaluation/searchPeers.ts: stemming, stop words, title and text fields; no MiniSearch fuzzy or prefix search), each in its own process: build in memory, cold start = loading the library\'s own saved form from disk, search = the same queries as Scoop, top 10.',
      'Peer: LangChain BM25Retriever + MemoryVectorStore (same embedder) fused by EnsembleRetriever, over the same passages; ratios compare with that hybrid. It keeps nothing on disk, so its cold start is a rebuild; its BM25 scans every passage per query, so at large sizes it is timed on fewer queries.',
      "Peer \"ask\" = fetching its top passage (it has no answerer).",
      'Targets: issue 11 (search p50 <= 1 ms and p99 <= 5 ms in-process, build >= 4,000 passages/s, peak memory <= 500 MB building and serving), issue 6 (cold start, HNSW recall), issue 3 (an answer within 20 ms). They are applied at every size.',
    ],
    ms: performance.now() - began,
  };
  const startupText = startup ? `\n${formatStartup(startup)}\n` : '';
  if (values.json) process.stdout.write(`${JSON.stringify({ ...report, startup })}\n`);
  else process.stdout.write(startupOnly ? startupText : `${formatBenchReport(report)}\n${startupText}`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
});
