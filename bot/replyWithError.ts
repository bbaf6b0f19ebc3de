import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { UserFacingError } from '../src/errors';
import type { Logger } from '../src/logger';
import { NO_MENTIONS } from './allowedMentions';
import { fitText, DISCORD_LIMITS } from './discordLimits';
import { MESSAGES, type Messages } from './messages';

/** What the user reads when something unexpected failed (in English; `Messages.apology` in each language). */
export const APOLOGY = MESSAGES.en.apology;

/** What a user reads for an error: a UserFacingError's message (the catalogue's when the core wrote it in English), else the apology. */
export function errorText(error: unknown, t: Messages): string {
  if (!(error instanceof UserFacingError)) return t.apology;
  const worded = t.coreErrors[error.code];
  if (worded === undefined) return error.message;
  return typeof worded === 'string' ? worded : worded(error);
}

/**
 * Tells the user what went wrong: a UserFacingError's own message, or (after
 * logging the error with `context`) a short apology. It replies, edits the
 * deferred reply or follows up depending on what was already sent, and never
 * throws: a failure to tell the user is only logged.
 */
export async function replyWithError(
  interaction: RepliableInteraction,
  error: unknown,
  logger: Logger,
  context: Record<string, unknown>,
  t: Messages = MESSAGES.en,
): Promise<void> {
  const userFacing = error instanceof UserFacingError;
  if (!userFacing) logger.error({ err: error, ...context }, 'interaction failed');
  else if (t.coreErrors[error.code] !== undefined) logger.warn({ code: error.code, reason: error.message, ...context }, 'refused, told the user in their words');
  const content = fitText(errorText(error, t), DISCORD_LIMITS.content);
  try {
    if (interaction.deferred && !interaction.replied) {
      await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS });
    } else if (interaction.replied) {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } else {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    }
  } catch (replyError) {
    logger.warn({ err: replyError, ...context }, 'could not tell the user about a failure');
  }
}
