import { MessageFlags, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { MESSAGES, type Messages } from '../bot/messages';
import { EMBED_COLORS } from '../bot/renderAnswer';
import type { Command } from '../bot/command';

const HELP = {
  en: {
    title: 'Scoop answers questions about the news, citing its sources',
    lines: [
      'Ask in French or English. Every answer quotes the articles it comes from, word for word, with numbered sources [1], [2]…',
      'When the articles do not say, Scoop says so instead of guessing.',
      '',
      '**/ask** `question` `thread`: a cited answer ("When is GPT-5 coming out?", "Qui héberge les modèles d\'OpenAI ?"); `thread:True` opens a thread for follow-ups',
      '**/search** `query`: the passages that best match your words',
      '**/timeline** `subject`: the dates the articles give for a subject, and how they moved',
      '**/partners** `company`: who a company works with, and on what',
      '**/sources**: the articles Scoop knows',
      '**Apps › Ask Scoop** on any message: a question is answered; a statement ("GPT-5 sort en mars") is checked against the articles.',
      '',
      'You can also mention me with a question, or send me a direct message. Reply to one of my answers to ask a follow-up ("and GPT-4.5?").',
    ],
    threadsRead: 'In a thread I opened, just write your follow-up: I read every message there.',
    threadsMention: 'In a thread I opened, mention me in your follow-up (@Scoop and GPT-4.5?): I only read messages that mention me.',
    buttons: 'Under each answer: **More sources** shows further passages, 👍 / 👎 tell us whether it helped.',
    footer: (n: number) => `${n} article${n === 1 ? '' : 's'} indexed`,
  },
  fr: {
    title: 'Scoop répond aux questions sur l’actualité, en citant ses sources',
    lines: [
      'Posez vos questions en français ou en anglais. Chaque réponse cite mot pour mot les articles dont elle vient, avec des sources numérotées [1], [2]…',
      'Quand les articles ne le disent pas, Scoop le dit au lieu de deviner.',
      '',
      '**/demander** `question` `fil` : une réponse sourcée (« Quand sort GPT-5 ? », « Who hosts OpenAI’s models? ») ; `fil:Vrai` ouvre un fil pour les questions suivantes',
      '**/chercher** `recherche` : les passages qui correspondent le mieux à vos mots',
      '**/chronologie** `sujet` : les dates que donnent les articles pour un sujet, et comment elles ont bougé',
      '**/partenaires** `entreprise` : avec qui une entreprise travaille, et sur quoi',
      '**/sources** : les articles que Scoop connaît',
      '**Applications › Demander à Scoop** sur n’importe quel message : une question reçoit une réponse ; une affirmation (« GPT-5 sort en mars ») est vérifiée dans les articles.',
      '',
      'Vous pouvez aussi me mentionner avec une question, ou m’écrire en message privé. Répondez à l’une de mes réponses pour poser une question de suite (« et GPT-4.5 ? »).',
    ],
    threadsRead: 'Dans un fil que j’ai ouvert, écrivez simplement votre question suivante : je lis tous les messages du fil.',
    threadsMention: 'Dans un fil que j’ai ouvert, mentionnez-moi dans votre question suivante (@Scoop et GPT-4.5 ?) : je ne lis que les messages qui me mentionnent.',
    buttons: 'Sous chaque réponse : **Autres sources** montre d’autres passages, 👍 / 👎 nous disent si elle vous a aidé.',
    footer: (n: number) => `${n} article${n === 1 ? '' : 's'} indexé${n === 1 ? '' : 's'}`,
  },
} as const;

/**
 * What `/help` shows, in the user's language: what Scoop does, how to use it,
 * and whether follow-ups in its threads must mention it (without the
 * MessageContent intent) or not.
 */
export function helpEmbed(articleCount: number, readsMessageContent: boolean, t: Messages = MESSAGES.en): APIEmbed {
  const help = HELP[t.locale];
  return {
    title: help.title,
    color: EMBED_COLORS.answered,
    description: [...help.lines, readsMessageContent ? help.threadsRead : help.threadsMention, help.buttons].join('\n'),
    footer: { text: help.footer(articleCount) },
  };
}

/** `/help`: what Scoop does, shown only to the one who asked. */
export const help = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('help')
      .setNameLocalization('fr', 'aide')
      .setDescription('What Scoop does and how to ask it')
      .setDescriptionLocalization('fr', 'Ce que fait Scoop et comment lui poser une question'),
  ),
  async execute(interaction, context) {
    await interaction.reply({
      embeds: [helpEmbed(context.scoop.articleCount(), context.config.MESSAGE_CONTENT_INTENT, context.t)],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
} satisfies Command;
