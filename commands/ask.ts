import { SlashCommandBuilder } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { answerMessage } from '../bot/answerMessage';
import { checkQuestion } from '../bot/questionInput';
import type { Command } from './command';

/** `/ask question:<text>`: a cited answer from the indexed articles. */
export const ask = {
  data: everywhere(
    new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a question about the news articles; the answer cites its sources')
      .setDescriptionLocalization('fr', 'Posez une question sur les articles ; la réponse cite ses sources')
      .addStringOption((option) =>
        option
          .setName('question')
          .setDescription('Your question, in French or English, e.g. "When is GPT-5 coming out?"')
          .setDescriptionLocalization('fr', 'Votre question, en français ou en anglais')
          .setRequired(true)
          .setMaxLength(4000),
      ),
  ),
  cooldown: true,
  async execute(interaction, context) {
    const question = checkQuestion(interaction.options.getString('question'), context.config.MAX_QUESTION_LENGTH);
    await interaction.deferReply();
    const answer = await context.scoop.ask(question);
    const reply = await interaction.editReply({ ...answerMessage(answer, context), allowedMentions: NO_MENTIONS });
    context.answers.linkMessage(reply.id, answer.standaloneQuestion);
  },
} satisfies Command;
