import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PauseClock } from '../../src/feeds/hostQueue';
import { Newsroom } from '../../src/feeds/newsroom';
import { LocalServer, serve } from './localServer';
import { AIRBUS, MISTRAL, SNCF, STELLANTIS, storyPage } from './newsSite';

const HTML = 'text/html; charset=utf-8';

/** A clock that never waits: each pause asked for is recorded and moves the clock on by as much. */
class RecordingClock implements PauseClock {
  readonly pauses: number[] = [];
  private time = 1_000_000;
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.pauses.push(ms);
    this.time += ms;
  }
}

describe('robots.txt Crawl-delay in the per-host pause', () => {
  let server: LocalServer;
  let corpus: string;
  let clock: RecordingClock;
  const newsrooms: Newsroom[] = [];

  function newsroom(hostDelayMs: number): Newsroom {
    const room = new Newsroom(corpus, { allowHosts: [server.host], maxBytes: 256 * 1024, timeoutMs: 2_000, hostDelayMs, userAgent: 'Scoop/test' }, { clock });
    newsrooms.push(room);
    return room;
  }

  async function fetchStories(room: Newsroom, stories = [AIRBUS, STELLANTIS, MISTRAL]): Promise<void> {
    for (const story of stories) expect((await room.fetchPage(server.url(`/${story.slug}`))).added).toBe(true);
  }

  beforeAll(async () => {
    server = await LocalServer.start();
    for (const story of [AIRBUS, STELLANTIS, MISTRAL, SNCF]) server.route(`/${story.slug}`, serve(HTML, storyPage(story)));
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'scoop-robots-'));
    clock = new RecordingClock();
  });
  afterEach(async () => {
    await Promise.all(newsrooms.splice(0).map((room) => room.close()));
    await rm(corpus, { recursive: true, force: true });
  });

  it('GIVEN a Crawl-delay for Scoop longer than our own pause THEN every page request after robots.txt waits the site’s delay', async () => {
    server.route('/robots.txt', serve('text/plain', 'User-agent: Googlebot\nCrawl-delay: 1\n\nUser-agent: Scoop\nCrawl-delay: 4\nAllow: /\n'));
    await fetchStories(newsroom(500));
    expect(clock.pauses).toEqual([4_000, 4_000, 4_000]);
    expect(server.requestsFor('/robots.txt')).toHaveLength(1);
  });

  it('GIVEN a Crawl-delay for * only THEN it applies to Scoop; GIVEN our own pause is longer THEN ours is kept', async () => {
    server.route('/robots.txt', serve('text/plain', 'User-agent: *\nCrawl-delay: 2.5\nDisallow: /private/\n'));
    await fetchStories(newsroom(0), [AIRBUS, STELLANTIS]);
    expect(clock.pauses).toEqual([2_500, 2_500]);

    clock.pauses.length = 0;
    await fetchStories(newsroom(6_000), [MISTRAL, SNCF]);
    expect(clock.pauses).toEqual([6_000, 6_000]);
  });

  it('GIVEN an absurd or unusable Crawl-delay THEN the pause is capped at 30 s, or stays our own', async () => {
    server.route('/robots.txt', serve('text/plain', 'User-agent: *\nCrawl-delay: 86400\n'));
    await fetchStories(newsroom(1_000), [AIRBUS, STELLANTIS]);
    expect(clock.pauses).toEqual([30_000, 30_000]);

    clock.pauses.length = 0;
    server.route('/robots.txt', serve('text/plain', 'User-agent: *\nCrawl-delay: soon\n\nUser-agent: Scoop\nCrawl-delay: -5\n'));
    await fetchStories(newsroom(1_000), [MISTRAL, SNCF]);
    expect(clock.pauses).toEqual([1_000, 1_000]);
  });
});
