import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import type { AnswerDeps } from '../../src/answers/answerQuestion';
import { parseConfig } from '../../src/config';
import { FactBook } from '../../src/facts/factBook';
import { embeddingsFor, fusionFor, openPassageIndex } from '../../src/app';
import { HybridSearch } from '../../src/retrieval/hybridSearch';

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
 * Another corpus folder can be given instead of the fixtures.
 */
export async function loadNewsFixture(corpusDir: string = NEWS_DIR): Promise<NewsFixture> {
  const indexDir = mkdtempSync(join(tmpdir(), 'scoop-answers-'));
  const corpus = await loadCorpus(corpusDir);
  const config = parseConfig({});
  const index = await openPassageIndex({ indexDir, ...(await embeddingsFor(config)), logger: quiet });
  await index.sync(corpus);
  const retriever = new HybridSearch({ index, fusion: fusionFor(config) });
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
