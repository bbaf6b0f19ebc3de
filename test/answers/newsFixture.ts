import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { answerQuestion, type AnswerDeps } from '../../src/answers/answerQuestion';
import { expect } from 'vitest';
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

/**
 * The pipeline over articles written for one test (file name → file text),
 * in a temporary corpus folder that `close` removes with the index.
 */
export async function loadWrittenFixture(files: Readonly<Record<string, string>>): Promise<NewsFixture> {
  const corpusDir = mkdtempSync(join(tmpdir(), 'scoop-written-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(corpusDir, name), text);
  const fixture = await loadNewsFixture(corpusDir);
  return {
    ...fixture,
    close: () => {
      fixture.close();
      rmSync(corpusDir, { recursive: true, force: true });
    },
  };
}

/** A written article as a Markdown file: its title quoted in the front matter, its date and language, then its text. */
export function writtenStory(title: string, published: string, text: string, language: 'fr' | 'en' = 'fr'): string {
  return `---\ntitle: "${title}"\npublished: ${published}\nlang: ${language}\n---\n${text}\n`;
}

/** Asks `question` over the fixture, checking first that every citation is a verbatim slice of its article. */
export async function askVerbatim(fixture: NewsFixture, question: string): ReturnType<typeof answerQuestion> {
  const answer = await answerQuestion(question, fixture.deps);
  for (const citation of answer.citations) {
    const article = fixture.articles.find((a) => a.id === citation.articleId)!;
    expect(citation.snippet).toBe(article.text.slice(citation.start, citation.end));
  }
  return answer;
}
