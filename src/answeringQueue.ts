import { AsyncLocalStorage } from 'node:async_hooks';

import type { TakeTurn } from './answers/answerQuestion';

export { withoutTurns, type TakeTurn } from './answers/answerQuestion';

/**
 * CPU-bound work of the core (a question's analysis, search, reading and
 * draft; a search; a statement check) taken one turn at a time, in arrival
 * order. Each turn starts from `setImmediate`, so between two turns the event
 * loop reads its sockets: gateway events and REST responses (the deferrals of
 * questions that arrived meanwhile) are never held behind more than one
 * turn's work. What waits on the network (a chat model's rewrite) stays out of
 * the turns, so LLM calls overlap freely.
 *
 * One queue per process, shared by the core and the bot. A turn asked for
 * inside a turn runs at once as part of it: nesting can never deadlock.
 */
export class AnsweringQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly inTurn = new AsyncLocalStorage<true>();

  /** @param atOnce how many turns run together (1, the default, for the one event loop). */
  constructor(readonly atOnce = 1) {
    if (!(atOnce >= 1)) throw new RangeError(`an answering queue runs at least one turn at a time, not ${atOnce}`);
  }

  /** Runs `work` in its turn; resolves or rejects as it does. Bound, to be passed around as a `TakeTurn`. */
  readonly takeTurn: TakeTurn = (work) => {
    if (this.inTurn.getStore()) return work();
    const turn = new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.startNext();
    });
    return turn.then(() => this.inTurn.run(true, work)).finally(() => {
      this.running--;
      this.startNext();
    });
  };

  /** Turns started and not finished, and turns waiting. */
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
