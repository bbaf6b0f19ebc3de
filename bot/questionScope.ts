import type { Logger } from '../src/logger';
import type { Scoop } from '../src/scoop';

/**
 * The core as one question sees it: every search, answer and check it makes
 * logs through `logger` (a child carrying the question's id), so the lines
 * of one question can be followed from search to answer.
 */
export function scoopForQuestion(scoop: Scoop, logger: Logger): Scoop {
  return {
    ask: (question, options) => scoop.ask(question, { ...options, logger }),
    check: (statement, options) => scoop.check(statement, { ...options, logger }),
    search: (query, k, options) => scoop.search(query, k, { ...options, logger }),
    sources: () => scoop.sources(),
    timeline: (subject) => scoop.timeline(subject),
    partners: (company) => scoop.partners(company),
    subjects: () => scoop.subjects(),
    companies: () => scoop.companies(),
    articleCount: () => scoop.articleCount(),
    latest: (options) => scoop.latest(options),
    newestArticleDate: () => scoop.newestArticleDate(),
    warmUp: () => scoop.warmUp(),
  };
}
