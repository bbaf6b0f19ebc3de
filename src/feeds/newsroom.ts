import { stat } from 'node:fs/promises';
import { UserFacingError } from '../errors';
import { canonicalUrl } from './canonicalUrl';
import { fetchArticle, type FetchedArticle } from './fetchArticle';
import { FetchFailedError, FetchRefusedError, fetchErrorReason } from './fetchErrors';
import { FetchedStore, type StoredArticle } from './fetchedStore';
import { FeedParseError, parseFeedDocument, type FeedItem, type ParsedFeed } from './parseFeed';
import { RobotsRules } from './robotsRules';
import { SafeFetcher, type FetchPolicy, type SafeFetcherOptions } from './safeFetch';
import { feedKey, nextAttemptAfter, rememberSeen, Subscriptions, type FeedSubscription } from './subscriptions';

/** A subscription as `feeds list` shows it. */
export interface FeedListing {
  url: string;
  title: string | null;
  lastFetched: string | null;
  /** Items taken in from the feed so far. */
  items: number;
  lastError: string | null;
  /** Failed polls in a row (0 when the last one worked). */
  failures: number;
  /** While failing: no attempt before this instant (exponential backoff). */
  nextAttempt: string | null;
}

/** One URL that failed during a poll, and why. */
export interface PollFailure {
  url: string;
  reason: string;
}

/** An article a poll stored. */
export interface PolledArticle extends StoredArticle {
  feed: string;
  feedTitle: string | null;
  /** True when it came with the feed's first fetch (not announced: no flood). */
  firstFetch: boolean;
}

/** What one poll of every feed did (the CLI prints the counts as one JSON line). */
export interface PollReport {
  feeds: number;
  /** New items found in the feeds. */
  items: number;
  added: number;
  duplicates: number;
  failed: number;
  ms: number;
  failures: PollFailure[];
  articles: PolledArticle[];
  /** Feeds left out because they are backing off, with the instant of their next attempt. */
  backingOff: { url: string; nextAttempt: string }[];
}

/** `scoop fetch URL`: the article stored, or the one already stored under the same URL. */
export interface FetchOutcome {
  article: StoredArticle;
  added: boolean;
}

/** How many item pages of one poll are fetched at once (each host still gets one request at a time). */
const ITEM_CONCURRENCY = 4;
/** Attempts at an item whose page failed for a passing reason before it is given up. */
const ITEM_ATTEMPTS = 3;

function listing(feed: FeedSubscription): FeedListing {
  const { url, title, lastFetched, items, lastError, failures, nextAttempt } = feed;
  return { url, title, lastFetched, items, lastError, failures, nextAttempt };
}

function passing(error: unknown): boolean {
  if (!(error instanceof FetchFailedError)) return false;
  return error.status === undefined || error.status >= 500 || error.status === 429;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await run(items[next++]);
  });
  await Promise.all(workers);
}

/**
 * Scoop's news desk over one corpus folder: the feed subscriptions in
 * `DIR/feeds.json`, the fetched articles under `DIR/fetched/`, and the safe
 * fetcher and robots.txt rules every request goes through. The CLI and the
 * bot both use it; indexing what it stores is the caller's next step.
 */
export class Newsroom {
  readonly subscriptions: Subscriptions;
  readonly store: FetchedStore;
  private readonly fetcher: SafeFetcher;
  private readonly robots: RobotsRules;

  constructor(
    readonly corpusDir: string,
    policy: FetchPolicy,
    options: SafeFetcherOptions & { now?: () => Date } = {},
  ) {
    this.subscriptions = new Subscriptions(corpusDir);
    this.store = new FetchedStore(corpusDir);
    this.fetcher = new SafeFetcher(policy, options);
    this.robots = new RobotsRules(this.fetcher);
    this.now = options.now ?? (() => new Date());
  }

  private readonly now: () => Date;

