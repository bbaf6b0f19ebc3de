import type { FeedListing, PollReport } from '../feeds/newsroom';
import type { Newsroom } from '../feeds/newsroom';
import { UserFacingError } from '../errors';
import type { CliIo } from './cliIo';

/** The commands that bring news in: `feeds add|list|remove`, `fetch`, `poll`. */
export const FEED_COMMANDS = new Set(['feeds', 'fetch', 'poll']);

/** What a feed command was asked, once the command line is parsed. */
export interface FeedCommandInput {
  command: string;
  /** The words after the command (`add URL`, `URL`). */
  words: string[];
  json: boolean;
}

/** What a feed command needs: the newsroom over the corpus folder, and a way to bring the index up to date. */
export interface FeedCommandDeps {
  newsroom: Newsroom;
  /** Syncs the index with the corpus (after articles were stored). */
  syncIndex: () => Promise<void>;
  io: CliIo;
}

function usage(message: string): UserFacingError {
  return new UserFacingError(`${message}\nRun "scoop --help" for usage.`, 'usage');
}

/** Checks the words of a feed command before anything runs; throws a usage error. */
export function checkFeedCommand({ command, words }: FeedCommandInput): void {
  if (command === 'feeds') {
    const [action, ...rest] = words;
    if (action === 'list') {
      if (rest.length > 0) throw usage('feeds list takes no URL.');
      return;
    }
    if (action !== 'add' && action !== 'remove') throw usage('feeds takes add URL, list or remove URL, e.g. scoop feeds add https://example.com/rss.xml');
    if (rest.length !== 1) throw usage(`feeds ${action} takes one URL, e.g. scoop feeds ${action} https://example.com/rss.xml`);
    return;
  }
  if (command === 'fetch' && words.length !== 1) throw usage('fetch takes one URL, e.g. scoop fetch https://example.com/news/article.html');
  if (command === 'poll' && words.length > 0) throw usage('poll takes no URL: it polls every subscribed feed (scoop feeds list).');
}

function listingJson(feed: FeedListing) {
  const { url, title, lastFetched, items, lastError, failures, nextAttempt } = feed;
  return { url, title, lastFetched, items, lastError, failures, nextAttempt };
}

function listingText(feed: FeedListing): string {
  const fetched = feed.lastFetched ? `last fetched ${feed.lastFetched}` : 'not polled yet';
  const failing = feed.lastError
    ? `\n    failing: ${feed.lastError} (${feed.failures} in a row${feed.nextAttempt ? `; next attempt after ${feed.nextAttempt}` : ''})`
    : '';
  return `- ${feed.title ?? '(untitled)'} <${feed.url}>: ${feed.items} item${feed.items === 1 ? '' : 's'}, ${fetched}${failing}`;
}

function pollText(report: PollReport, ms: number): string {
  return `Polled ${report.feeds} feed${report.feeds === 1 ? '' : 's'}: ${report.items} new item${report.items === 1 ? '' : 's'}, ${report.added} added, ${report.duplicates} duplicate${report.duplicates === 1 ? '' : 's'}, ${report.failed} failed, in ${ms} ms.\n`;
}

/**
 * Runs one feed command and writes its output (one JSON object a line with
 * `--json`). Failures during a poll go to stderr, one line each naming the
 * URL and the reason; a refused or failing URL for `feeds add` or `fetch`
 * throws the UserFacingError that says why (exit 2).
 */
export async function runFeedCommand(input: FeedCommandInput, { newsroom, syncIndex, io }: FeedCommandDeps): Promise<void> {
  const started = performance.now();
  const print = (value: unknown, text: string) => io.stdout.write(input.json ? `${JSON.stringify(value)}\n` : text);
  const [first, second] = input.words;
  switch (input.command) {
    case 'feeds':
      if (first === 'list') {
        const feeds = await newsroom.listFeeds();
        const text = feeds.length === 0 ? 'No feed is subscribed; add one with: scoop feeds add URL\n' : `${feeds.map(listingText).join('\n')}\n`;
        print({ feeds: feeds.map(listingJson) }, text);
      } else if (first === 'add') {
        const feed = await newsroom.addFeed(second);
        const text = feed.subscribed
          ? `Subscribed to ${feed.title ?? feed.url} <${feed.url}>: the next poll takes its current items.\n`
          : `Already subscribed to ${feed.title ?? feed.url} <${feed.url}>.\n`;
        print({ ...listingJson(feed), subscribed: feed.subscribed }, text);
      } else {
        if (!(await newsroom.removeFeed(second))) {
          throw new UserFacingError(`${second} is not subscribed (scoop feeds list shows the subscriptions).`, 'feed_not_subscribed');
        }
        print({ url: second, removed: true }, `Unsubscribed from ${second}; the articles already fetched stay in the corpus.\n`);
      }
      return;
    case 'fetch': {
      const { article, added } = await newsroom.fetchPage(first);
      if (added) await syncIndex();
      const what = `${article.title ?? article.url}${article.published ? ` (${article.published})` : ''}`;
      const fallback = article.content === 'feed' ? ' from the feed' : '';
      const text = added ? `Added ${what}${fallback} as ${article.source}.\n` : `Already in the corpus: ${what} (${article.source}).\n`;
      print({ url: article.url, title: article.title, published: article.published, added }, text);
      return;
    }
    case 'poll': {
      const report = await newsroom.poll();
      for (const failure of report.failures) io.stderr.write(`scoop: ${failure.url}: ${failure.reason}\n`);
      for (const feed of report.backingOff) io.stderr.write(`scoop: ${feed.url}: failing, left out until ${feed.nextAttempt}\n`);
      await syncIndex();
      const ms = Math.round(performance.now() - started);
      const { feeds, items, added, duplicates, failed } = report;
      print({ feeds, items, added, duplicates, failed, ms }, pollText(report, ms));
    }
  }
}
