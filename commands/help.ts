import { MessageFlags, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { EMBED_COLORS } from '../bot/renderAnswer';
import type { Command } from './command';

/** What `/help` shows: what Scoop does and how to use it. */
export function helpEmbed(articleCount: number, readsMessageContent: boolean): APIEmbed {
  const threadFollowUps = readsMessageContent
    ? 'In a thread I opened, just write your follow-up: I read every message there.'
    : 'In a thread I opened, mention me in your follow-up (@Scoop and GPT-4.5?): I only read messages that mention me.';
  return {
    title: 'Scoop answers questions about the news, citing its sources',
    color: EMBED_COLORS.answered,
    description: [
      'Ask in French or English. Every answer quotes the articles it comes from, word for word, with numbered sources [1], [2]…',
      'When the articles do not say, Scoop says so instead of guessing.',
      '',
      '**/ask** `question` `thread`: a cited answer ("When is GPT-5 coming out?", "Qui héberge les modèles d\'OpenAI ?"); `thread:True` opens a thread for follow-ups',
      '**/search** `query`: the passages that best match your words',
      '**/timeline** `subject`: the dates the articles give for a subject, and how they moved',
      '**/partners** `company`: who a company works with, and on what',
      '**/sources**: the articles Scoop knows',
      '',
      '**Apps › Ask Scoop** on any message: a question is answered; a statement ("GPT-5 sort en mars") is checked against the articles.',
      '',
      'You can also mention me with a question, or send me a direct message. Reply to one of my answers to ask a follow-up ("and GPT-4.5?").',
      threadFollowUps,
      'Under each answer: **More sources** shows further passages, 👍 / 👎 tell us whether it helped.',
    ].join('\n'),
    footer: { text: `${articleCount} article${articleCount === 1 ? '' : 's'} indexed` },
  };
}

/** `/help`: what Scoop does, shown only to the one who asked. */
export const help = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('help')
      .setDescription('What Scoop does and how to ask it')
      .setDescriptionLocalization('fr', 'Ce que fait Scoop et comment lui poser une question'),
  ),
  async execute(interaction, context) {
    await interaction.reply({
      embeds: [helpEmbed(context.scoop.articleCount(), context.config.MESSAGE_CONTENT_INTENT)],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies Command;
