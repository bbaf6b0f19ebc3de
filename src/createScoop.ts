import type { Article } from './articles/article';
import { answerQuestion, type AnswerDeps } from './answers/answerQuestion';
import { checkStatement } from './answers/checkStatement';
import type { FactBook } from './facts/factBook';
import type { PassageIndex } from './index/passageIndex';
import type { HybridRetriever } from './retrieval/hybridRetriever';
import type { Logger } from './logger';
import type { Scoop, SourceSummary } from './scoop';

/** What the Scoop service is made of; built by the composition root or by tests. */
export interface ScoopParts {
  index: PassageIndex;
  /** The search over `index` that answers and `search` use. */
  retriever: Pick<HybridRetriever, 'search'>;
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

/** A logger for one question's search and answer lines. */
type QuestionLogger = Pick<Logger, 'debug' | 'warn'>;

/**
 * Puts the index, the facts and the answerer behind the `Scoop` interface the
 * CLI and the bot use. A call given a logger (a child carrying the question's
 * id) logs its search and its answer through it.
 */
export function createScoop({ index, retriever, facts, chat, logger }: ScoopParts): Scoop {
  const searchLogged = (log: QuestionLogger | undefined): AnswerDeps['search'] => async (query, k, options) => {
    const began = performance.now();
    const hits = await retriever.search(query, k, options?.excludePassageIds ? { excludePassageIds: options.excludePassageIds } : undefined);
    log?.debug({ k, hits: hits.length, ms: Math.round((performance.now() - began) * 100) / 100 }, 'search');
    return hits;
  };
  const search = searchLogged(undefined);
  return {
    ask: async (question, options = {}) => {
      const log = options.logger ?? logger;
      const answer = await answerQuestion(question, { search: options.logger ? searchLogged(options.logger) : search, facts, chat, logger: log }, options);
      options.logger?.debug({ kind: answer.kind, abstained: answer.abstained, citations: answer.citations.length, timings: answer.timings }, 'answer');
      return answer;
    },
    check: async (statement, options = {}) => {
      const checked = await checkStatement(statement, { search: options.logger ? searchLogged(options.logger) : search, facts, logger: options.logger ?? logger }, options);
      options.logger?.debug({ verdict: checked.verdict, citations: checked.citations.length, timings: checked.timings }, 'statement check');
      return checked;
    },
    search: (query, k = 5, options = {}) => searchLogged(options.logger)(query, k, { excludePassageIds: options.excludePassageIds }),
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
