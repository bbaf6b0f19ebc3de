import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSearchPeer, loadSearchPeer, type SearchPeerName } from '../src/evaluation/searchPeers';
import type { BenchCorpus } from './benchCorpus';
import { peakRssMb, timeEach, type LatencySummary } from './latency';

/** What the `search-peer` task measures for one search library over the benchmark's passages. */
export interface SearchPeerFigures {
  name: SearchPeerName;
  passages: number;
  /** Building the library's index over every passage, in memory. */
  buildMs: number;
  passagesPerSecond: number;
  /** Loading the library's own saved form of that index (read from disk and parsed), as a restarted process would. */
  coldStartMs: number;
  search: LatencySummary;
  peakRssMb: number;
}

/**
 * Builds one search peer (MiniSearch or Orama, set up as in `npm run eval`)
 * over the same passages as Scoop, saves it with the library's own
 * serialisation, loads it back (its cold start) and times the same queries as
 * Scoop's search, top 10, one at a time after the same warm-up queries.
 */
export async function measureSearchPeer(
  name: SearchPeerName,
  corpus: BenchCorpus,
  queries: { timed: readonly string[]; warmup: readonly string[] },
  work: string,
  onProgress?: (done: number, total: number) => void,
): Promise<SearchPeerFigures> {
  const input = { articles: corpus.articles, passages: corpus.passages };
  let began = performance.now();
  const built = await buildSearchPeer(name, input);
  const buildMs = performance.now() - began;
  const file = join(work, `${name}.json`);
  await writeFile(file, built.save());
  began = performance.now();
  const peer = loadSearchPeer(name, input, await readFile(file, 'utf8'));
  const coldStartMs = performance.now() - began;
  const search = await timeEach(queries.timed, (query) => peer.search(query, 10), { warmupInputs: queries.warmup, onProgress });
  return {
    name,
    passages: corpus.passages.length,
    buildMs,
    passagesPerSecond: corpus.passages.length / (buildMs / 1000),
    coldStartMs,
    search,
    peakRssMb: peakRssMb(),
  };
}
