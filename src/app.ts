import { mkdir } from 'node:fs/promises';
import type { SkippedInput } from './articles/article';
import { loadCorpusFiles, scanCorpus, type LoadCorpusOptions } from './articles/loadCorpus';
import { createChatAnswerer } from './answers/chatAnswerer';
import type { Config } from './config';
import { createScoop, type ScoopParts } from './createScoop';
import { extractFacts } from './facts/extractFacts';
import { FactBook } from './facts/factBook';
import { FACTS_VERSION } from './facts/factsVersion';
import { Newsroom } from './feeds/newsroom';
import { fetchPolicyOf } from './feeds/safeFetch';
import { UserFacingError } from './errors';
import { createEmbeddings } from './index/createEmbeddings';
import { acquireWriteLock } from './index/indexStore';
import { PassageIndex, type PassageIndexOptions, type SyncReport } from './index/passageIndex';
import type { Logger } from './logger';
import { HybridRetriever } from './retrieval/hybridRetriever';
import type { Scoop } from './scoop';
import type { StoryGroups } from './storyGroups';

/** What the composition root needs besides the config. */
export interface OpenScoopDeps {
  logger: Logger;
  /** Called while passages are embedded (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** A ready Scoop, with what bringing its index up to date did. */
export interface OpenedScoop {
  scoop: Scoop;
  index: PassageIndex;
  report: SyncReport;
  /** Inputs of the corpus that were not loaded, with the reason. */
  skipped: SkippedInput[];
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
 * The composition root: scans the corpus (a `stat` per file), opens the
 * index under INDEX_DIR, brings it up to date (only files whose content
 * changed are read, only new and changed articles are embedded), and builds
 * the Scoop service with the answerer the config chose. The loader keeps
 * within the limits the settings give (see {@link corpusLimits}).
 */
export async function openScoop(config: Config, { logger, onProgress }: OpenScoopDeps): Promise<OpenedScoop> {
  const { index, report, skipped } = await syncIndex(config, { logger, onProgress });
  reportSkipped(skipped, logger);
  const chat = config.ANSWERER === 'extractive' ? undefined : createChatAnswerer(config);
  return { scoop: scoopOverIndex(index, { chat, logger }), index, report, skipped };
}

/** How long a command waits for another process's sync of the same index before saying so. */
const SYNC_LOCK_WAIT_MS = 60_000;

/** What {@link syncIndex} gives: the index opened from INDEX_DIR and brought up to date, what that did, and what was skipped. */
export interface SyncedIndex {
  index: PassageIndex;
  report: SyncReport;
  skipped: SkippedInput[];
}

/**
 * Under the index's sync lock (see {@link withSyncLock}): scans the corpus
 * (a `stat` per file), opens the index from INDEX_DIR and brings it up to
 * date (only files whose content changed are read, only new and changed
 * articles embedded). The CLI, the bot's live index and the bench all sync
 * through it.
 */
export function syncIndex(config: Config, { logger, onProgress, lockWaitMs = SYNC_LOCK_WAIT_MS }: OpenScoopDeps & { lockWaitMs?: number }): Promise<SyncedIndex> {
  return withSyncLock(config.INDEX_DIR, lockWaitMs, async () => {
    const limits = corpusLimits(config);
    const scan = await scanCorpus(config.CORPUS_DIR, limits);
    const { embeddings, embedderId } = createEmbeddings(config);
    const index = await openPassageIndex({ indexDir: config.INDEX_DIR, embeddings, embedderId, logger, onProgress });
    const { report, skipped } = await index.syncCorpus(scan, (files) => loadCorpusFiles(scan.root, files, limits));
    return { index, report, skipped };
  });
}

/**
 * Runs `sync` (load the corpus, open the index, bring it up to date) under the
 * index's sync lock, so two processes never sync one index at once: the
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
  options: Omit<PassageIndexOptions, 'extractFacts' | 'factsVersion'>,
): Promise<PassageIndex> {
  return PassageIndex.open({ ...options, extractFacts, factsVersion: FACTS_VERSION });
}

/** The Scoop service over an opened index: the hybrid retriever with the fusion that ships, its fact book, and the answerer the caller chose. */
export function scoopOverIndex(index: PassageIndex, parts: Pick<ScoopParts, 'chat' | 'logger'> = {}): Scoop {
  const facts = (stories: StoryGroups) => new FactBook(index.facts().filter((entry) => !stories.isFolded(entry.articleId)), index.articles());
  return createScoop({ index, retriever: new HybridRetriever({ index }), facts, ...parts });
}

/** The news desk over CORPUS_DIR: feed subscriptions, fetched articles, and the safe fetcher the config sets. */
export function openNewsroom(config: Config): Newsroom {
  return new Newsroom(config.CORPUS_DIR, fetchPolicyOf(config));
}
