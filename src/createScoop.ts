import type { Article } from './articles/article';
import { answerQuestion, withoutTurns, type AnswerDeps, type AnswerFacts } from './answers/answerQuestion';
import { checkStatement } from './answers/checkStatement';
import type { FactBook } from './facts/factBook';
import type { PassageIndex } from './index/passageIndex';
import type { HybridSearch } from './retrieval/hybridSearch';
import type { Logger } from './logger';
import type { FoundPassage, LatestArticle, Scoop, SourceSummary } from './scoop';
import { StoryGroups } from './storyGroups';

/** What the Scoop service is made of; built by the composition root or by tests. */
export interface ScoopParts {
  index: PassageIndex;
  /** The search over `index` that answers and `search` use. */
  retriever: Pick<HybridSearch, 'search'>;
  /** The fact book, or how to build it from the facts of the articles that answers may cite (built on first need). */
  facts: FactBook | ((stories: StoryGroups) => FactBook);
  chat?: AnswerDeps['chat'];
  logger?: AnswerDeps['logger'];
  /**
   * The turn CPU-bound work takes (the process's `AnsweringQueue`): `ask`'s draft, `check`, `search` and `latest`
   * each run in one, so a busy core yields to the event loop between two of them; none when absent (the CLI).
   */
  takeTurn?: AnswerDeps['takeTurn'];
}

function byPublishedThenTitle(a: { published: string | null; title: string }, b: { published: string | null; title: string }): number {
  return (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title);
}

function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

/** How many more hits answers ask of the retriever, so that folding a story's later tellings still leaves them enough. */
const FOLDED_EXTRA = 2;
const LATEST_SHOWN = 10;

/** A logger for one question's search and answer lines. */
type QuestionLogger = Pick<Logger, 'debug' | 'warn'>;

/**
 * Puts the index, the facts and the answerer behind the `Scoop` interface the
 * CLI and the bot use. Answers cite one article per story: the near-duplicate
 * groups (see {@link StoryGroups}, computed on first need) fold each story's
 * later tellings into its earliest article, and `search` shows each story
 * once, noting its other outlets (`alsoIn`). A call given a logger (a child
 * carrying the question's id) logs its search and its answer through it.
 */
export function createScoop({ index, retriever, facts, chat, logger, takeTurn }: ScoopParts): Scoop {
  const inTurn = takeTurn ?? withoutTurns;
  const stories = once(() => new StoryGroups(index.articles(), index.facts(), (id) => index.passagesOf(id)));
  const factBook = once(() => (typeof facts === 'function' ? facts(stories()) : facts));
  const searchLogged = (log: QuestionLogger | undefined): AnswerDeps['search'] => async (query, k, options) => {
    const began = performance.now();
    const excluded = options?.excludePassageIds ? { excludePassageIds: options.excludePassageIds } : undefined;
    const groups = stories();
    const hits =
      groups.foldedCount === 0
        ? await retriever.search(query, k, excluded)
        : groups.collapse(await retriever.search(query, k * FOLDED_EXTRA, excluded), options?.excludePassageIds).slice(0, k);
    log?.debug({ k, hits: hits.length, ms: Math.round((performance.now() - began) * 100) / 100 }, 'search');
    return hits;
  };
  const search = searchLogged(undefined);
  const lazyFacts: AnswerFacts = {
    timeline: (subject) => factBook().timeline(subject),
    partners: (company) => factBook().partners(company),
    knows: (subject) => factBook().knows(subject),
    aliases: () => factBook().aliases(),
    aliasesOf: (subject) => factBook().aliasesOf(subject),
    findNames: (question) => factBook().findNames(question),
    isPlace: (name) => factBook().isPlace(name),
    kindOf: (name) => factBook().kindOf(name),
  };
  const latestOf = (articles: Article[], limit: number): LatestArticle[] =>
    articles
      .filter((article) => !stories().isFolded(article.id))
      .sort(byPublishedThenTitle)
      .slice(0, limit)
      .map((article) => ({
        source: article.source,
        title: article.title,
        published: article.published,
        url: article.url,
        outlet: stories().outletOf(article),
        language: article.language,
      }));
  return {
    ask: async (question, options = {}) => {
      const log = options.logger ?? logger;
      const answer = await answerQuestion(
        question,
        { search: options.logger ? searchLogged(options.logger) : search, facts: lazyFacts, termShare: (term) => index.termShare(term), chat, logger: log, takeTurn },
        options,
      );
      options.logger?.debug({ kind: answer.kind, abstained: answer.abstained, citations: answer.citations.length, timings: answer.timings }, 'answer');
      return answer;
    },
    check: (statement, options = {}) => inTurn(async () => {
      const checked = await checkStatement(statement, { search: options.logger ? searchLogged(options.logger) : search, facts: lazyFacts, logger: options.logger ?? logger }, options);
      options.logger?.debug({ verdict: checked.verdict, citations: checked.citations.length, timings: checked.timings }, 'statement check');
      return checked;
    }),
    search: (query, k = 5, options = {}) => inTurn(async () => {
      const hits = await searchLogged(options.logger)(query, k, { excludePassageIds: options.excludePassageIds });
      const groups = stories();
      return hits.map((hit): FoundPassage => {
        const alsoIn = groups.foldedCount === 0 ? [] : groups.tellingsBesides(hit.article);
        return alsoIn.length > 0 ? { ...hit, alsoIn } : hit;
      });
    }),
    sources: () => {
      const groups = stories();
      return index
        .articles()
        .filter((article) => !groups.isFolded(article.id))
        .map((article): SourceSummary => {
          const { source, title, published, language, url } = article;
          const alsoReported = groups.alsoReported(article);
          return {
            source,
            title,
            published,
            language,
            url,
            passages: index.passagesOf(article.id).length,
            outlet: groups.outletOf(article),
            ...(alsoReported.length > 0 && { alsoReported }),
          };
        })
        .sort(byPublishedThenTitle);
    },
    timeline: (subject) => factBook().timeline(subject),
    partners: (company) => factBook().partners(company),
    subjects: () => factBook().subjects(),
    companies: () => factBook().companies(),
    articleCount: () => index.articleCount(),
    latest: ({ topic, limit = LATEST_SHOWN } = {}) => inTurn(async () => {
      if (topic === undefined || topic.trim() === '') return latestOf(index.articles(), limit);
      const hits = await search(topic, Math.max(20, limit * 4));
      const relevant = new Map<string, Article>();
      for (const hit of hits) relevant.set(hit.article.id, hit.article);
      return latestOf([...relevant.values()], limit);
    }),
    warmUp: () => {
      stories();
      factBook();
    },
    newestArticleDate: once(() => index.articles().reduce<string | null>((newest, article) => (article.published !== null && (newest === null || article.published > newest) ? article.published : newest), null)),
  };
}
