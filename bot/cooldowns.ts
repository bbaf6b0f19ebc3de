/**
 * Per-user cooldowns: after a question, a user waits `seconds` before the next
 * one. Expired entries are swept so the memory stays bounded by active users.
 */
export class Cooldowns {
  private readonly until = new Map<string, number>();
  private readonly durationMs: number;

  constructor(
    seconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.durationMs = Math.max(0, seconds) * 1000;
  }

  /**
   * Starts the user's cooldown and returns 0 when they may go ahead; otherwise
   * returns the whole seconds they still have to wait (at least 1) and changes nothing.
   * `seconds` overrides the default duration (a server's own cooldown).
   */
  take(userId: string, seconds?: number): number {
    const durationMs = seconds === undefined ? this.durationMs : Math.max(0, seconds) * 1000;
    if (durationMs === 0) return 0;
    const now = this.now();
    const until = this.until.get(userId) ?? 0;
    if (until > now) return Math.ceil((until - now) / 1000);
    if (this.until.size > 10_000) this.sweep(now);
    this.until.set(userId, now + durationMs);
    return 0;
  }

  /** Gives the cooldown back: for a question rejected before anything was done with it. */
  refund(userId: string): void {
    this.until.delete(userId);
  }

  private sweep(now: number): void {
    for (const [user, until] of this.until) if (until <= now) this.until.delete(user);
  }
}
