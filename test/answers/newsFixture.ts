import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import type { AnswerDeps } from '../../src/answers/answerQuestion';
import { meaningfulTerms } from '../../src/answers/questionTerms';
import { extractFacts } from '../../src/facts/extractFacts';
import { FactBook } from '../../src/facts/factBook';
import type { Passage } from '../../src/passages/passage';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';
import type { SearchHit } from '../../src/retrieval/searchHit';

/** The answer fixtures: the seed and six tech-news articles, French and English. */
export const NEWS_DIR = 'test/fixtures/news';

/** The fixture corpus with what answering needs. */
export interface NewsFixture {
  articles: Article[];
  facts: FactBook;
  search: AnswerDeps['search'];
}

/**
 * Loads the fixture corpus, extracts its facts and gives a small lexical
 * search over its passages (shared terms, bilingual lexicon concepts included).
 */
export async function loadNewsFixture(): Promise<NewsFixture> {
  const { articles } = await loadCorpus(NEWS_DIR);
  const facts = new FactBook(articles.map((article) => extractFacts(article)), articles);
  const passages: Array<{ passage: Passage; article: Article; terms: Set<string> }> = [];
  for (const article of articles) {
    for (const passage of splitIntoPassages(article)) {
      passages.push({ passage, article, terms: new Set([...meaningfulTerms(passage.text, 'fr'), ...meaningfulTerms(passage.text, 'en')]) });
    }
  }
  const search: AnswerDeps['search'] = async (query, k, options) => {
    const excluded = new Set(options?.excludePassageIds ?? []);
    const terms = new Set([...meaningfulTerms(query, 'fr'), ...meaningfulTerms(query, 'en')]);
    return passages
      .filter(({ passage }) => !excluded.has(passage.id))
      .map(({ passage, article, terms: own }): SearchHit => ({ passage, article, score: [...terms].filter((t) => own.has(t)).length }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id))
      .slice(0, k);
  };
  return { articles, facts, search };
}
