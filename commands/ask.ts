import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { botIsPresent, everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { answerMessage } from '../bot/answerMessage';
import { outcomeOf } from '../bot/botMetrics';
import { openAnswerThread } from '../bot/answerThreads';
import { checkQuestion } from '../bot/questionInput';
import type { Command } from '../bot/command';

/**
 * `/ask question:<text> [thread:True]`: a cited answer from the indexed
 * articles; with `thread` (or the server's default) the answer opens a thread
 * whose follow-ups are read with its earlier questions. Asked inside such a
 * thread, the question is a follow-up.
 */
export const ask = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('ask')
      .setNameLocalization('fr', 'demander')
      .setDescription('Ask a question about the news articles; the answer cites its sources')
      .setDescriptionLocalization('fr', 'Posez une question sur les articles ; la réponse cite ses sources')
      .addStringOption((option) =>
        option
          .setName('question')
          .setNameLocalization('fr', 'question')
          .setDescription('Your question, in French or English, e.g. "When is GPT-5 coming out?"')
          .setDescriptionLocalization('fr', 'Votre question, en français ou en anglais')
          .setRequired(true)
          .setMaxLength(4000),
      )
      .addBooleanOption((option) =>
        option
          .setName('thread')
          .setNameLocalization('fr', 'fil')
          .setDescription('Open a thread on the answer for follow-up questions')
          .setDescriptionLocalization('fr', 'Ouvrir un fil sur la réponse pour les questions suivantes'),
      ),
  ),
  cooldown: true,
  async execute(interaction, context) {
    const question = checkQuestion(interaction.options.getString('question'), context.config.MAX_QUESTION_LENGTH, 'question', context.t);
    const askedForThread = interaction.options.getBoolean('thread');
    const inThread = context.threads.isScoopThread(interaction.channelId);
    const previousQuestion = inThread ? context.threads.questionsIn(interaction.channelId).at(-1) : undefined;
    await interaction.deferReply();
    const language = context.settings.answerLanguage(interaction.guildId);
    const options = { ...(previousQuestion !== undefined && { previousQuestion }), ...(language && { language }) };
    const answer = await context.scoop.ask(question, Object.keys(options).length > 0 ? options : undefined);
    const reply = await interaction.editReply({ ...answerMessage(answer, context, previousQuestion), allowedMentions: NO_MENTIONS });
    context.answers.linkMessage(reply.id, answer.standaloneQuestion);
    const outcome = outcomeOf(answer.abstained);
    if (inThread) {
      context.threads.asked(interaction.channelId, answer.standaloneQuestion);
      return outcome;
    }
    if (!(askedForThread ?? context.settings.get(interaction.guildId).threads)) return outcome;
    const opened = botIsPresent(interaction) ? await openAnswerThread(reply, answer.standaloneQuestion, context.threads, context.logger) : null;
    if (!opened && askedForThread) {
      await interaction.followUp({ content: context.t.noThreadHere, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    }
    return outcome;
  },
} satisfies Command;
