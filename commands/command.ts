import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnswerMemory } from '../bot/answerMemory';
import type { Cooldowns } from '../bot/cooldowns';
import type { FeedbackLog } from '../bot/feedbackLog';
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { Scoop } from '../src/scoop';

/**
 * What every handler receives, passed in by the bot (no globals): the core,
 * the logger, the bot's short memory and the validated configuration.
 */
export interface CommandContext {
  scoop: Scoop;
  logger: Logger;
  config: Pick<Config, 'COOLDOWN_SECONDS' | 'MAX_QUESTION_LENGTH'>;
  cooldowns: Cooldowns;
  answers: AnswerMemory;
  feedback: FeedbackLog;
}

/**
 * One slash command: its definition (what `deploy-commands` registers) and its
 * handler, in one file under commands/.
 */
export interface Command {
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** True when each use starts the user's cooldown (commands that search the articles). */
  cooldown?: boolean;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}