  /**
   * Fetches the feed once to check it is one, and subscribes to it (the first
   * poll takes its current items).
   * @throws UserFacingError for a refused or failing URL, or a body that is not a feed.
   */
  async addFeed(url: string): Promise<FeedListing & { subscribed: boolean }> {
    await this.ensureFolder();
    const key = this.checkedFeedUrl(url);
    const parsed = await this.fetchFeed(key);
    const subscribed = await this.subscriptions.add(key, parsed.feed.title);
    const feed = (await this.subscriptions.find(key)) as FeedSubscription;
    return { ...listing(feed), subscribed };
  }

  /** Unsubscribes; false when the feed was not subscribed. Articles already stored stay. */
  async removeFeed(url: string): Promise<boolean> {
    return this.subscriptions.remove(this.checkedFeedUrl(url));
  }

  async listFeeds(): Promise<FeedListing[]> {
    return (await this.subscriptions.list()).map(listing);
  }

  /**
   * Fetches one article page into the corpus (`scoop fetch`, `/ingest`).
   * A page already stored under its canonical URL is not stored twice.
   */
  async fetchPage(url: string): Promise<FetchOutcome> {
    await this.ensureFolder();
    const known = await this.store.knownUrls();
    const before = known.get(canonicalUrl(url));
    const article = await fetchArticle(url, { fetcher: this.fetcher, robots: this.robots });
    const already = before ?? known.get(article.url) ?? article.aliases.map((alias) => known.get(alias)).find(Boolean);
    if (already) return { article: { ...this.summary(article), source: already }, added: false };
    return { article: await this.store.save(article, { fetchedAt: this.now() }), added: true };
  }

  /**
   * Polls every subscribed feed once (conditional GET with the ETag and
   * Last-Modified it sent last time), fetches the pages of items not seen
   * before and stores them. A failing feed is retried after an exponential
   * backoff; one failing feed or page never stops the others.
   */
  async poll(): Promise<PollReport> {
    const started = performance.now();
    await this.ensureFolder();
    const report: PollReport = { feeds: 0, items: 0, added: 0, duplicates: 0, failed: 0, ms: 0, failures: [], articles: [], backingOff: [] };
    const feeds = await this.subscriptions.list();
    const now = this.now();
    const due = feeds.filter((feed) => {
      if (feed.nextAttempt !== null && Date.parse(feed.nextAttempt) > now.getTime()) {
        report.backingOff.push({ url: feed.url, nextAttempt: feed.nextAttempt });
        return false;
      }
      return true;
    });
    const known = new Map(await this.store.knownUrls());
    await Promise.all(due.map((feed) => this.pollOne(feed, known, report)));
    report.ms = Math.round(performance.now() - started);
    return report;
  }

  /** Closes the fetcher's connections. */
  close(): Promise<void> {
    return this.fetcher.close();
  }

  private async pollOne(feed: FeedSubscription, known: Map<string, string>, report: PollReport): Promise<void> {
    report.feeds += 1;
    let fetched: Awaited<ReturnType<Newsroom['fetchFeed']>>;
    try {
      fetched = await this.fetchFeed(feed.url, feed);
    } catch (error) {
      const reason = fetchErrorReason(error);
      report.failed += 1;
      report.failures.push({ url: feed.url, reason });
      const at = this.now();
      await this.subscriptions.update(feed.url, (entry) => {
        entry.failures += 1;
        entry.lastError = reason;
        entry.nextAttempt = nextAttemptAfter(entry.failures, at);
      });
      return;
    }
    const firstFetch = feed.fetches === 0;
    const seen = new Set(feed.seen);
    const fresh = fetched.notModified ? [] : fetched.feed.items.filter((item) => !seen.has(item.key));
    report.items += fresh.length;
    const handled: string[] = [];
    const retries: Record<string, number> = {};
    await inBatches(fresh, ITEM_CONCURRENCY, async (item) => {
      const outcome = await this.takeItem(item, fetched.feed, feed, known, firstFetch, report);
      if (outcome === 'retry') {
        const attempts = (feed.retries[item.key] ?? 0) + 1;
        if (attempts < ITEM_ATTEMPTS) retries[item.key] = attempts;
        else handled.push(item.key);
      } else handled.push(item.key);
    });
    const at = this.now().toISOString();
    await this.subscriptions.update(feed.url, (entry) => {
      entry.lastFetched = at;
      entry.lastError = null;
      entry.failures = 0;
      entry.nextAttempt = null;
      entry.fetches += 1;
      entry.items += handled.length;
      entry.retries = retries;
      if (!fetched.notModified) {
        if (fetched.feed.title) entry.title = fetched.feed.title;
        entry.etag = fetched.etag;
        entry.lastModified = fetched.lastModified;
        const current = fetched.feed.items.map((item) => item.key).filter((key) => !(key in retries));
        entry.seen = rememberSeen(entry.seen, current.filter((key) => seen.has(key) || handled.includes(key)));
      }
    });
  }

