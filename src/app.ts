import { mkdir } from 'node:fs/promises';
import type { CorpusLoad } from './articles/article';
import { loadCorpus } from './articles/loadCorpus';
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
  corpus: CorpusLoad;
}

/** Logs one line per input that was not loaded, naming the file (and line) and the reason. */
export function reportSkipped(corpus: CorpusLoad, logger: Logger): void {
  for (const skipped of corpus.skipped) {
    const where = skipped.line === undefined ? skipped.source : `${skipped.source}:${skipped.line}`;
    logger.warn(`skipped ${where}: ${skipped.reason}`);
  }
}

/**
 * The composition root: loads the corpus, opens the index under INDEX_DIR,
 * brings it up to date (only new and changed articles are embedded), and
 * builds the Scoop service with the answerer the config chose.
 */
export async function openScoop(config: Config, { logger, onProgress }: OpenScoopDeps): Promise<OpenedScoop> {
  const { corpus, index, report } = await withSyncLock(config.INDEX_DIR, SYNC_LOCK_WAIT_MS, async () => {
    const loaded = await loadCorpus(config.CORPUS_DIR);
    reportSkipped(loaded, logger);
    const { embeddings, embedderId } = createEmbeddings(config);
    const opened = await openPassageIndex({ indexDir: config.INDEX_DIR, embeddings, embedderId, logger, onProgress });
    return { corpus: loaded, index: opened, report: await opened.sync(loaded) };
  });
  const chat = config.ANSWERER === 'extractive' ? undefined : createChatAnswerer(config);
  return { scoop: scoopOverIndex(index, { chat, logger }), index, report, corpus };
}

/** How long a command waits for another process's sync of the same index before saying so. */
const SYNC_LOCK_WAIT_MS = 60_000;

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
