/**
 * The Discord layer's latency: bursts of concurrent `/ask` against the fake
 * Discord of the tests (real discord.js client, real REST and gateway over
 * 127.0.0.1), timing from the dispatch of each interaction to its
 * acknowledgement (the deferral) and to its answer (the edit).
 *
 *   npx tsx bench/discordLatency.ts [--corpus DIR] [--concurrency 40] [--rounds 5] [--fake-core] [--answers-at-once N|all] [--json]
 *
 * Targets (issues 4 and 13): acknowledgement p99 under 500 ms, full answer
 * p99 under 1.5 s, with 40 concurrent questions, the offline answerer and the
 * metrics endpoint on (scraped during every burst; --no-metrics turns it off).
 * The server question rate is off here: one fake server asks 40 at once.
 * The core and the bot share one answering queue, as bot/start.ts wires them
 * (src/answeringQueue.ts: each question's draft, and each search, one turn at
 * a time); `--answers-at-once all` measures them without the queue.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BotMetrics } from '../bot/botMetrics';
import { createBot } from '../bot/createBot';
import { startMetricsServer } from '../bot/metricsServer';
import { SettingsStore } from '../bot/serverSettings';
import { commands } from '../commands';
import { AnsweringQueue, withoutTurns } from '../src/answeringQueue';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/logger';
import type { Scoop } from '../src/scoop';
import { FakeDiscord, fakeUser } from '../test/discord/fakeDiscord';
import { summariseLatency, type LatencySummary } from './latency';

/** The targets, in milliseconds. */
export const DISCORD_TARGETS = { acknowledgementP99Ms: 500, answerP99Ms: 1500 } as const;

/** What one run measured. */
export interface DiscordLatencyReport {
  concurrency: number;
  rounds: number;
  /** Dispatch of INTERACTION_CREATE → the deferral reaching Discord. */
  acknowledgement: LatencySummary;
  /** Dispatch of INTERACTION_CREATE → the answer's edit reaching Discord. */
  answer: LatencySummary;
  targets: typeof DISCORD_TARGETS;
  meetsTargets: boolean;
  /** The monitoring endpoint during the run: on (scraped during every burst) or off. */
  metrics: { on: boolean; scrapes: number; questionsCounted: number | null };
}

/**
 * Untimed bursts first, as a running bot is warm. Bursts are a little over a
 * second apart: @discordjs/rest counts interaction edits towards the 50
 * requests a second global limit (Discord does not), so back-to-back bursts
 * would measure discord.js's own throttle instead of a burst of questions.
 */
const WARMUP_BURSTS = 1;
const PAUSE_BETWEEN_BURSTS_MS = 1100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Questions of the kinds users ask, French and English, cycled through the bursts. */
const QUESTIONS = [
  'Quand sort GPT-5 ?',
  'When will GPT-4.5 be released?',
  'Quel est le nom de code de GPT-4.5 ?',
  'Who hosts OpenAI models?',
  'Microsoft héberge-t-il les modèles d’OpenAI ?',
  'When is GPT-6 coming out?',
  'Quand Microsoft termine-t-il le déploiement ?',
  'What did Sam Altman confirm about GPT-4.5?',
  'GPT-5 sera-t-il multimodal ?',
  'Which partner provides the servers for GPT-5?',
];

/**
 * Runs `rounds` bursts of `concurrency` simultaneous `/ask` (each from its own
 * user, so no cooldown applies) through a real client logged in to a fake
 * Discord, after an untimed warm-up burst, and summarises both latencies.
 */
