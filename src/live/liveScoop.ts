import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import type { SkippedInput } from '../articles/article';
import { fusionFor, reportSkipped, scoopOverIndex, syncIndex } from '../app';
import { createChatAnswerer } from '../answers/chatAnswerer';
import type { Config } from '../config';
import { Newsroom, type FeedListing, type PolledArticle, type PollReport } from '../feeds/newsroom';
import { fetchPolicyOf, type SafeFetcherOptions } from '../feeds/safeFetch';
import type { PassageIndex, SyncReport } from '../index/passageIndex';
import type { Logger } from '../logger';
import type { ScoopParts } from '../createScoop';
import { forwardingScoop, type Scoop } from '../scoop';
import { CorpusWatcher } from './corpusWatcher';

/** What the admin commands (/feeds, /ingest) do, for the Discord layer. */
export interface NewsDesk {
  addFeed(url: string): Promise<FeedListing & { subscribed: boolean }>;
  removeFeed(url: string): Promise<boolean>;
  listFeeds(): Promise<FeedListing[]>;
  /** Fetches one page into the corpus and returns once it is answerable. */
  ingest(url: string): Promise<{ url: string; title: string | null; published: string | null; added: boolean; source: string }>;
}

/** How the live index is built. */
export interface LiveScoopOptions {
  logger: Logger;
  /** Test seams of the fetcher (a DNS lookup). */
  fetcher?: SafeFetcherOptions;
  /** The turn each question's CPU-bound part takes: the process's `AnsweringQueue`, shared with the bot. */
  takeTurn?: ScoopParts['takeTurn'];
}

/** How long a sync waits for another process's sync of the same index. */
const SYNC_LOCK_WAIT_MS = 10 * 60_000;

/**
 * The bot's live knowledge: an index kept up to date with the corpus folder
 * while questions are answered.
 *
 * Two index instances take turns. The served one answers every question and
 * is never modified; a sync opens a second instance from the last generation
 * on disk and brings it up to date (the stat-based check reads only changed
 * files), and once it has written the new generation that instance becomes
 * the served index in one assignment, so a question asked during a sync is
 * answered, at once, from the last good index, and never from a half-updated
 * one. A failed sync leaves the served index as it was. Syncs
 * run one at a time (requests made meanwhile are coalesced into one more),
 * and under the index's sync lock, so two processes never sync one index at
 * once.
 *
 * Changes come from the corpus watcher (new, changed and deleted files), the
 * feed poll every FEEDS_POLL_MINUTES, and the admin commands.
 */
export class LiveScoop {
  /** The Scoop the bot holds: every call goes to the index served at that moment. */
  readonly scoop: Scoop;
  /** The admin side: subscriptions and single pages. */
  readonly desk: NewsDesk;
  readonly newsroom: Newsroom;
  /** `synced` (SyncReport) after each sync that changed the served index; `polled` (PollReport) after each poll. */
  readonly events = new EventEmitter();

  private served: { index: PassageIndex; scoop: Scoop };
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private polling: Promise<PollReport | null> | null = null;
  private watcher: CorpusWatcher | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private skippedShown = new Set<string>();
  private readonly chat;
  private announce: ((articles: PolledArticle[]) => Promise<void> | void) | null = null;

