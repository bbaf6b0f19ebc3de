import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { everywhere } from '../bot/commandReach';
import { NO_MENTIONS } from '../bot/allowedMentions';
import { outcomeOf } from '../bot/botMetrics';
import { answerMessage } from '../bot/answerMessage';
import { checkQuestion } from '../bot/questionInput';
import { isQuestion } from '../src/answers/analyzeQuestion';
import { UserFacingError } from '../src/errors';
import type { MessageCommand } from '../bot/command';

/**
 * "Ask Scoop" on any message: a question is answered as `/ask` answers it; a
 * statement ("GPT-5 sort en mars") is checked against the indexed articles.
 * The message's text comes with the interaction (Discord resolves the target
 * message), so this needs no MessageContent intent.
 */
export const askScoop = {
  kind: 'message',
  data: everywhere(new ContextMenuCommandBuilder().setName('Ask Scoop').setNameLocalization('fr', 'Demander à Scoop').setType(ApplicationCommandType.Message)),
  cooldown: true,
  async execute(interaction, context) {
    const content = interaction.targetMessage.content;
    if (content.trim() === '') {
      throw new UserFacingError(context.t.noTextInMessage, 'no_text');
    }
    const text = checkQuestion(content, context.config.MAX_QUESTION_LENGTH, 'message', context.t);
    await interaction.deferReply();
    const language = context.settings.answerLanguage(interaction.guildId);
    const options = language && { language };
    const result = isQuestion(text) ? await context.scoop.ask(text, options) : await context.scoop.check(text, options);
    const reply = await interaction.editReply({ ...answerMessage(result, context), allowedMentions: NO_MENTIONS });
    context.answers.linkMessage(reply.id, result.standaloneQuestion);
    return outcomeOf(result.abstained);
  },
} satisfies MessageCommand;