export async function runDiscordLatencyBench({
  scoop,
  concurrency = 40,
  rounds = 5,
  metricsOn = true,
}: {
  /** The core, built with the process's answering turns (`scoopOverIndex(index, { takeTurn })`), as bot/start.ts builds it. */
  scoop: Scoop;
  concurrency?: number;
  rounds?: number;
  /** Serve /healthz and /metrics on loopback and scrape both during every burst (as a Prometheus would, only more often). */
  metricsOn?: boolean;
}): Promise<DiscordLatencyReport> {
  const fake = await FakeDiscord.start();
  const work = await mkdtemp(join(tmpdir(), 'scoop-discord-bench-'));
  const config = parseConfig({
    COOLDOWN_SECONDS: '0',
    SERVER_QUESTIONS_PER_MINUTE: '0',
    FEEDBACK_LOG: join(work, 'feedback.jsonl'),
    SETTINGS_FILE: join(work, 'settings.json'),
    DISCORD_API_URL: fake.apiUrl,
  });
  const settings = await SettingsStore.open(config.SETTINGS_FILE);
  const metrics = new BotMetrics();
  const bot = createBot({ scoop, logger: createLogger('silent'), config, settings, metrics, commands });
  metrics.watchIndex(() => ({ articles: scoop.articleCount(), passages: 0 }));
  const monitoring = metricsOn
    ? await startMetricsServer({ port: 0, host: '127.0.0.1', metrics, health: { indexLoaded: () => true, gatewayConnected: () => bot.client.isReady() } })
    : null;
  let scrapes = 0;
  const scrape = async () => {
    if (!monitoring) return;
    const responses = await Promise.all([fetch(`${monitoring.url}/metrics`), fetch(`${monitoring.url}/healthz`)]);
    await Promise.all(responses.map((response) => response.text()));
    scrapes += responses.length;
  };
  try {
    await bot.login('bench-token');
    const users = Array.from({ length: concurrency }, (_, i) => fakeUser(`reader${i}`));
    const burst = async (round: number) => {
      const sent = users.map((user, i) => fake.slashCommand('ask', { question: QUESTIONS[(round * concurrency + i) % QUESTIONS.length] }, user));
      const [callbacks, edits] = await Promise.all([
        Promise.all(sent.map((interaction) => fake.callbackOf(interaction, 30_000))),
        Promise.all(sent.map((interaction) => fake.editOf(interaction, 30_000))),
        scrape(),
      ]);
      return sent.map((interaction, i) => ({ ack: callbacks[i].at - interaction.sentAt, answer: edits[i].at - interaction.sentAt }));
    };
    for (let warmup = 0; warmup < WARMUP_BURSTS; warmup++) {
      await burst(rounds + warmup);
      await sleep(PAUSE_BETWEEN_BURSTS_MS);
    }
    const acknowledgements: number[] = [];
    const answers: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const timing of await burst(round)) {
        acknowledgements.push(timing.ack);
        answers.push(timing.answer);
      }
      await sleep(PAUSE_BETWEEN_BURSTS_MS);
    }
    const acknowledgement = summariseLatency(acknowledgements);
    const answer = summariseLatency(answers);
    const counted = monitoring ? await (await fetch(`${monitoring.url}/metrics`)).text() : null;
    const questionsCounted = counted === null ? null : [...counted.matchAll(/^scoop_questions_total\{[^}]*\} (\d+)$/gmu)].reduce((sum, m) => sum + Number(m[1]), 0);
    return {
      concurrency,
      rounds,
      acknowledgement,
      answer,
      targets: DISCORD_TARGETS,
      meetsTargets: acknowledgement.p99 < DISCORD_TARGETS.acknowledgementP99Ms && answer.p99 < DISCORD_TARGETS.answerP99Ms,
      metrics: { on: monitoring !== null, scrapes, questionsCounted },
    };
  } finally {
    await monitoring?.close();
    await bot.destroy();
    await fake.close();
    await rm(work, { recursive: true, force: true });
  }
}

function formatReport(report: DiscordLatencyReport): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const line = (name: string, s: LatencySummary, target: number) =>
    `${name.padEnd(16)} p50 ${ms(s.p50).padStart(9)}  p99 ${ms(s.p99).padStart(9)}  max ${ms(s.max).padStart(9)}  target p99 < ${target} ms ${s.p99 < target ? 'ok' : 'MISSED'}`;
  return [
    `Discord layer, ${report.rounds} bursts of ${report.concurrency} concurrent /ask (${report.acknowledgement.count} questions)`,
    line('acknowledgement', report.acknowledgement, report.targets.acknowledgementP99Ms),
    line('full answer', report.answer, report.targets.answerP99Ms),
    report.metrics.on
      ? `metrics endpoint on: ${report.metrics.scrapes} scrapes during the bursts, ${report.metrics.questionsCounted} questions counted`
      : 'metrics endpoint off',
  ].join('\n');
}

async function mainCli(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'seeds' },
      concurrency: { type: 'string', default: '40' },
      rounds: { type: 'string', default: '5' },
      'fake-core': { type: 'boolean', default: false },
      'no-metrics': { type: 'boolean', default: false },
      'answers-at-once': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const concurrency = Number(values.concurrency);
  const rounds = Number(values.rounds);
  const atOnce = values['answers-at-once'];
  const answersAtOnce = atOnce === undefined ? undefined : atOnce === 'all' ? Number.POSITIVE_INFINITY : Number(atOnce);
  if (answersAtOnce !== undefined && !(Number.isInteger(answersAtOnce) && answersAtOnce >= 1) && answersAtOnce !== Number.POSITIVE_INFINITY) {
    throw new Error(`--answers-at-once takes a whole number of at least 1, or all (got "${atOnce}")`);
  }
  const takeTurn = answersAtOnce === Number.POSITIVE_INFINITY ? withoutTurns : new AnsweringQueue(answersAtOnce).takeTurn;
  let scoop: Scoop;
  let cleanup = async () => {};
  if (values['fake-core']) {
    const { FakeScoop } = await import('../test/discord/fakeScoop');
    scoop = new FakeScoop();
  } else {
    const indexDir = await mkdtemp(join(tmpdir(), 'scoop-discord-bench-index-'));
    cleanup = () => rm(indexDir, { recursive: true, force: true });
    const { openScoop } = await import('../src/app');
    const config = parseConfig({ CORPUS_DIR: values.corpus, INDEX_DIR: indexDir, LOG_LEVEL: 'warn' });
    scoop = (await openScoop(config, { logger: createLogger('warn', 'plain'), takeTurn })).scoop;
  }
  try {
    const report = await runDiscordLatencyBench({ scoop, concurrency, rounds, metricsOn: !values['no-metrics'] });
    process.stdout.write(`${values.json ? JSON.stringify(report) : formatReport(report)}\n`);
    return report.meetsTargets ? 0 : 1;
  } finally {
    await cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await mainCli();
}
