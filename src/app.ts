import { mkdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SkippedInput } from './articles/article';
import { loadCorpusFiles, scanCorpus, type LoadCorpusOptions } from './articles/loadCorpus';
import type { Config } from './config';
import { createScoop, type ScoopParts } from './createScoop';
import { FactBook } from './facts/factBook';
import { FACTS_VERSION } from './facts/factsVersion';
import type { Newsroom } from './feeds/newsroom';
import { UserFacingError } from './errors';
import type { EmbeddingsChoice } from './index/createEmbeddings';
import { acquireWriteLock, IndexWriteError, type WriteFaults } from './index/indexStore';
import { PassageIndex, type PassageIndexOptions, type SyncReport } from './index/passageIndex';
import type { Logger } from './logger';
import { DEFAULT_FUSION, type FusionOptions, HybridSearch, MODEL_EMBEDDINGS_FUSION } from './retrieval/hybridSearch';
import type { Scoop } from './scoop';
import type { StoryGroups } from './storyGroups';

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
  /** The turn each question's CPU-bound part takes (a bot's `AnsweringQueue`); none when absent (the CLI). */
  takeTurn?: ScoopParts['takeTurn'];
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

/** The loader's limits, from the settings. */
export function corpusLimits(config: Config): LoadCorpusOptions {
  return {
    maxFileBytes: config.MAX_FILE_BYTES,
    maxLineBytes: config.MAX_LINE_BYTES,
    maxJsonlBytes: config.MAX_JSONL_BYTES,
    maxArticleChars: config.MAX_ARTICLE_CHARS,
    parseTimeoutMs: config.PARSE_TIMEOUT_MS,
    maxHtmlDepth: config.MAX_HTML_DEPTH,
    allowLinksOutside: config.ALLOW_LINKS_OUTSIDE_CORPUS,
  };
}

/**
 * The composition root: brings the index under INDEX_DIR up to date (see
 * {@link syncIndex}), logs what was skipped, and builds the Scoop service with
 * the answerer the config chose. The loader keeps within the limits the
 * settings give (see {@link corpusLimits}).
 */
export async function openScoop(config: Config, deps: OpenScoopDeps): Promise<OpenedScoop> {
  const synced = await syncIndex(config, deps);
  reportSkipped(synced.skipped, deps.logger);
  const chat = config.ANSWERER === 'extractive' ? undefined : (await import('./answers/chatAnswerer')).createChatAnswerer(config);
  return { scoop: scoopOverIndex(synced.index, { chat, logger: deps.logger, fusion: fusionFor(config), takeTurn: deps.takeTurn }), ...synced };
}

/** How long a command waits for another process's sync of the same index before saying so. */
const SYNC_LOCK_WAIT_MS = 60_000;

/** What {@link syncIndex} gives: the index opened from INDEX_DIR and brought up to date, what that did, and what was skipped. */
export interface SyncedIndex {
  index: PassageIndex;
  report: SyncReport;
  skipped: SkippedInput[];
  /** Why the index served does not hold the latest corpus (its update could not be written); null when it does. */
  stale: string | null;
}

/**
 * Under the index's sync lock (see {@link withSyncLock}): scans the corpus
 * (a `stat` per file), opens the index from INDEX_DIR and brings it up to
 * date (only files whose content changed are read, only new and changed
 * articles embedded). With `serveStale`, an update that cannot be written
 * leaves the last good index served, marked stale. The CLI, the bot's live
 * index and the bench sync through it.
 */
export function syncIndex(
  config: Config,
  { logger, onProgress, serveStale = false, writeFaults, lockWaitMs = SYNC_LOCK_WAIT_MS }: OpenScoopDeps & { lockWaitMs?: number },
): Promise<SyncedIndex> {
  return withSyncLock(config.INDEX_DIR, lockWaitMs, async () => {
    const limits = corpusLimits(config);
    const scan = await scanCorpus(config.CORPUS_DIR, limits);
    const vectors = await embeddingsFor(config);
    const open = () => openPassageIndex({ indexDir: config.INDEX_DIR, ...vectors, logger, onProgress, writeFaults });
    const index = await open();
    try {
      const { report, skipped } = await index.syncCorpus(scan, (files) => loadCorpusFiles(scan.root, files, limits));
      return { index, report, skipped, stale: null };
    } catch (error) {
      if (!(error instanceof IndexWriteError) || !serveStale) throw error;
      const lastGood = await open();
      if (lastGood.articleCount() === 0) throw error;
      logger.warn(`index update failed, so the last good index (${lastGood.articleCount()} articles) is served and it is stale: ${error.message}`);
      const report: SyncReport = { articles: lastGood.articleCount(), passages: lastGood.passageCount(), added: 0, updated: 0, removed: 0, skipped: scan.skipped.length, ms: 0 };
      return { index: lastGood, report, skipped: scan.skipped, stale: error.message };
    }
  });
}

