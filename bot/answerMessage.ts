import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import type { CommandContext } from './command';
import type { Answer } from '../src/answers/answer';
import { answerButtonRow } from './answerButtons';
import { renderAnswer } from './renderAnswer';

/** An answer ready to send: its embed and the button row under it. */
export interface AnswerMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

/**
 * Renders an answer for Discord and remembers it, so the buttons under it
 * ("More sources", 👍 / 👎) know what they refer to.
 */
export function answerMessage(answer: Answer, context: Pick<CommandContext, 'scoop' | 'answers' | 't'>, previousQuestion?: string): AnswerMessage {
  const key = context.answers.remember(answer, previousQuestion);
  return {
    embeds: [renderAnswer(answer, context.scoop.articleCount(), context.t, context.scoop.newestArticleDate())],
    components: [answerButtonRow(key, context.t)],
  };
}
