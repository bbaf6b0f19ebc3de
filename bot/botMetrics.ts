import type { REST } from 'discord.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { UserFacingError } from '../src/errors';

/** How a question ended: answered (cited), declined (the articles don't say, or refused), or an error. */
export type QuestionOutcome = 'answered' | 'declined' | 'error';

/** The outcome of a question Scoop replied to: declined when the articles had nothing to say, else answered. */
export function outcomeOf(nothingToSay: boolean): QuestionOutcome {
  return nothingToSay ? 'declined' : 'answered';
}

/** The outcome of a question that failed: declined when the user was told why (a UserFacingError), else an error. */
export function outcomeOfFailure(error: unknown): QuestionOutcome {
  return error instanceof UserFacingError ? 'declined' : 'error';
}

/** What the index holds, read when /metrics is scraped. */
export interface IndexCounts {
  articles: number;
  passages: number;
}

/**
 * Scoop's Prometheus metrics (prom-client, in a registry of its own): questions
 * by command and outcome, answer latency, index size, sync duration, feed
 * errors and Discord REST 429s, plus the process defaults. The bot records
 * questions; whoever syncs the index or polls feeds reports through
 * `recordSync` and `recordPollFailures`.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly questions: Counter<'command' | 'outcome'>;
  private readonly latency: Histogram<'command'>;
  private readonly syncSeconds: Gauge;
  private readonly lastSync: Gauge;
  private readonly feedErrors: Counter<'host'>;
  private readonly rateLimited: Counter<'route'>;
  private counts: () => IndexCounts | null = () => null;
  /** When the last sync finished and how long it took, for /healthz. */
  lastSyncReport: { at: string; ms: number } | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'scoop_' });
    const registers = [this.registry];
    this.questions = new Counter({
      name: 'scoop_questions_total',
      help: 'Questions by command (ask, search, ask_scoop, mention...) and outcome (answered, declined, error)',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'scoop_answer_seconds',
      help: 'From receiving a question to its answer reaching Discord, in seconds',
      labelNames: ['command'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5, 10],
      registers,
    });
    const counts = () => this.counts();
    const indexGauge = (name: string, help: string, count: keyof IndexCounts) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const known = counts();
          if (known) this.set(known[count]);
        },
      });
    indexGauge('scoop_index_articles', 'Articles in the index', 'articles');
    indexGauge('scoop_index_passages', 'Passages in the index', 'passages');
    this.syncSeconds = new Gauge({ name: 'scoop_sync_duration_seconds', help: 'How long the last index sync took, in seconds', registers });
    this.lastSync = new Gauge({ name: 'scoop_last_sync_timestamp_seconds', help: 'When the last index sync finished (Unix time)', registers });
    this.feedErrors = new Counter({ name: 'scoop_feed_errors_total', help: 'Feeds and article pages a poll failed to fetch or read, by host', labelNames: ['host'], registers });
    this.rateLimited = new Counter({
      name: 'scoop_discord_rest_429_total',
      help: 'Discord REST responses with status 429 (rate limited), by route',
      labelNames: ['route'],
      registers,
    });
  }

  /** Where the index counts come from (read at each scrape). */
  watchIndex(counts: () => IndexCounts): void {
    this.counts = counts;
  }

  /** Counts one question and how long it took. */
  recordQuestion(command: string, outcome: QuestionOutcome, seconds: number): void {
    this.questions.inc({ command, outcome });
    this.latency.observe({ command }, seconds);
  }

  /** Records an index sync that just finished. */
  recordSync(ms: number, at: Date = new Date()): void {
    this.syncSeconds.set(ms / 1000);
    this.lastSync.set(at.getTime() / 1000);
    this.lastSyncReport = { at: at.toISOString(), ms: Math.round(ms) };
  }

  /** Counts what one poll failed to fetch or read (feeds and article pages), by host, so the series stay few. */
  recordPollFailures(failures: readonly { url: string }[]): void {
    for (const { url } of failures) this.feedErrors.inc({ host: URL.canParse(url) ? new URL(url).host : 'unknown' });
  }

  /** Counts every 429 the Discord REST client receives. */
  watchRest(rest: Pick<REST, 'on'>): void {
    rest.on('response', (request, response) => {
      if (response.status === 429) this.rateLimited.inc({ route: request.route });
    });
  }
}
