import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import type { AnswerDeps } from '../../src/answers/answerQuestion';
import { parseConfig } from '../../src/config';
import { FactBook } from '../../src/facts/factBook';
import { createEmbeddings } from '../../src/index/createEmbeddings';
import { openPassageIndex } from '../../src/app';
import { HybridRetriever } from '../../src/retrieval/hybridRetriever';

/** The answer fixtures: the seed and six tech-news articles, French and English. */
export const NEWS_DIR = 'test/fixtures/news';

/** The fixture corpus, indexed as `npm run ask` indexes a corpus. */
export interface NewsFixture {
  articles: Article[];
  facts: FactBook;
  search: AnswerDeps['search'];
  /** How common a term is in the fixture's passages, as the composition root gives the answerer. */
  termShare: NonNullable<AnswerDeps['termShare']>;
  /** What `answerQuestion` needs, as the composition root wires it. */
  deps: AnswerDeps;
  /** Deletes the temporary index. */
  close(): void;
}

const quiet = { info: () => {}, warn: () => {} };

/**
 * Builds the real pipeline over the fixture corpus, as the composition root
 * does with the default (offline) config: loadCorpus, a PassageIndex in a
 * temporary folder (hybrid retrieval, facts extracted at ingest) and the FactBook.
 */
export async function loadNewsFixture(): Promise<NewsFixture> {
  const indexDir = mkdtempSync(join(tmpdir(), 'scoop-answers-'));
  const corpus = await loadCorpus(NEWS_DIR);
  const { embeddings, embedderId } = createEmbeddings(parseConfig({}));
  const index = await openPassageIndex({ indexDir, embeddings, embedderId, logger: quiet });
  await index.sync(corpus);
  const retriever = new HybridRetriever({ index });
  const facts = new FactBook(index.facts(), index.articles());
  const search: AnswerDeps['search'] = (query, k, options) => retriever.search(query, k, options);
  const termShare = (term: string) => index.termShare(term);
  return {
    articles: index.articles(),
    facts,
    search,
    termShare,
    deps: { search, facts, termShare },
    close: () => rmSync(indexDir, { recursive: true, force: true }),
  };
}
