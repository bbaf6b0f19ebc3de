import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { AppCommand, CommandContext } from './command';
import { NO_MENTIONS } from './allowedMentions';
import { handleAnswerButton } from './answerButtons';
import { outcomeOfFailure, type QuestionOutcome } from './botMetrics';
import { localeOf, messagesFor, type Messages } from './messages';
import { admitQuestion, type Admission } from './questionGate';
import { scoopForQuestion } from './questionScope';
import { replyWithError } from './replyWithError';

function where(interaction: Interaction, command?: string): Record<string, unknown> {
  return {
    ...(command !== undefined && { command }),
    user: interaction.user.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
    interaction: interaction.id,
  };
}

/** What a refused question is told: the member's cooldown, or the server's question rate. */
export function refusalMessage(refusal: Extract<Admission, { ok: false }>, t: Messages): string {
  return refusal.reason === 'cooldown' ? t.slowDown(refusal.secondsLeft) : t.serverBusy(refusal.secondsLeft);
}

async function runCommand(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  commands: ReadonlyMap<string, AppCommand>,
  context: CommandContext,
): Promise<QuestionOutcome | null> {
  const command = commands.get(interaction.commandName);
  const fits = command !== undefined && (command.kind === 'message') === interaction.isMessageContextMenuCommand();
  if (!command || !fits) {
    await interaction.reply({
      content: context.t.unknownCommand(interaction.commandName),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return null;
  }
  const admission = command.cooldown ? admitQuestion(context, interaction.user.id, interaction.guildId) : null;
  if (admission && !admission.ok) {
    await interaction.reply({ content: refusalMessage(admission, context.t), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return 'declined';
  }
  const logger = context.logger.child({ question: interaction.id });
  const scoped: CommandContext = { ...context, logger, scoop: scoopForQuestion(context.scoop, logger) };
  let outcome: QuestionOutcome = 'answered';
  try {
    const done =
      command.kind === 'message'
        ? await command.execute(interaction as MessageContextMenuCommandInteraction, scoped)
        : await command.execute(interaction as ChatInputCommandInteraction, scoped);
    if (done) outcome = done;
  } catch (error) {
    outcome = outcomeOfFailure(error);
    const rejectedInput = outcome === 'declined' && !interaction.deferred && !interaction.replied;
    if (admission?.ok && rejectedInput) admission.refund();
    await replyWithError(interaction, error, logger, where(interaction, interaction.commandName), context.t);
  }
  return outcome;
}

/** The commands by name, for routing interactions. */
export function commandsByName(commands: readonly AppCommand[]): ReadonlyMap<string, AppCommand> {
  return new Map(commands.map((command) => [command.data.name, command]));
}

/** The metrics label of a command: its name, "Ask Scoop" as ask_scoop. */
export function commandLabel(name: string): string {
  return name.toLowerCase().replace(/\s+/gu, '_');
}

async function runAutocomplete(interaction: AutocompleteInteraction, commands: ReadonlyMap<string, AppCommand>, context: CommandContext) {
  const command = commands.get(interaction.commandName);
  try {
    if (command?.kind !== 'message' && command?.autocomplete) await command.autocomplete(interaction, context);
    else await interaction.respond([]);
  } catch (error) {
    context.logger.warn({ err: error, ...where(interaction, interaction.commandName) }, 'autocomplete failed');
  }
}

/**
 * The one `interactionCreate` handler. A slash or message command pays its user's
 * cooldown (answered with an ephemeral "slow down"), then runs; any error
 * is shown (UserFacingError) or logged with context and apologised for.
 * Autocomplete and answer buttons are routed too. It never throws.
 */
export async function routeInteraction(
  interaction: Interaction,
  commands: ReadonlyMap<string, AppCommand>,
  context: CommandContext,
): Promise<void> {
  try {
    if (interaction.isRepliable()) context = { ...context, t: messagesFor(localeOf(interaction.locale)) };
    if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      const began = performance.now();
      const outcome = await runCommand(interaction, commands, context);
      if (outcome) {
        const seconds = (performance.now() - began) / 1000;
        context.metrics.recordQuestion(commandLabel(interaction.commandName), outcome, seconds);
        context.logger.info({ question: interaction.id, command: interaction.commandName, outcome, ms: Math.round(seconds * 1000) }, 'question done');
      }
    }
    else if (interaction.isAutocomplete()) await runAutocomplete(interaction, commands, context);
    else if (interaction.isButton()) {
      try {
        const handled = await handleAnswerButton(interaction, context);
        if (!handled) context.logger.debug(where(interaction), `ignored button ${interaction.customId}`);
      } catch (error) {
        await replyWithError(interaction, error, context.logger, { ...where(interaction), button: interaction.customId }, context.t);
      }
    }
  } catch (error) {
    context.logger.error({ err: error, ...where(interaction) }, 'interaction handling failed');
  }
}
