/** The time source of the politeness pauses; tests give one that records the pauses instead of waiting. */
export interface PauseClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The wall clock and real timers. */
export const SYSTEM_CLOCK: PauseClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The longest pause a site's robots.txt `Crawl-delay` can ask of Scoop between two requests. */
export const MAX_SITE_DELAY_MS = 30_000;
const MAX_HOSTS_WITH_DELAY = 1_000;

/**
 * Per-host politeness: requests to one host run one at a time, and each
 * starts at least the host's pause after the previous one to that host ended;
 * requests to different hosts run side by side. The pause is the larger of
 * Scoop's own (`delayMs`) and the one the site asked for
 * ({@link HostQueue.setSiteDelay}, from robots.txt), the latter capped at
 * {@link MAX_SITE_DELAY_MS}. No timer outlives the last request, so a command
 * exits as soon as its work is done.
 */
export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnded = new Map<string, number>();
  private readonly siteDelays = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly clock: PauseClock = SYSTEM_CLOCK,
  ) {}

  /** Runs `task` when the host's previous requests are done and the pause has passed. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(async () => {
      await this.pauseAfterLast(host);
      try {
        return await task();
      } finally {
        this.lastEnded.set(host, this.clock.now());
      }
    });
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(host, tail);
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return result;
  }

  /** Records the pause `host` asks for between requests (undefined: none); a longer one is cut to {@link MAX_SITE_DELAY_MS}. */
  setSiteDelay(host: string, ms: number | undefined): void {
    this.siteDelays.delete(host);
    if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return;
    if (this.siteDelays.size >= MAX_HOSTS_WITH_DELAY) this.siteDelays.delete(this.siteDelays.keys().next().value as string);
    this.siteDelays.set(host, Math.min(ms, MAX_SITE_DELAY_MS));
  }

  /** The pause kept between two requests to `host`. */
  delayFor(host: string): number {
    return Math.max(this.delayMs, this.siteDelays.get(host) ?? 0);
  }

  private async pauseAfterLast(host: string): Promise<void> {
    const ended = this.lastEnded.get(host);
    const delay = this.delayFor(host);
    if (ended === undefined || delay <= 0) return;
    const wait = ended + delay - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
  }
}