  private constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    index: PassageIndex,
    newsroom: Newsroom,
    private readonly takeTurn: ScoopParts['takeTurn'],
  ) {
    this.newsroom = newsroom;
    this.chat = config.ANSWERER === 'extractive' ? undefined : createChatAnswerer(config);
    this.served = { index, scoop: this.scoopOver(index) };
    this.scoop = forwardingScoop(() => this.served.scoop);
    this.desk = {
      addFeed: async (url) => {
        const feed = await this.newsroom.addFeed(url);
        void this.pollNow();
        return feed;
      },
      removeFeed: (url) => this.newsroom.removeFeed(url),
      listFeeds: () => this.newsroom.listFeeds(),
      ingest: async (url) => {
        const { article, added } = await this.newsroom.fetchPage(url);
        if (added) await this.requestSync('ingest');
        return { url: article.url, title: article.title, published: article.published, added, source: article.source };
      },
    };
  }

  /**
   * Brings the index up to date with the corpus (under the sync lock; on a
   * full or read-only disk the last good index is served, marked stale), logs
   * what was skipped (later syncs log only what is newly skipped) and serves it.
   */
  static async open(config: Config, { logger, fetcher, takeTurn }: LiveScoopOptions): Promise<LiveScoop> {
    const newsroom = new Newsroom(config.CORPUS_DIR, fetchPolicyOf(config), fetcher);
    const { index, report, stale, skipped } = await syncIndex(config, { logger, serveStale: true });
    const live = new LiveScoop(config, logger, index, newsroom, takeTurn);
    live.reportNewSkips(skipped);
    live.scoop.warmUp();
    live.opened = { report, stale };
    return live;
  }

  /** What bringing the index up to date at start did, and why it is stale (null when it is not). */
  opened: { report: SyncReport; stale: string | null } = { report: { articles: 0, passages: 0, added: 0, updated: 0, removed: 0, skipped: 0, ms: 0 }, stale: null };

  /** Calls `announce` with the articles each poll stored from feeds fetched before (never a feed's first fetch), once they are answerable. */
  onNewArticles(announce: (articles: PolledArticle[]) => Promise<void> | void): void {
    this.announce = announce;
  }

  /** Starts the corpus watcher (CORPUS_WATCH_SECONDS) and the feed poll (FEEDS_POLL_MINUTES), as the config says. */
  async start(): Promise<void> {
    if (this.config.CORPUS_WATCH_SECONDS > 0) {
      this.watcher = new CorpusWatcher(this.config.CORPUS_DIR, {
        intervalMs: this.config.CORPUS_WATCH_SECONDS * 1000,
        exclude: [resolve(this.config.INDEX_DIR)],
        boundary: { allowLinksOutside: this.config.ALLOW_LINKS_OUTSIDE_CORPUS },
        onChange: () => void this.requestSync('corpus changed'),
      });
      await this.watcher.start();
    }
    if (this.config.FEEDS_POLL_MINUTES > 0) {
      this.pollTimer = setInterval(() => void this.pollNow(), this.config.FEEDS_POLL_MINUTES * 60_000);
      this.pollTimer.unref();
      void this.pollNow();
    }
  }

  /** Stops watching and polling, waits for the work in progress, and closes the fetcher. */
  async stop(): Promise<void> {
    this.watcher?.stop();
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.watcher = null;
    this.pollTimer = null;
    await Promise.allSettled([this.polling, this.queued, this.running]);
    await this.newsroom.close();
  }

  /** The served index (for the bench and tests). */
  get index(): PassageIndex {
    return this.served.index;
  }

  /**
   * Brings the index up to date with the corpus folder. Never rejects: a
   * failure is logged and the last good index stays served.
   */
  requestSync(reason: string): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) {
      this.running = this.syncOnce(reason).finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued = this.running.then(() => {
      this.queued = null;
      return this.requestSync(reason);
    });
    return this.queued;
  }

  /**
   * Polls every feed once and indexes what it stored; then announces the
   * articles of feeds fetched before. Polls do not overlap.
   */
  pollNow(): Promise<PollReport | null> {
    this.polling ??= (async () => {
      try {
        const report = await this.newsroom.poll();
        for (const failure of report.failures) this.logger.warn({ url: failure.url }, `poll: ${failure.url}: ${failure.reason}`);
        if (report.added > 0) await this.requestSync('feeds polled');
        this.logger.info({ ...report, failures: undefined, articles: undefined, backingOff: undefined }, `poll: ${report.added} added from ${report.feeds} feeds`);
        this.events.emit('polled', report);
        const news = report.articles.filter((article) => !article.firstFetch);
        if (news.length > 0 && this.announce) await Promise.resolve(this.announce(news)).catch((error: unknown) => this.logger.warn({ err: error }, 'announcing new articles failed'));
        return report;
      } catch (error) {
        this.logger.error({ err: error }, 'poll failed');
        return null;
      } finally {
        this.polling = null;
      }
    })();
    return this.polling;
  }

  private async syncOnce(reason: string): Promise<void> {
    try {
      const { index, report, skipped } = await syncIndex(this.config, { logger: this.logger, lockWaitMs: SYNC_LOCK_WAIT_MS });
      this.reportNewSkips(skipped);
      if (report.added + report.updated + report.removed === 0 && index.articleCount() === this.served.index.articleCount()) return;
      const scoop = this.scoopOver(index);
      scoop.warmUp();
      this.served = { index, scoop };
      this.logger.info(report, `live index: ${reason}: now ${report.articles} articles`);
      this.events.emit('synced', report satisfies SyncReport);
    } catch (error) {
      this.logger.error({ err: error }, `live index: sync (${reason}) failed; still answering from the last good index`);
    }
  }

  /** The core over one index, with the answerer and the fusion the config chose. */
  private scoopOver(index: PassageIndex): Scoop {
    return scoopOverIndex(index, { chat: this.chat, logger: this.logger, fusion: fusionFor(this.config), takeTurn: this.takeTurn });
  }

  private reportNewSkips(skipped: readonly SkippedInput[]): void {
    const key = (input: SkippedInput) => `${input.source}:${input.line ?? ''}:${input.reason}`;
    const fresh = skipped.filter((input) => !this.skippedShown.has(key(input)));
    this.skippedShown = new Set(skipped.map(key));
    reportSkipped(fresh, this.logger);
  }
}
