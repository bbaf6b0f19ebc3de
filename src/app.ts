import type { CorpusLoad } from './articles/article';
import { loadCorpus } from './articles/loadCorpus';
import { createChatAnswerer } from './answers/chatAnswerer';
import type { Config } from './config';
import { createScoop, type ScoopParts } from './createScoop';
import { extractFacts } from './facts/extractFacts';
import { FactBook } from './facts/factBook';
import { FACTS_VERSION } from './facts/factsVersion';
import { createEmbeddings } from './index/createEmbeddings';
import { PassageIndex, type PassageIndexOptions, type SyncReport } from './index/passageIndex';
import type { Logger } from './logger';
import { HybridRetriever } from './retrieval/hybridRetriever';
import type { Scoop } from './scoop';

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
  const corpus = await loadCorpus(config.CORPUS_DIR);
  reportSkipped(corpus, logger);
  const { embeddings, embedderId } = createEmbeddings(config);
  const index = await openPassageIndex({ indexDir: config.INDEX_DIR, embeddings, embedderId, logger, onProgress });
  const report = await index.sync(corpus);
  const chat = config.ANSWERER === 'extractive' ? undefined : createChatAnswerer(config);
  return { scoop: scoopOverIndex(index, { chat, logger }), index, report, corpus };
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
  return createScoop({ index, retriever: new HybridRetriever({ index }), facts: new FactBook(index.facts(), index.articles()), ...parts });
}
