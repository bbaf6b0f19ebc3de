import type { Config } from '../src/config';
import { forwardingScoop, type Scoop } from '../src/scoop';

/**
 * Questions the core answers at a time, one turn each, in arrival order. Each
 * turn starts from `setImmediate`, so between two answers the event loop reads
 * its sockets: gateway events and REST responses (the deferrals of questions
 * that arrived meanwhile) are never held behind more than one answer's CPU work.
 */
export class AnsweringQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** @param atOnce how many answers run together; `Infinity` for an answerer that waits on I/O (an LLM). */
  constructor(readonly atOnce: number) {
    if (!(atOnce >= 1)) throw new RangeError(`an answering queue runs at least one answer at a time, not ${atOnce}`);
  }

  /** Runs `task` in its turn; resolves or rejects as it does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.startNext();
    });
    return turn.then(task).finally(() => {
      this.running--;
      this.startNext();
    });
  }

  /** Answers started and not finished, and answers waiting for their turn. */
  get pending(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private startNext(): void {
    const next = this.running < this.atOnce ? this.waiting.shift() : undefined;
    if (!next) return;
    this.running++;
    setImmediate(next);
  }
}

/**
 * How many answers run at once for this configuration: the offline answerer is
 * CPU-bound on the one event loop, so one at a time (running two together only
 * delays both, and whatever the loop should read meanwhile); an LLM answerer
 * mostly waits on the network, so its answers are never queued.
 */
export function answersAtOnceFor(config: Pick<Config, 'ANSWERER'>): number {
  return config.ANSWERER === 'extractive' ? 1 : Number.POSITIVE_INFINITY;
}

/** The core with its searching calls (`ask`, `check`, `search`, `latest`) taken in `queue`'s turns. */
export function queuedScoop(scoop: Scoop, queue: AnsweringQueue): Scoop {
  return forwardingScoop(() => scoop, {
    ask: (question, options) => queue.run(() => scoop.ask(question, options)),
    check: (statement, options) => queue.run(() => scoop.check(statement, options)),
    search: (query, k, options) => queue.run(() => scoop.search(query, k, options)),
    latest: (options) => queue.run(() => scoop.latest(options)),
  });
}
