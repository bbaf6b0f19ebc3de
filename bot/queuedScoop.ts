import type { TakeTurn } from '../src/answeringQueue';
import { forwardingScoop, type Scoop } from '../src/scoop';

/**
 * The core with its CPU-bound calls that take no turn of their own (`check`,
 * `search`, `latest`) run in `takeTurn`'s turns. `ask` is forwarded as it is:
 * the core takes its turn around the question's draft only, so the chat
 * rewrite that follows overlaps with the next question's draft.
 */
export function queuedScoop(scoop: Scoop, takeTurn: TakeTurn): Scoop {
  return forwardingScoop(() => scoop, {
    check: (statement, options) => takeTurn(() => scoop.check(statement, options)),
    search: (query, k, options) => takeTurn(() => scoop.search(query, k, options)),
    latest: (options) => takeTurn(() => scoop.latest(options)),
  });
}
