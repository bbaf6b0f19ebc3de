import { randomBytes } from 'node:crypto';
import type { Answer, NumberedCitation } from '../src/answers/answer';
import { BoundedMap } from './boundedMap';

/** What the buttons under an answer need to know about it. */
export interface RememberedAnswer {
  question: string;
  /** The earlier question when this one was a follow-up. */
  previousQuestion?: string;
  answer: string;
  citations: NumberedCitation[];
  /** Passages already shown (related reading and earlier "More sources"), not to show again. */
  shownPassageIds: string[];
}

/**
 * Scoop's short memory of recent answers, bounded: the answer behind each
 * button key, and the question behind each answer message (for follow-ups).
 * After a restart or once forgotten, buttons say the answer is too old.
 */
export class AnswerMemory {
  private readonly byKey: BoundedMap<string, RememberedAnswer>;
  private readonly questionByMessage: BoundedMap<string, string>;

  constructor(capacity = 2000) {
    this.byKey = new BoundedMap(capacity);
    this.questionByMessage = new BoundedMap(capacity);
  }

  /** Remembers an answer and returns the short key its buttons carry. */
  remember(answer: Answer, previousQuestion?: string): string {
    const key = randomBytes(6).toString('base64url');
    this.byKey.set(key, {
      question: answer.standaloneQuestion,
      ...(previousQuestion !== undefined && { previousQuestion }),
      answer: answer.answer,
      citations: answer.citations,
      shownPassageIds: answer.related.map((hit) => hit.passage.id),
    });
    return key;
  }

  recall(key: string): RememberedAnswer | undefined {
    return this.byKey.get(key);
  }

  /** Records passages shown by "More sources" so the next click shows others. */
  markShown(key: string, passageIds: string[]): void {
    const remembered = this.byKey.get(key);
    if (remembered) remembered.shownPassageIds.push(...passageIds);
  }

  /** Links the message that carries an answer to its question. */
  linkMessage(messageId: string, question: string): void {
    this.questionByMessage.set(messageId, question);
  }

  /** The question a Scoop answer message answered, if it is remembered. */
  questionOf(messageId: string): string | undefined {
    return this.questionByMessage.get(messageId);
  }
}
