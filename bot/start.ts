import type { EventEmitter } from 'node:events';
import { DiscordjsErrorCodes, REST, Status } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { commands } from '../commands';
import { AnsweringQueue } from '../src/answeringQueue';
import { parseConfig, type Config } from '../src/config';
import { UserFacingError } from '../src/errors';
import { createLogger, type Logger } from '../src/logger';
import { announcer } from './announceArticles';
import { BotMetrics } from './botMetrics';
import { createBot, type Bot } from './createBot';
import { startMetricsServer } from './metricsServer';
import { deployCommands } from './deployCommands';
import { SettingsStore } from './serverSettings';

const USAGE = `Usage: node bin/bot.js [start | deploy-commands]

  start             bring the index up to date, log in to Discord and answer (default)
  deploy-commands   register the slash commands (in DISCORD_GUILD_ID when set, else globally)

Configuration comes from the environment and .env (see .env.example).
`;

/** The process a bot run talks to; tests pass their own. */
export interface BotIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where SIGINT, SIGTERM and unhandled rejections are heard: the process. */
  events: Pick<EventEmitter, 'once' | 'on' | 'off'>;
}

function processIo(): BotIo {
  loadDotenv({ quiet: true });
  return { env: process.env, stdout: process.stdout, stderr: process.stderr, events: process };
}

function required(value: string | undefined, key: string, what: string): string {
  if (value === undefined) throw new UserFacingError(`${key} is missing: set it in .env or the environment (${what}).`, 'missing_config');
  return value;
}

/** How long DISCORD_API_URL has to answer at start; discord.js itself would retry for about a minute. */
const API_PROBE_MS = 5_000;

/** Fails at once, naming the setting, when DISCORD_API_URL is set and nothing answers there. */
async function checkApiReachable(url: string | undefined): Promise<void> {
  if (url === undefined) return;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(API_PROBE_MS) });
    await response.body?.cancel();
  } catch (error) {
    const failure = error as Error & { cause?: { code?: string } };
    const why = failure.name === 'TimeoutError' ? `no answer within ${API_PROBE_MS / 1000} s` : (failure.cause?.code ?? failure.message);
    throw new UserFacingError(
      `Cannot reach DISCORD_API_URL (${url}): ${why}. Check the address, or leave DISCORD_API_URL empty to use Discord's API.`,
      'discord_api_unreachable',
    );
  }
}

function explainLoginError(error: unknown, config: Pick<Config, 'MESSAGE_CONTENT_INTENT'>): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) {
    return new UserFacingError('Discord refused DISCORD_TOKEN: copy the bot token again from the developer portal.', 'invalid_token');
  }
  if (code === DiscordjsErrorCodes.DisallowedIntents) {
    const message = config.MESSAGE_CONTENT_INTENT
      ? 'Discord refused the intents Scoop asks for (Guilds, Guild Messages, Direct Messages, Message Content): enable Message Content in the developer portal, or set MESSAGE_CONTENT_INTENT=false.'
      : 'Discord refused the intents Scoop asks for (Guilds, Guild Messages, Direct Messages).';
    return new UserFacingError(message, 'disallowed_intents');
  }
  return error;
}

async function deploy(config: Config, io: BotIo): Promise<void> {
  const token = required(config.DISCORD_TOKEN, 'DISCORD_TOKEN', 'the bot token from the Discord developer portal');
  const applicationId = required(config.DISCORD_CLIENT_ID, 'DISCORD_CLIENT_ID', 'the application id from the Discord developer portal');
  await checkApiReachable(config.DISCORD_API_URL);
  const rest = new REST(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }).setToken(token);
  const { commands: registered, changed } = await deployCommands(rest, { applicationId, guildId: config.DISCORD_GUILD_ID }, commands);
  const names = registered.map((c) => (c.type === undefined || c.type === 1 ? `/${c.name}` : c.name)).join(', ');
  if (!changed) {
    io.stdout.write(`Commands already up to date ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally'}: ${names}\n`);
    return;
  }
  const where = config.DISCORD_GUILD_ID
    ? `in guild ${config.DISCORD_GUILD_ID} (for development: user installs, DMs and private channels need a global deploy)`
    : 'globally (may take up to an hour to show)';
  io.stdout.write(`Registered ${registered.length} commands ${where}: ${names}\n`);
}

