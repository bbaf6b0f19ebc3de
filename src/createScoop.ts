import type { Article } from './articles/article';
import { answerQuestion, type AnswerDeps } from './answers/answerQuestion';
import type { FactBook } from './facts/factBook';
import type { PassageIndex } from './index/passageIndex';
import type { HybridSearch } from './retrieval/hybridSearch';
import type { Scoop, SourceSummary } from './scoop';

/** What the Scoop service is made of; built by the composition root or by tests. */
export interface ScoopParts {
  index: PassageIndex;
  /** The search over `index` that answers and `search` use. */
  retriever: Pick<HybridSearch, 'search'>;
  facts: FactBook;
  chat?: AnswerDeps['chat'];
  logger?: AnswerDeps['logger'];
}

function byPublishedThenTitle(a: SourceSummary, b: SourceSummary): number {
  return (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title);
}

function summarise(article: Article, passages: number): SourceSummary {
  const { source, title, published, language, url } = article;
  return { source, title, published, language, url, passages };
}

/** Puts the index, the facts and the answerer behind the `Scoop` interface the CLI and the bot use. */
export function createScoop({ index, retriever, facts, chat, logger }: ScoopParts): Scoop {
  const search: AnswerDeps['search'] = (query, k, options) => retriever.search(query, k, options);
  return {
    ask: (question, options) => answerQuestion(question, { search, facts, chat, logger }, options),
    search: (query, k = 5, options) => retriever.search(query, k, options),
    sources: () =>
      index
        .articles()
        .map((article) => summarise(article, index.passagesOf(article.id).length))
        .sort(byPublishedThenTitle),
    timeline: (subject) => facts.timeline(subject),
    partners: (company) => facts.partners(company),
    subjects: () => facts.subjects(),
    companies: () => facts.companies(),
    articleCount: () => index.articleCount(),
  };
}
