import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A cited source as recorded with feedback. */
export interface FeedbackCitation {
  n: number;
  source: string;
  title: string;
  snippet: string;
  start: number;
  end: number;
}

/** One 👍 / 👎 on an answer: a line of the feedback log. */
export interface FeedbackEntry {
  /** ISO time of the vote. */
  time: string;
  user: string;
  /** Guild id; null in direct messages. */
  guild: string | null;
  question: string;
  answer: string;
  citations: FeedbackCitation[];
  vote: 'up' | 'down';
}

/**
 * The feedback log: one JSON object a line, appended in order (writes are
 * queued so lines never interleave), its folder created on first use.
 */
export class FeedbackLog {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  append(entry: FeedbackEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, line, 'utf8');
    });
    this.queue = write.catch(() => {});
    return write;
  }
}