  /** Stores one new item; 'retry' when its page failed for a passing reason. */
  private async takeItem(
    item: FeedItem,
    parsed: ParsedFeed,
    feed: FeedSubscription,
    known: Map<string, string>,
    firstFetch: boolean,
    report: PollReport,
  ): Promise<'done' | 'retry'> {
    if (item.link === null) {
      report.failed += 1;
      report.failures.push({ url: feed.url, reason: `item "${item.title ?? item.key}" has no link` });
      return 'done';
    }
    if (known.has(canonicalUrl(item.link))) {
      report.duplicates += 1;
      return 'done';
    }
    let article: FetchedArticle;
    try {
      article = await fetchArticle(item.link, { fetcher: this.fetcher, robots: this.robots }, { item, title: parsed.title ?? feed.title });
    } catch (error) {
      report.failed += 1;
      report.failures.push({ url: item.link, reason: fetchErrorReason(error) });
      return error instanceof FetchRefusedError || !passing(error) ? 'done' : 'retry';
    }
    if ([article.url, ...article.aliases].some((url) => known.has(url))) {
      report.duplicates += 1;
      return 'done';
    }
    for (const url of [article.url, ...article.aliases, canonicalUrl(item.link)]) known.set(url, '');
    const stored = await this.store.save(article, { feed: feed.url, fetchedAt: this.now() });
    report.added += 1;
    report.articles.push({ ...stored, feed: feed.url, feedTitle: parsed.title ?? feed.title, firstFetch });
    return 'done';
  }

  private async fetchFeed(url: string, held?: FeedSubscription): Promise<{ feed: ParsedFeed; notModified: boolean; etag?: string; lastModified?: string }> {
    const fetched = await this.fetcher.fetch({
      url,
      kind: 'feed',
      ...(held?.fetches && { etag: held.etag, lastModified: held.lastModified }),
    });
    if (fetched.notModified) return { feed: { format: 'rss', title: held?.title ?? null, link: null, items: [] }, notModified: true, etag: held?.etag, lastModified: held?.lastModified };
    try {
      return { feed: parseFeedDocument(fetched.text, fetched.url), notModified: false, etag: fetched.etag, lastModified: fetched.lastModified };
    } catch (error) {
      if (error instanceof FeedParseError) throw new FetchFailedError(url, `${error.reason}`, fetched.status);
      throw error;
    }
  }

  private summary(article: FetchedArticle): StoredArticle {
    const { url, title, published, outlet, content } = article;
    return { source: '', url, title, published, outlet, content };
  }

  private checkedFeedUrl(url: string): string {
    try {
      const key = feedKey(url);
      if (!/^https?:/.test(key)) throw new Error('scheme');
      return key;
    } catch {
      throw new FetchRefusedError(url, 'not an http:// or https:// URL');
    }
  }

  private async ensureFolder(): Promise<void> {
    const found = await stat(this.corpusDir).catch(() => null);
    if (found && !found.isDirectory()) {
      throw new UserFacingError(
        `Feeds and fetched pages are stored in a corpus folder, and ${this.corpusDir} is a file: point --corpus (or CORPUS_DIR) at a folder.`,
        'corpus_not_folder',
      );
    }
  }
}
