/**
 * Per-host politeness: requests to one host run one at a time, and each
 * starts at least `delayMs` after the previous one to that host ended;
 * requests to different hosts run side by side. No timer outlives the last
 * request, so a command exits as soon as its work is done.
 */
export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnded = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  /** Runs `task` when the host's previous requests are done and the pause has passed. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    const result = previous.then(async () => {
      await this.pauseAfterLast(host);
      try {
        return await task();
      } finally {
        this.lastEnded.set(host, Date.now());
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

  private async pauseAfterLast(host: string): Promise<void> {
    const ended = this.lastEnded.get(host);
    if (ended === undefined || this.delayMs <= 0) return;
    const wait = ended + this.delayMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
