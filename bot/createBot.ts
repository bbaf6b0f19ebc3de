import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { AppCommand, CommandContext } from './command';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { NewsDesk } from '../src/live/liveScoop';
import type { Scoop } from '../src/scoop';
import { NO_MENTIONS } from './allowedMentions';
import { AnswerMemory } from './answerMemory';
import { BotMetrics } from './botMetrics';
import { ThreadMemory } from './answerThreads';
import { Cooldowns } from './cooldowns';
import { FeedbackLog } from './feedbackLog';
import { MESSAGES } from './messages';
import { ServerRate } from './serverRate';
import type { SettingsStore } from './serverSettings';
import { commandsByName, routeInteraction } from './interactionRouter';
import { handleMessage } from './mentionHandler';

/** What the bot is built from. */
export interface BotDeps {
  scoop: Scoop;
  logger: Logger;
  config: Pick<
    Config,
    'COOLDOWN_SECONDS' | 'MAX_QUESTION_LENGTH' | 'FEEDBACK_LOG' | 'DISCORD_API_URL' | 'SERVER_QUESTIONS_PER_MINUTE' | 'MESSAGE_CONTENT_INTENT'
  >;
  /** The servers' settings, opened from SETTINGS_FILE (`SettingsStore.open`). */
  settings: SettingsStore;
  /** Where questions, latencies and 429s are counted; a fresh set when absent. */
  metrics?: BotMetrics;
  /** The commands to route: the registry in commands/ (`commands`), as bot/start.ts passes it. */
  commands: readonly AppCommand[];
  /** Feeds and single pages for the admin commands; without it /feeds and /ingest say they are off. */
  newsDesk?: NewsDesk;
}

/** A Discord client wired to Scoop, not yet logged in. */
export interface Bot {
  client: Client;
  context: CommandContext;
  /** Logs in and resolves once the client is ready (guilds received). */
  login(token: string): Promise<void>;
  /** Disconnects from the gateway; safe to call twice. */
  destroy(): Promise<void>;
}

/**
 * The client options Scoop needs: the intents its features use and no more
 * (mentions and DMs carry their content; the privileged MessageContent only
 * with MESSAGE_CONTENT_INTENT=true, for follow-ups in threads without a mention), DM
 * channels as partials, the REST base from DISCORD_API_URL when set, and no
 * mention ever parsed in what it sends.
 */
export function clientOptions(config: Pick<Config, 'DISCORD_API_URL' | 'MESSAGE_CONTENT_INTENT'>): ClientOptions {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  return {
    intents: config.MESSAGE_CONTENT_INTENT ? [...intents, GatewayIntentBits.MessageContent] : intents,
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL !== undefined && { rest: { api: config.DISCORD_API_URL } }),
  };
}

/**
 * Builds the bot: a discord.js client whose interactions go through the
 * command router and whose mentions and DMs are answered, with the per-user
 * cooldowns, answer memory and feedback log every handler receives. Handlers
 * defer first; the core's CPU-bound work then takes its turns in the answering queue.
 */
export function createBot({ scoop, logger, config, settings, metrics = new BotMetrics(), commands, newsDesk }: BotDeps): Bot {
  const client = new Client(clientOptions(config));
  metrics.watchRest(client.rest);
  const context: CommandContext = {
    scoop,
    ...(newsDesk && { newsDesk }),
    logger,
    config,
    cooldowns: new Cooldowns(config.COOLDOWN_SECONDS),
    serverRate: new ServerRate(config.SERVER_QUESTIONS_PER_MINUTE),
    settings,
    answers: new AnswerMemory(),
    threads: new ThreadMemory(),
    feedback: new FeedbackLog(config.FEEDBACK_LOG),
    metrics,
    t: MESSAGES.en,
  };
  const routes = commandsByName(commands);

  client.on(Events.InteractionCreate, (interaction) => {
    void routeInteraction(interaction, routes, context);
  });
  client.on(Events.MessageCreate, (message) => {
    if (client.user) void handleMessage(message, context, client.user.id);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.once(Events.ClientReady, (ready) =>
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, `logged in as ${ready.user.tag}`),
  );

  let destroyed = false;
  return {
    client,
    context,
    async login(token) {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await client.destroy();
    },
  };
}
