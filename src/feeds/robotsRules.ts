import robotsParser from 'robots-parser';
import { FetchFailedError, FetchRefusedError } from './fetchErrors';
import { SCOOP_AGENT_TOKEN, type SafeFetcher } from './safeFetch';

interface Rules {
  isAllowed(url: string, agent?: string): boolean | undefined;
  getCrawlDelay(agent?: string): number | undefined;
}

const ALLOW_ALL: Rules = { isAllowed: () => true, getCrawlDelay: () => undefined };
const DISALLOW_ALL: Rules = { isAllowed: () => false, getCrawlDelay: () => undefined };
const KEPT_MS = 60 * 60_000;
const UNREACHABLE_KEPT_MS = 5 * 60_000;
const MAX_ORIGINS = 1_000;

/**
 * robots.txt for article pages, read once an hour per origin through the
 * safe fetcher and matched for the `Scoop` token (robots-parser, which
 * follows RFC 9309 with wildcards). As RFC 9309 says: no robots.txt (a 4xx)
 * allows everything; one that cannot be read (5xx, timeout) disallows
 * everything, for five minutes. A robots.txt served as another content type
 * (a site's HTML catch-all page) counts as none. Its `Crawl-delay` for Scoop
 * (or for `*`), in seconds, becomes the host's pause in the fetcher's
 * politeness queue while the rules are kept.
 */
export class RobotsRules {
  private readonly cache = new Map<string, { rules: Rules; until: number }>();

  constructor(private readonly fetcher: SafeFetcher) {}

  /** @throws FetchRefusedError when the origin's robots.txt disallows `url` for Scoop. */
  async check(url: URL): Promise<void> {
    const rules = await this.rulesOf(url.origin);
    if (rules.isAllowed(url.href, SCOOP_AGENT_TOKEN) === false) {
      throw new FetchRefusedError(url.href, `the robots.txt of ${url.host} does not allow ${SCOOP_AGENT_TOKEN} to fetch it`);
    }
  }

  private async rulesOf(origin: string): Promise<Rules> {
    const cached = this.cache.get(origin);
    if (cached && cached.until > Date.now()) return cached.rules;
    const robotsUrl = `${origin}/robots.txt`;
    let rules: Rules;
    let keptMs = KEPT_MS;
    try {
      const fetched = await this.fetcher.fetch({ url: robotsUrl, kind: 'robots' });
      rules = robotsParser(robotsUrl, fetched.text) as Rules;
    } catch (error) {
      const status = error instanceof FetchFailedError ? error.status : undefined;
      if (status !== undefined && status < 500) rules = ALLOW_ALL;
      else if (error instanceof FetchRefusedError) throw error;
      else {
        rules = DISALLOW_ALL;
        keptMs = UNREACHABLE_KEPT_MS;
      }
    }
    this.fetcher.setSiteDelay(new URL(origin).host, crawlDelayMs(rules));
    if (this.cache.size >= MAX_ORIGINS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(origin, { rules, until: Date.now() + keptMs });
    return rules;
  }
}

function crawlDelayMs(rules: Rules): number | undefined {
  const seconds = rules.getCrawlDelay(SCOOP_AGENT_TOKEN);
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
