import type { CorpusLoad } from './articles/article';
import { loadCorpus } from './articles/loadCorpus';
import { createChatAnswerer } from './answers/chatAnswerer';
import type { Config } from './config';
import { createScoop } from './createScoop';
import { extractFacts } from './facts/extractFacts';
import { FactBook } from './facts/factBook';
import { FACTS_VERSION } from './facts/factsVersion';
import { createEmbeddings } from './index/createEmbeddings';
import { PassageIndex, type SyncReport } from './index/passageIndex';
import type { Logger } from './logger';
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
  const index = await PassageIndex.open({
    indexDir: config.INDEX_DIR,
    embeddings,
    embedderId,
    extractFacts,
    factsVersion: FACTS_VERSION,
    logger,
    onProgress,
  });
  const report = await index.sync(corpus);
  const facts = new FactBook(index.facts(), index.articles());
  const chat = config.ANSWERER === 'extractive' ? undefined : createChatAnswerer(config);
  return { scoop: createScoop({ index, facts, chat, logger }), index, report, corpus };
}