function waitForStopSignal(events: BotIo['events']): { stopped: Promise<string>; dispose(): void } {
  let onSignal: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    onSignal = resolve;
  });
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  events.once('SIGINT', onInt);
  events.once('SIGTERM', onTerm);
  return {
    stopped,
    dispose() {
      events.off('SIGINT', onInt);
      events.off('SIGTERM', onTerm);
    },
  };
}

async function run(config: Config, io: BotIo, logger: Logger): Promise<void> {
  const token = required(config.DISCORD_TOKEN, 'DISCORD_TOKEN', 'the bot token from the Discord developer portal');
  await checkApiReachable(config.DISCORD_API_URL);
  const signal = waitForStopSignal(io.events);
  const onUnhandled = (reason: unknown) => logger.error({ err: reason }, 'unhandled rejection');
  io.events.on('unhandledRejection', onUnhandled);
  const metrics = new BotMetrics();
  let indexLoaded = false;
  let bot: Bot | undefined;
  const monitoring =
    config.METRICS_PORT === undefined
      ? null
      : await startMetricsServer({
          port: config.METRICS_PORT,
          host: config.METRICS_HOST,
          metrics,
          health: { indexLoaded: () => indexLoaded, gatewayConnected: () => bot?.client.ws.status === Status.Ready },
        });
  if (monitoring) logger.info(`monitoring on ${monitoring.url}/healthz and ${monitoring.url}/metrics`);
  try {
    const { LiveScoop } = await import('../src/live/liveScoop');
    const live = await LiveScoop.open(config, { logger, takeTurn: new AnsweringQueue().takeTurn });
    const { report, stale } = live.opened;
    metrics.recordSync(report.ms);
    live.events.on('synced', (synced: { ms: number }) => metrics.recordSync(synced.ms));
    live.events.on('polled', (polled: { failures: readonly { url: string }[] }) => metrics.recordPollFailures(polled.failures));
    metrics.watchIndex(() => ({ articles: live.index.articleCount(), passages: live.index.passageCount() }));
    indexLoaded = true;
    logger.info({ ...report, stale }, `index ready: ${live.scoop.articleCount()} articles${stale === null ? '' : ' (stale: the last good index)'}`);
    const settings = await SettingsStore.open(config.SETTINGS_FILE);
    const running = createBot({ scoop: live.scoop, newsDesk: live.desk, logger, config, settings, metrics, commands });
    bot = running;
    if (config.ANNOUNCE_CHANNEL_ID !== undefined) live.onNewArticles(announcer(running.client, config.ANNOUNCE_CHANNEL_ID, logger));
    await live.start();
    try {
      await Promise.race([running.login(token).catch((error) => Promise.reject(explainLoginError(error, config))), signal.stopped]);
      const how = await signal.stopped;
      logger.info(`${how}: shutting down`);
    } finally {
      await live.stop();
      await running.destroy();
    }
  } finally {
    signal.dispose();
    io.events.off('unhandledRejection', onUnhandled);
    await monitoring?.close();
  }
}

/**
 * The bot's entry point (the core is loaded only for `start`, so registering
 * commands needs no index): `start` (default) or `deploy-commands`. Loads .env
 * (for the real process), validates the configuration, then runs until SIGINT
 * or SIGTERM. Returns the exit code: 0 done, 2 with one clear line on stderr
 * for a missing or malformed setting, 1 for a failure.
 */
export async function main(argv: string[], io: BotIo = processIo()): Promise<number> {
  const [command = 'start', ...extra] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  let logger: Logger | undefined;
  try {
    if ((command !== 'start' && command !== 'deploy-commands') || extra.length > 0) {
      throw new UserFacingError(`Unknown command "${argv.join(' ')}". Use "start" or "deploy-commands".`, 'usage');
    }
    const config = parseConfig(io.env);
    if (command === 'deploy-commands') {
      await deploy(config, io);
      return 0;
    }
    logger = createLogger(config.LOG_LEVEL);
    await run(config, io, logger);
    return 0;
  } catch (error) {
    if (error instanceof UserFacingError) {
      io.stderr.write(`scoop-bot: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`scoop-bot: failed: ${(error as Error)?.message ?? error}\n`);
    logger?.debug({ err: error }, 'failure details');
    return 1;
  }
}
