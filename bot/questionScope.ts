import type { Logger } from '../src/logger';
import { forwardingScoop, type Scoop } from '../src/scoop';

/**
 * The core as one question sees it: every search, answer and check it makes
 * logs through `logger` (a child carrying the question's id), so the lines
 * of one question can be followed from search to answer.
 */
export function scoopForQuestion(scoop: Scoop, logger: Logger): Scoop {
  return forwardingScoop(() => scoop, {
    ask: (question, options) => scoop.ask(question, { ...options, logger }),
    check: (statement, options) => scoop.check(statement, { ...options, logger }),
    search: (query, k, options) => scoop.search(query, k, { ...options, logger }),
  });
}
