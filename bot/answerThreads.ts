import { ChannelType, type Message } from 'discord.js';
import type { Logger } from '../src/logger';
import { BoundedMap } from './boundedMap';
import { fitText } from './discordLimits';

/** Longest thread name Discord accepts. */
const THREAD_NAME_LIMIT = 100;

/**
 * The threads Scoop opened on its answers, each with the questions asked in
 * it (as Scoop read them), bounded: a follow-up in the thread is read
 * together with them. After a restart, or once forgotten, a thread is an
 * ordinary channel again.
 */
export class ThreadMemory {
  private readonly questions: BoundedMap<string, string[]>;

  constructor(capacity = 2000) {
    this.questions = new BoundedMap(capacity);
  }

  /** Records a thread opened on the answer to `question`. */
  opened(threadId: string, question: string): void {
    this.questions.set(threadId, [question]);
  }

  /** True when `channelId` is a thread Scoop opened and remembers. */
  isScoopThread(channelId: string): boolean {
    return this.questions.get(channelId) !== undefined;
  }

  /** The thread's questions so far, oldest first; empty for a channel that is not a Scoop thread. */
  questionsIn(threadId: string): readonly string[] {
    return this.questions.get(threadId) ?? [];
  }

  /** Adds a follow-up's question (as Scoop read it) to its thread. */
  asked(threadId: string, question: string): void {
    this.questions.get(threadId)?.push(question);
  }
}

/** True when a thread can be opened on `message`: a message in a server text or announcement channel Scoop has cached. */
export function canOpenThreadOn(message: Message): boolean {
  const type = message.channel?.type;
  return message.inGuild() && (type === ChannelType.GuildText || type === ChannelType.GuildAnnouncement) && !message.hasThread;
}

/**
 * Opens a thread on an answer message, named after the question, and
 * remembers it. A failure (missing permission, say) is logged and leaves the
 * answer as it is: returns null.
 */
export async function openAnswerThread(message: Message, question: string, threads: ThreadMemory, logger: Logger): Promise<string | null> {
  if (!canOpenThreadOn(message)) return null;
  try {
    const thread = await message.startThread({ name: fitText(question.replace(/\s+/gu, ' ').trim(), THREAD_NAME_LIMIT) || 'Scoop', autoArchiveDuration: 1440 });
    threads.opened(thread.id, question);
    return thread.id;
  } catch (error) {
    logger.warn({ err: error, channel: message.channelId, message: message.id }, 'could not open a thread on an answer');
    return null;
  }
}
