import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { SCOOP_FEEDS_FILE } from '../articles/corpusFiles';
import { UserFacingError } from '../errors';

/** The file of a corpus folder that holds its feed subscriptions; the loader knows it as Scoop's own. */
export const FEEDS_FILE = SCOOP_FEEDS_FILE;

/** How many item keys a feed remembers (its current items are always kept). */
const SEEN_KEPT = 2_000;

const subscriptionSchema = z.object({
  url: z.string(),
  title: z.string().nullable().default(null),
  added: z.string(),
  lastFetched: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
  /** Items taken in from the feed so far (stored, or recognised as already stored). */
  items: z.number().int().min(0).default(0),
  /** Failed polls in a row; each doubles the wait before the next attempt. */
  failures: z.number().int().min(0).default(0),
  /** No attempt before this instant while the feed is failing (ISO), or null. */
  nextAttempt: z.string().nullable().default(null),
  /** Successful fetches so far: 0 until the first poll took the feed's items. */
  fetches: z.number().int().min(0).default(0),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Keys of the items already handled. */
  seen: z.array(z.string()).default([]),
  /** Items whose page failed for a passing reason, with the attempts so far (retried on later polls). */
  retries: z.record(z.string(), z.number().int()).default({}),
});

/** One subscribed feed and what polling it has done. */
export type FeedSubscription = z.infer<typeof subscriptionSchema>;

const fileSchema = z.object({ feeds: z.array(subscriptionSchema) });

/** Base of the exponential backoff of a failing feed. */
export const BACKOFF_BASE_MS = 10 * 60_000;
/** Longest wait between two attempts at a failing feed. */
export const BACKOFF_MAX_MS = 24 * 60 * 60_000;

/** When a feed that has failed `failures` times in a row is tried again: 10 min, 20, 40... up to a day after `now`. */
export function nextAttemptAfter(failures: number, now: Date): string {
  const wait = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
  return new Date(now.getTime() + wait).toISOString();
}

/** The key a feed URL is known by: the URL as the WHATWG parser writes it, without fragment. */
export function feedKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Keeps the keys of `current` items and as many earlier ones as fit. */
export function rememberSeen(previous: string[], current: string[]): string[] {
  const kept = new Set(current);
  for (const key of previous) {
    if (kept.size >= SEEN_KEPT) break;
    kept.add(key);
  }
  return [...kept];
}

/**
 * The subscriptions of one corpus folder, in `DIR/feeds.json` (readable and
 * editable by hand). Every change re-reads the file and writes it whole
 * through a temporary file and a rename, so a crash never leaves it half
 * written, and changes made meanwhile by another process are kept.
 */
export class Subscriptions {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly corpusDir: string) {
    this.path = join(corpusDir, FEEDS_FILE);
  }

  /** Every subscription, in the order they were added. */
  async list(): Promise<FeedSubscription[]> {
    return this.read();
  }

  /** The subscription of `url`, if any. */
  async find(url: string): Promise<FeedSubscription | undefined> {
    const key = feedKey(url);
    return (await this.read()).find((feed) => feed.url === key);
  }

  /** Adds a subscription; false when `url` was already subscribed. */
  add(url: string, title: string | null, now = new Date()): Promise<boolean> {
    const key = feedKey(url);
    return this.change((feeds) => {
      if (feeds.some((feed) => feed.url === key)) return false;
      feeds.push(subscriptionSchema.parse({ url: key, title, added: now.toISOString() }));
      return true;
    });
  }

  /** Removes a subscription; false when there was none. */
  remove(url: string): Promise<boolean> {
    const key = feedKey(url);
    return this.change((feeds) => {
      const at = feeds.findIndex((feed) => feed.url === key);
      if (at < 0) return false;
      feeds.splice(at, 1);
      return true;
    });
  }

  /** Applies `update` to the subscription of `url` (nothing when it was removed meanwhile). */
  update(url: string, update: (feed: FeedSubscription) => void): Promise<void> {
    return this.change((feeds) => {
      const feed = feeds.find((entry) => entry.url === url);
      if (feed) update(feed);
    });
  }

  private change<T>(apply: (feeds: FeedSubscription[]) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const feeds = await this.read();
      const result = apply(feeds);
      await this.write(feeds);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<FeedSubscription[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new UserFacingError(`Cannot read ${this.path} (${(error as NodeJS.ErrnoException).code ?? error}).`, 'feeds_unreadable');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UserFacingError(`${this.path} is not valid JSON (${(error as Error).message}): fix it by hand or delete it to start over.`, 'feeds_unreadable');
    }
    const checked = fileSchema.safeParse(parsed);
    if (!checked.success) {
      const problem = checked.error.issues[0];
      throw new UserFacingError(`${this.path} is not a Scoop feeds file (${problem.path.join('.')}: ${problem.message}): fix it by hand or delete it.`, 'feeds_unreadable');
    }
    return checked.data.feeds;
  }

  private async write(feeds: FeedSubscription[]): Promise<void> {
    await mkdir(this.corpusDir, { recursive: true });
    const temp = join(this.corpusDir, `.${FEEDS_FILE}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, `${JSON.stringify({ feeds }, null, 2)}\n`, { flag: 'wx' });
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}
