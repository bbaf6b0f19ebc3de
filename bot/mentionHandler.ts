import type { Message } from 'discord.js';
import type { CommandContext } from './command';
import { NO_MENTIONS } from './allowedMentions';
import { answerMessage } from './answerMessage';
import { openAnswerThread } from './answerThreads';
import { DISCORD_LIMITS, fitText } from './discordLimits';
import { refusalMessage } from './interactionRouter';
import { localeOf, messagesFor } from './messages';
import { outcomeOf, outcomeOfFailure, type QuestionOutcome } from './botMetrics';
import { admitQuestion } from './questionGate';
import { scoopForQuestion } from './questionScope';
import { checkQuestion } from './questionInput';
import { errorText } from './replyWithError';

/** The question in a message: its text without the mentions of the bot. */
export function questionInMessage(content: string, botUserId: string): string {
  return content
    .replaceAll(`<@${botUserId}>`, ' ')
    .replaceAll(`<@!${botUserId}>`, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * True when a message is a question for Scoop: a direct message, a message
 * that mentions the bot itself (an @everyone or a role mention is not enough;
 * other bots and system messages are ignored), or, when Scoop reads message
 * content (MESSAGE_CONTENT_INTENT), any message in a thread it opened.
 */
export function isQuestionForBot(message: Message, botUserId: string, context: Pick<CommandContext, 'threads' | 'config'>): boolean {
  if (message.author.bot || message.system) return false;
  if (!message.inGuild() || message.mentions.users.has(botUserId)) return true;
  return context.config.MESSAGE_CONTENT_INTENT && context.threads.isScoopThread(message.channelId);
}

async function say(message: Message, content: string): Promise<void> {
  await message.reply({ content: fitText(content, DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS });
}

/**
 * Answers a message that mentions the bot, or a DM, by replying to it with the
 * answer embed. A reply to one of Scoop's answers is a follow-up: the earlier
 * question goes with it; so is a message in a thread Scoop opened, read with
 * the thread's latest question. Where the server's settings say so, the
 * answer opens a thread. Cooldown, blank and over-long questions are answered
 * in the channel; unexpected failures are logged and apologised for. Never throws.
 */
export async function handleMessage(message: Message, context: CommandContext, botUserId: string): Promise<void> {
  if (!isQuestionForBot(message, botUserId, context)) return;
  if (message.inGuild()) {
    const parentId = message.channel.isThread() ? message.channel.parentId : null;
    if (!context.settings.answersMentionsIn(message.guildId, message.channelId, parentId)) return;
  }
  const where = { user: message.author.id, guild: message.guildId, channel: message.channelId, message: message.id };
  const began = performance.now();
  const logger = context.logger.child({ question: message.id });
  const scoop = scoopForQuestion(context.scoop, logger);
  let outcome: QuestionOutcome = 'declined';
  const language = context.settings.answerLanguage(message.guildId);
  const t = messagesFor(language ?? localeOf(message.guild?.preferredLocale));
  try {
    const admission = admitQuestion(context, message.author.id, message.guildId);
    if (!admission.ok) {
      await say(message, refusalMessage(admission, t));
      return;
    }
    let question: string;
    try {
      question = checkQuestion(questionInMessage(message.content, botUserId), context.config.MAX_QUESTION_LENGTH, 'question', t);
    } catch (error) {
      admission.refund();
      throw error;
    }
    const repliedTo = message.reference?.messageId;
    const inThread = context.threads.isScoopThread(message.channelId);
    const previousQuestion = (repliedTo ? context.answers.questionOf(repliedTo) : undefined) ?? (inThread ? context.threads.questionsIn(message.channelId).at(-1) : undefined);
    if ('sendTyping' in message.channel) message.channel.sendTyping().catch(() => {});
    const options = { ...(previousQuestion !== undefined && { previousQuestion }), ...(language && { language }) };
    const answer = await scoop.ask(question, Object.keys(options).length > 0 ? options : undefined);
    const sent = await message.reply({ ...answerMessage(answer, { ...context, t: messagesFor(answer.language) }, previousQuestion), allowedMentions: NO_MENTIONS });
    context.answers.linkMessage(sent.id, answer.standaloneQuestion);
    outcome = outcomeOf(answer.abstained);
    if (inThread) context.threads.asked(message.channelId, answer.standaloneQuestion);
    else if (message.inGuild() && context.settings.get(message.guildId).threads) {
      await openAnswerThread(sent, answer.standaloneQuestion, context.threads, logger);
    }
  } catch (error) {
    outcome = outcomeOfFailure(error);
    if (outcome === 'error') logger.error({ err: error, ...where }, 'answering a message failed');
    await say(message, errorText(error, t)).catch((replyError) =>
      logger.warn({ err: replyError, ...where }, 'could not tell the user about a failure'),
    );
  } finally {
    const seconds = (performance.now() - began) / 1000;
    context.metrics.recordQuestion('mention', outcome, seconds);
    logger.info({ command: 'mention', outcome, ms: Math.round(seconds * 1000) }, 'question done');
  }
}
