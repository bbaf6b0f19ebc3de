import type { Article } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import type { AnswerDeps } from '../../src/answers/answerQuestion';
import { extractFacts } from '../../src/facts/extractFacts';
import { FactBook } from '../../src/facts/factBook';
import type { Passage } from '../../src/passages/passage';
import { splitIntoPassages } from '../../src/passages/splitIntoPassages';
import { HashedFeatureEmbeddings } from '../../src/index/hashedFeatureEmbeddings';
import { LexicalIndex } from '../../src/index/lexicalIndex';
import { fuseRankings } from '../../src/retrieval/fuseRankings';
import type { SearchHit } from '../../src/retrieval/searchHit';

/** The answer fixtures: the seed and six tech-news articles, French and English. */
export const NEWS_DIR = 'test/fixtures/news';

/** The fixture corpus with what answering needs. */
export interface NewsFixture {
  articles: Article[];
  facts: FactBook;
  search: AnswerDeps['search'];
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i] * b[i];
  return dot;
}

/**
 * Loads the fixture corpus, extracts its facts and ranks its passages as
 * Scoop does, in memory: BM25 over the analysed terms and cosine over the
 * offline hashed-feature embeddings, fused by reciprocal rank.
 */
export async function loadNewsFixture(): Promise<NewsFixture> {
  const { articles } = await loadCorpus(NEWS_DIR);
  const facts = new FactBook(articles.map((article) => extractFacts(article)), articles);
  const passages = new Map<string, { passage: Passage; article: Article }>();
  for (const article of articles) for (const passage of splitIntoPassages(article)) passages.set(passage.id, { passage, article });
  const lexical = new LexicalIndex();
  lexical.add([...passages.values()].map(({ passage, article }) => ({ id: passage.id, text: passage.text, language: article.language })));
  const embeddings = new HashedFeatureEmbeddings();
  const vectors = [...passages.values()].map(({ passage }) => ({ id: passage.id, vector: embeddings.embedText(passage.text) }));
  const search: AnswerDeps['search'] = async (query, k, options) => {
    const exclude = new Set(options?.excludePassageIds ?? []);
    const byTerms = lexical.search(query, k * 3, { exclude });
    const queryVector = embeddings.embedText(query);
    const bySimilarity = vectors
      .filter(({ id }) => !exclude.has(id))
      .map(({ id, vector }) => ({ id, score: cosine(queryVector, vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k * 3);
    return fuseRankings([byTerms, bySimilarity])
      .slice(0, k)
      .map(({ id, score }): SearchHit => ({ ...passages.get(id)!, score }));
  };
  return { articles, facts, search };
}
