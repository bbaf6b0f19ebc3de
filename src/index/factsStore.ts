import type { Article } from '../articles/article';
import type { ArticleFacts } from '../facts/fact';
import type { Passage } from '../passages/passage';
import { IndexUnreadableError, jsonArrayChunks, type GenerationFile, type LoadedGeneration } from './indexStore';

/** What a {@link FactsStore} extracts facts with. */
export interface FactsStoreOptions {
  /** Run on each added or changed article; none stores no facts. */
  extractFacts?: (article: Article, passages: Passage[]) => ArticleFacts;
  /** Names the version of `extractFacts`; facts stored under another version are extracted again. */
  factsVersion?: string;
  warn?: (message: string) => void;
}

const FACTS_FILE = 'facts.json';

/**
 * The facts extracted from each indexed article at ingest (dates,
 * partnerships, aliases), by article id, persisted in an index generation
 * with the version of the extractor that made them.
 */
export class FactsStore {
  private byArticle = new Map<string, ArticleFacts>();
  private storedVersion: string | null;

  constructor(private readonly options: FactsStoreOptions = {}) {
    this.storedVersion = this.version;
  }

  /** The version facts are extracted with: null without an extractor, `unversioned` without a version. */
  get version(): string | null {
    if (!this.options.extractFacts) return null;
    return this.options.factsVersion ?? 'unversioned';
  }

  /** True when the stored facts come from another extractor version: every article's facts must be extracted again. */
  get stale(): boolean {
    return this.storedVersion !== this.version;
  }

  /** Number of articles with facts. */
  get size(): number {
    return this.byArticle.size;
  }

  /**
   * Extracts and stores the facts of `article`; an extractor that throws is
   * logged and leaves the article with no facts (the rest goes on).
   */
  extract(article: Article, passages: Passage[]): void {
    if (this.options.extractFacts) this.record(article, this.outcomeOf(article, passages));
  }

  /** The facts of `article` by the extractor, or the message it threw (see {@link record}); nothing is stored. */
  outcomeOf(article: Article, passages: Passage[]): ArticleFacts | { error: string } {
    try {
      return this.options.extractFacts?.(article, passages) ?? { error: 'no fact extractor' };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Stores the facts of `article` extracted elsewhere (on a worker thread,
   * with the same extractor), or, for an error, what {@link extract} stores
   * when the extractor throws.
   */
  record(article: Article, outcome: ArticleFacts | { error: string }): void {
    if (!this.options.extractFacts) return;
    if ('error' in outcome) {
      this.options.warn?.(`facts of ${article.source} not extracted: ${outcome.error}`);
      this.byArticle.set(article.id, { articleId: article.id, dates: [], partnerships: [], aliases: [] });
      return;
    }
    this.byArticle.set(article.id, outcome);
  }

  /** Drops the facts of every article but those in `articleIds`. */
  retain(articleIds: Set<string>): void {
    for (const id of [...this.byArticle.keys()]) if (!articleIds.has(id)) this.byArticle.delete(id);
  }

  /** Drops every stored fact and marks the store current (the caller extracts them all again). */
  clear(): void {
    this.byArticle = new Map();
    this.storedVersion = this.version;
  }

  /** The facts of the articles with these ids, in that order (articles without facts left out). */
  inOrder(articleIds: Iterable<string>): ArticleFacts[] {
    const list: ArticleFacts[] = [];
    for (const id of articleIds) {
      const facts = this.byArticle.get(id);
      if (facts) list.push(facts);
    }
    return list;
  }

  /** Restores the facts of a verified generation; throws {@link IndexUnreadableError} when they do not parse. */
  restore(generation: LoadedGeneration): void {
    const bytes = generation.files.get(FACTS_FILE);
    if (!bytes) throw new IndexUnreadableError(`${FACTS_FILE} is not in the manifest`);
    let facts: unknown;
    try {
      facts = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new IndexUnreadableError(`${FACTS_FILE} is not valid JSON`);
    }
    if (!Array.isArray(facts)) throw new IndexUnreadableError(`${FACTS_FILE} is not a list`);
    this.byArticle = new Map((facts as ArticleFacts[]).map((f) => [f.articleId, f]));
    this.storedVersion = generation.manifest.factsVersion;
  }

  /** The store's file for a new generation: the facts of `articleIds`, in that order. */
  files(articleIds: Iterable<string>): GenerationFile[] {
    return [{ name: FACTS_FILE, chunks: () => jsonArrayChunks(this.inOrder(articleIds)) }];
  }
}
