import type { SkippedInput } from './articles/article';
import { loadCorpusFiles, scanCorpus } from './articles/loadCorpus';
import type { Config } from './config';
import { createScoop, type ScoopParts } from './createScoop';
import { extractFacts } from './facts/extractFacts';
import { FactBook } from './facts/factBook';
import { FACTS_VERSION } from './facts/factsVersion';
import { createEmbeddings } from './index/createEmbeddings';
import { IndexWriteError, type WriteFaults } from './index/indexStore';
import { PassageIndex, type PassageIndexOptions, type SyncReport } from './index/passageIndex';
import type { Logger } from './logger';
import { HybridSearch } from './retrieval/hybridSearch';
import type { Scoop } from './scoop';

/** What the composition root needs besides the config. */
export interface OpenScoopDeps {
  logger: Logger;
  /** Called while passages are embedded (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * When the index cannot be written (a full or read-only disk), serve the
   * last good index, marked stale, instead of failing: what `search`, `ask`
   * and the bot want; `ingest` does not.
   */
  serveStale?: boolean;
  /** Test hooks that make index writes fail (see `WriteFaults`). */
  writeFaults?: WriteFaults;
}

/** A ready Scoop, with what bringing its index up to date did. */
export interface OpenedScoop {
  scoop: Scoop;
  index: PassageIndex;
  report: SyncReport;
  /** Inputs of the corpus that were not loaded, with the reason. */
  skipped: SkippedInput[];
  /** Why the index served does not hold the latest corpus (its update could not be written); null when it does. */
  stale: string | null;
}

/** Logs one line per input that was not loaded, naming the file (and line) and the reason. */
export function reportSkipped(inputs: readonly SkippedInput[], logger: Logger): void {
  for (const skipped of inputs) {
    const where = skipped.line === undefined ? skipped.source : `${skipped.source}:${skipped.line}`;
    logger.warn(`skipped ${where}: ${skipped.reason}`);
  }
}

/**
 * The composition root: scans the corpus (a `stat` per file), opens the
 * index under INDEX_DIR, brings it up to date (only files whose content
 * changed are read, only new and changed articles are embedded), and builds
 * the Scoop service with the answerer the config chose.
 */
export async function openScoop(config: Config, { logger, onProgress, serveStale = false, writeFaults }: OpenScoopDeps): Promise<OpenedScoop> {
  const scan = await scanCorpus(config.CORPUS_DIR);
  const { embeddings, embedderId } = await createEmbeddings(config);
  const open = () => openPassageIndex({ indexDir: config.INDEX_DIR, embeddings, embedderId, logger, onProgress, writeFaults });
  let index = await open();
  let synced: { report: SyncReport; skipped: SkippedInput[] };
  let stale: string | null = null;
  try {
    synced = await index.syncCorpus(scan, (files) => loadCorpusFiles(scan.root, files));
  } catch (error) {
    if (!(error instanceof IndexWriteError) || !serveStale) throw error;
    const lastGood = await open();
    if (lastGood.articleCount() === 0) throw error;
    index = lastGood;
    stale = error.message;
    logger.warn(`index update failed, so the last good index (${index.articleCount()} articles) is served and it is stale: ${error.message}`);
    const report: SyncReport = { articles: index.articleCount(), passages: index.passageCount(), added: 0, updated: 0, removed: 0, skipped: scan.skipped.length, ms: 0 };
    synced = { report, skipped: scan.skipped };
  }
  reportSkipped(synced.skipped, logger);
  const chat = config.ANSWERER === 'extractive' ? undefined : (await import('./answers/chatAnswerer')).createChatAnswerer(config);
  return { scoop: scoopOverIndex(index, { chat, logger }), index, ...synced, stale };
}

/**
 * Opens the passage index with Scoop's fact extraction wired in (and its
 * version recorded, so stale facts are re-extracted). The CLI, the bot and the
 * benchmarks open the index through this one function.
 */
export function openPassageIndex(
  options: Omit<PassageIndexOptions, 'extractFacts' | 'factsVersion'>,
): Promise<PassageIndex> {
  return PassageIndex.open({ ...options, extractFacts, factsVersion: FACTS_VERSION });
}

/** The Scoop service over an opened index: the hybrid search with the fusion that ships, its fact book, and the answerer the caller chose. */
export function scoopOverIndex(index: PassageIndex, parts: Pick<ScoopParts, 'chat' | 'logger'> = {}): Scoop {
  return createScoop({ index, retriever: new HybridSearch({ index }), facts: new FactBook(index.facts(), index.articles()), ...parts });
}