/**
 * Runs `sync` (scan the corpus, open the index, bring it up to date) under
 * the index's sync lock, so two processes never sync one index at once: the
 * second waits, then opens what the first wrote. Where the lock cannot be
 * taken at all (a read-only disk), the sync runs without it; it cannot write
 * either, and says so.
 */
export async function withSyncLock<T>(indexDir: string, waitMs: number, sync: () => Promise<T>): Promise<T> {
  let lock: { release: () => Promise<void> } | null = null;
  try {
    await mkdir(indexDir, { recursive: true });
    lock = await acquireWriteLock(indexDir, waitMs, 'sync');
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    lock = null;
  }
  try {
    return await sync();
  } finally {
    await lock?.release();
  }
}

/**
 * Opens the passage index with Scoop's fact extraction wired in (and its
 * version recorded, so stale facts are re-extracted). The CLI, the bot and the
 * benchmarks open the index through this one function.
 */
export function openPassageIndex(
  options: Omit<PassageIndexOptions, 'facts'>,
): Promise<PassageIndex> {
  return PassageIndex.open({ ...options, facts: { module: factsModuleUrl(), version: FACTS_VERSION } });
}

/**
 * The module of `extractFacts`, which the index's worker threads load: under
 * the `src/` folder this file is in (src/, dist/src/), and also when this
 * code is bundled into the CLI (dist/src/cli/), whose folder is a level down.
 */
export function factsModuleUrl(): URL {
  const here = import.meta.url;
  const sourceRoot = here.slice(0, here.lastIndexOf('/src/') + '/src/'.length);
  return new URL(`facts/extractFacts${extname(fileURLToPath(here))}`, sourceRoot);
}

/**
 * The embedder the index keeps vectors with, when the search that ships for
 * the config uses them (see {@link fusionFor}); none when it ranks by BM25
 * alone (the offline default), so that nothing is embedded and no HNSW graph
 * is built or loaded.
 */
export async function embeddingsFor(config: Config): Promise<Partial<EmbeddingsChoice>> {
  if (!(fusionFor(config).weights[0] > 0)) return {};
  // Loaded only here: the embedders import LangChain's Embeddings (about 80 ms at start), which the offline default never needs.
  const { createEmbeddings } = await import('./index/createEmbeddings');
  return createEmbeddings(config);
}

/**
 * The fusion that ships for the configured embedder: BM25 alone with the
 * offline hashed vectors (they cost recall, see `DEFAULT_FUSION`), both
 * rankings with a model embedder.
 */
export function fusionFor(config: Pick<Config, 'EMBEDDINGS_PROVIDER'>): Required<FusionOptions> {
  return config.EMBEDDINGS_PROVIDER === 'hashed' ? DEFAULT_FUSION : MODEL_EMBEDDINGS_FUSION;
}

/**
 * The Scoop service over an opened index: the hybrid search with the
 * fusion that ships (the offline default unless `fusion` is given), its fact
 * book (folded story duplicates left out), and the answerer the caller chose.
 */
export function scoopOverIndex(index: PassageIndex, { fusion, ...parts }: Pick<ScoopParts, 'chat' | 'logger' | 'takeTurn'> & { fusion?: FusionOptions } = {}): Scoop {
  const facts = (stories: StoryGroups) => new FactBook(index.facts().filter((entry) => !stories.isFolded(entry.articleId)), index.articles());
  return createScoop({ index, retriever: new HybridSearch({ index, fusion }), facts, ...parts });
}

/** The news desk over CORPUS_DIR: feed subscriptions, fetched articles, and the safe fetcher the config sets. */
export async function openNewsroom(config: Config): Promise<Newsroom> {
  const [{ Newsroom }, { fetchPolicyOf }] = await Promise.all([import('./feeds/newsroom'), import('./feeds/safeFetch')]);
  return new Newsroom(config.CORPUS_DIR, fetchPolicyOf(config));
}
