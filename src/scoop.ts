import type { Article } from './articles/article';
import type { Answer } from './answers/answer';
import type { StatementCheck, StatementOptions } from './answers/checkStatement';
import type { PartnerMap, Timeline } from './facts/factBook';
import type { Logger } from './logger';
import type { SearchHit } from './retrieval/searchHit';
import type { AlsoReported } from './storyGroups';

/** One indexed article as listed by `/sources`. */
export interface SourceSummary {
  source: string;
  title: string;
  published: string | null;
  language: Article['language'];
  url: string | null;
  passages: number;
  /** The outlet that published it (its own field, else its URL's host); null for a local file without one. */
  outlet?: string | null;
  /** Later tellings of the same story (near-duplicates in other outlets or files), folded into this one. */
  alsoReported?: AlsoReported[];
}

/** One of the newest articles, as `/latest` lists it. */
export interface LatestArticle {
  source: string;
  title: string;
  published: string | null;
  url: string | null;
  outlet: string | null;
  language: Article['language'];
}

/** Options for one question. */
export interface AskOptions {
  /** The earlier question when this one is a follow-up ("and GPT-4.5?"). */
  previousQuestion?: string;
  /** Passages to skip (for "more sources"). */
  excludePassageIds?: string[];
  /** Write the answer in this language instead of the question's (a server's /settings). */
  language?: 'fr' | 'en';
  /** Logs this question's search and answer (a child logger carrying the question's id). */
  logger?: Logger;
}

/** One `search` result: a passage with its article, and where else the same story ran. */
export interface FoundPassage extends SearchHit {
  /** The story's other tellings (the same agency story in other outlets), earliest first; absent when there are none. */
  alsoIn?: AlsoReported[];
}

/** Options for one search. */
export interface SearchOptions {
  /** Passages to skip (for "more sources"). */
  excludePassageIds?: string[];
  /** Logs this search (a child logger carrying the question's id). */
  logger?: Logger;
}

/**
 * The core, as the CLI and the Discord layer see it. It knows nothing of
 * Discord; every method works on the articles indexed at creation.
 */
export interface Scoop {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** What the articles say about a statement ("GPT-5 sort en mars"): supported, contradicted or not said, cited. */
  check(statement: string, options?: StatementOptions & { logger?: Logger }): Promise<StatementCheck>;
  /** The passages that best match `query`, one per story (its earliest telling, the others in `alsoIn`). */
  search(query: string, k?: number, options?: SearchOptions): Promise<FoundPassage[]>;
  sources(): SourceSummary[];
  timeline(subject?: string): Timeline;
  partners(company: string): PartnerMap;
  /** Known subjects and companies, for autocompletion. */
  subjects(): string[];
  companies(): string[];
  /** How many articles are indexed. */
  articleCount(): number;
  /** The newest articles (one per story), optionally about `topic`, newest first. */
  latest(options?: { topic?: string; limit?: number }): Promise<LatestArticle[]>;
  /** How fresh the knowledge is: the publication date of the newest indexed article, or null. */
  newestArticleDate(): string | null;
  /**
   * Computes now what the first question would otherwise wait for (the
   * near-duplicate story groups and the fact book, about a second at 10,000
   * articles): the bot calls it before serving an index.
   */
  warmUp(): void;
}

/**
 * A Scoop that forwards every call to the one `current()` returns at the time
 * of the call (the live bot swaps its index under it), with `overrides` in
 * place of the calls they name.
 */
export function forwardingScoop(current: () => Scoop, overrides: Partial<Scoop> = {}): Scoop {
  return {
    ask: (question, options) => current().ask(question, options),
    check: (statement, options) => current().check(statement, options),
    search: (query, k, options) => current().search(query, k, options),
    sources: () => current().sources(),
    timeline: (subject) => current().timeline(subject),
    partners: (company) => current().partners(company),
    subjects: () => current().subjects(),
    companies: () => current().companies(),
    articleCount: () => current().articleCount(),
    latest: (options) => current().latest(options),
    newestArticleDate: () => current().newestArticleDate(),
    warmUp: () => current().warmUp(),
    ...overrides,
  };
}
