import type { Article } from '../articles/article';
import type { ArticleFacts } from '../facts/fact';
import type { Passage } from '../passages/passage';
import { IndexUnreadableError, jsonArrayChunks, type GenerationFile, type LoadedGeneration } from './indexStore';

/** Extracts the facts of one article from its passages. */
export type ExtractFacts = (article: Article, passages: Passage[]) => ArticleFacts;

/**
 * Where an index's facts come from, named once: a function run on this
 * thread alone, or the URL of a module whose `extractFacts` export this
 * thread and the ingest worker threads both load, so that the two can never
 * run different extractors. `version` names the extractor (`FACTS_VERSION`
 * from src/facts): facts stored under another one are extracted again.
 */
export type FactsExtraction =
  | { extract: ExtractFacts; module?: never; version?: string }
  | { module: URL; extract?: never; version?: string };

/** What a {@link FactsStore} extracts facts with. */
export interface FactsStoreOptions {
  /** None stores no facts. */
  extraction?: FactsExtraction;
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
  /** The extractor run on this thread: the function given, or the module's once {@link load}ed. */
  private extractor: ExtractFacts | null;

  constructor(private readonly options: FactsStoreOptions = {}) {
    this.extractor = options.extraction?.extract ?? null;
    this.storedVersion = this.version;
  }

  /** The version facts are extracted with: null without an extractor, `unversioned` without a version. */
  get version(): string | null {
    const extraction = this.options.extraction;
    return extraction ? (extraction.version ?? 'unversioned') : null;
  }

  /** The module the ingest workers load the extractor from (none: facts are extracted on this thread only). */
  get module(): URL | undefined {
    return this.options.extraction?.module;
  }

  /**
   * Makes the extractor ready to run on this thread: imports the module's
   * `extractFacts` the first time (the start of a read-only index never
   * loads it).
   *
   * @throws Error when the module exports no `extractFacts` function.
   */
  async load(): Promise<void> {
    const module = this.module;
    if (this.extractor || !module) return;
    const loaded = (await import(module.href)) as { extractFacts?: unknown };
    if (typeof loaded.extractFacts !== 'function') {
      throw new Error(`The facts module ${module.href} exports no extractFacts function: it must export extractFacts(article, passages), which the index runs on this thread and its workers`);
    }
    this.extractor = loaded.extractFacts as ExtractFacts;
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
    if (this.version !== null) this.record(article, this.outcomeOf(article, passages));
  }

  /** The facts of `article` by the extractor, or the message it threw (see {@link record}); nothing is stored. */
  outcomeOf(article: Article, passages: Passage[]): ArticleFacts | { error: string } {
    try {
      return this.extractor ? this.extractor(article, passages) : { error: 'the fact extractor is not loaded' };
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
    if (this.version === null) return;
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
