/**
 * A per-server question rate: at most `perMinute` questions in any 60 seconds
 * from one server, all members together, besides each member's cooldown.
 * 0 means no limit. Memory is bounded by the servers active in the last minute.
 */
export class ServerRate {
  private readonly recent = new Map<string, number[]>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts a question from `guildId` and returns 0 when it may go ahead;
   * otherwise returns the whole seconds until the oldest question of the
   * window leaves it (at least 1) and counts nothing.
   */
  take(guildId: string): number {
    if (this.perMinute === 0) return 0;
    const now = this.now();
    const times = (this.recent.get(guildId) ?? []).filter((at) => at > now - 60_000);
    if (times.length >= this.perMinute) {
      this.recent.set(guildId, times);
      return Math.max(1, Math.ceil((times[0] + 60_000 - now) / 1000));
    }
    times.push(now);
    this.recent.set(guildId, times);
    if (this.recent.size > 10_000) this.sweep(now);
    return 0;
  }

  /** Gives one question back: for a question rejected before anything was done with it. */
  refund(guildId: string): void {
    this.recent.get(guildId)?.pop();
  }

  private sweep(now: number): void {
    for (const [guild, times] of this.recent) if (times.every((at) => at <= now - 60_000)) this.recent.delete(guild);
  }
}
