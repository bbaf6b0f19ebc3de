import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnswerMemory } from './answerMemory';
import type { BotMetrics, QuestionOutcome } from './botMetrics';
import type { ThreadMemory } from './answerThreads';
import type { Cooldowns } from './cooldowns';
import type { FeedbackLog } from './feedbackLog';
import type { Messages } from './messages';
import type { ServerRate } from './serverRate';
import type { SettingsStore } from './serverSettings';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { NewsDesk } from '../src/live/liveScoop';
import type { Scoop } from '../src/scoop';

/**
 * What every handler receives, passed in by the bot (no globals): the core
 * and the logger (both scoped to the one question: its lines carry its id), the bot's short memory, the servers' settings and the validated configuration.
 */
export interface CommandContext {
  scoop: Scoop;
  /** Feeds and single pages (the live bot); absent where the bot serves a fixed corpus. */
  newsDesk?: NewsDesk;
  logger: Logger;
  config: Pick<Config, 'COOLDOWN_SECONDS' | 'MAX_QUESTION_LENGTH' | 'MESSAGE_CONTENT_INTENT'>;
  cooldowns: Cooldowns;
  /** Questions per minute per server, besides the cooldowns. */
  serverRate: ServerRate;
  /** Each server's /settings, read live. */
  settings: SettingsStore;
  answers: AnswerMemory;
  /** Threads opened on answers, with their questions. */
  threads: ThreadMemory;
  feedback: FeedbackLog;
  /** Prometheus metrics (served when METRICS_PORT is set). */
  metrics: BotMetrics;
  /** Scoop's words in the user's language (the interaction's locale). */
  t: Messages;
}

/**
 * One slash command: its definition (what `deploy-commands` registers) and its
 * handler, in one file under commands/.
 */
export interface Command {
  kind?: 'slash';
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** True when each use starts the user's cooldown (commands that search the articles). */
  cooldown?: boolean;
  /** Answers; resolves to `declined` when the articles had nothing to say (counted in the metrics). */
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<QuestionOutcome | void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

/** A message context-menu command ("Apps › Ask Scoop" on a message): definition and handler. */
export interface MessageCommand {
  kind: 'message';
  data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
  cooldown?: boolean;
  execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<QuestionOutcome | void>;
}

/** Any command Scoop registers: a slash command or a message command. */
export type AppCommand = Command | MessageCommand;
