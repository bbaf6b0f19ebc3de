import type { MessageMentionOptions } from 'discord.js';

/**
 * Set on every message Scoop sends: nothing is parsed as a ping, and replies do
 * not ping their author, so an "@everyone" in an article or a question is inert.
 */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };
