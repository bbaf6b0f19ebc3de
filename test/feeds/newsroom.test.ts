import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { FetchFailedError, FetchRefusedError } from '../../src/feeds/fetchErrors';
import { Newsroom } from '../../src/feeds/newsroom';
import type { FetchPolicy } from '../../src/feeds/safeFetch';
import { LocalServer, serve } from './localServer';
import { AIRBUS, atomFeed, jsonFeed, MISTRAL, rssFeed, SNCF, STELLANTIS, storyPage } from './newsSite';

const RSS = 'application/rss+xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

describe('Newsroom over a local news site', () => {
  let server: LocalServer;
  let corpus: string;
  let newsroom: Newsroom;
  const base = () => server.url('');

  function policy(extra: Partial<FetchPolicy> = {}): FetchPolicy {
    return { allowHosts: [server.host], maxBytes: 256 * 1024, timeoutMs: 2_000, hostDelayMs: 0, userAgent: 'Scoop/test', ...extra };
  }

  beforeAll(async () => {
    server = await LocalServer.start();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'scoop-newsroom-'));
    for (const story of [AIRBUS, STELLANTIS, MISTRAL, SNCF]) server.route(`/${story.slug}`, serve(HTML, storyPage(story)));
    server.route('/robots.txt', { status: 404 });
    newsroom = new Newsroom(corpus, policy());
  });
  afterEach(async () => {
    await newsroom.close();
    await rm(corpus, { recursive: true, force: true });
  });

  async function storedFiles(): Promise<string[]> {
    const files = await readdir(join(corpus, 'fetched'), { recursive: true }).catch(() => []);
    return files.filter((file) => String(file).endsWith('.md')).map(String).sort();
  }

  it('GIVEN an RSS feed THEN add subscribes without taking items, and the first poll stores every page with its metadata', async () => {
    server.route('/rss.xml', serve(RSS, rssFeed('Le Fil', base(), [{ story: AIRBUS }, { story: STELLANTIS }, { story: MISTRAL }])));
    const added = await newsroom.addFeed(server.url('/rss.xml'));
    expect(added).toMatchObject({ url: server.url('/rss.xml'), title: 'Le Fil', items: 0, lastFetched: null, lastError: null, subscribed: true });
    expect(await storedFiles()).toEqual([]);

    const report = await newsroom.poll();
    expect(report).toMatchObject({ feeds: 1, items: 3, added: 3, duplicates: 0, failed: 0 });
    expect(report.articles.every((article) => article.firstFetch)).toBe(true);

    const { articles, skipped } = await loadCorpus(corpus);
    expect(skipped).toEqual([]);
    const byTitle = new Map(articles.map((article) => [article.title, article]));
    expect(byTitle.get(AIRBUS.title)).toMatchObject({ published: '2025-03-04', url: server.url(`/${AIRBUS.slug}`), outlet: 'Le Quotidien', language: 'fr' });
    expect(byTitle.get(STELLANTIS.title)).toMatchObject({ published: '2025-02-10', outlet: 'Auto Actu' });
    expect(byTitle.get(MISTRAL.title)).toMatchObject({ published: '2025-02-03', outlet: 'Le Fil', language: 'en' });
    expect(byTitle.get(AIRBUS.title)?.text).toContain(AIRBUS.paragraphs[1]);
    expect(byTitle.get(AIRBUS.title)?.text).not.toContain('tous droits réservés');

    const [feed] = await newsroom.listFeeds();
    expect(feed).toMatchObject({ items: 3, lastError: null, failures: 0 });
    expect(feed.lastFetched).not.toBeNull();
  });

  it('GIVEN Atom and JSON feeds THEN their items are fetched the same way', async () => {
    server.route('/atom.xml', serve('application/atom+xml', atomFeed('Atom Wire', base(), [SNCF])));
    server.route('/feed.json', serve('application/feed+json', jsonFeed('JSON Wire', base(), [MISTRAL])));
    await newsroom.addFeed(server.url('/atom.xml'));
    await newsroom.addFeed(server.url('/feed.json'));
    const report = await newsroom.poll();
    expect(report).toMatchObject({ feeds: 2, added: 2, failed: 0 });
    const titles = (await loadCorpus(corpus)).articles.map((article) => [article.title, article.published]).sort();
    expect(titles).toEqual([
      [SNCF.title, '2025-02-20'],
      [MISTRAL.title, '2025-02-03'],
    ].sort());
  });

  it('GIVEN an HTML page, malformed XML or a refused address as a feed THEN add fails saying why and subscribes nothing', async () => {
    server.route('/broken.xml', serve(RSS, '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</item></channel>'));
    await expect(newsroom.addFeed(server.url(`/${AIRBUS.slug}`))).rejects.toThrow(/text\/html, not an RSS, Atom or JSON feed/);
    await expect(newsroom.addFeed(server.url('/broken.xml'))).rejects.toThrow(/malformed XML/);
    await expect(newsroom.addFeed('http://10.0.0.8/rss.xml')).rejects.toBeInstanceOf(FetchRefusedError);
    await expect(newsroom.addFeed('ftp://news.example/rss.xml')).rejects.toThrow(/only http and https|not an http/);
    expect(await newsroom.listFeeds()).toEqual([]);
  });

  it('GIVEN a feed item pointing to a refused address THEN that item fails, naming it, and the others are stored', async () => {
    server.route('/rss.xml', serve(RSS, rssFeed('Le Fil', base(), [{ story: AIRBUS }, { story: MISTRAL, link: 'http://169.254.169.254/latest/meta-data/' }])));
    await newsroom.addFeed(server.url('/rss.xml'));
    const report = await newsroom.poll();
    expect(report).toMatchObject({ items: 2, added: 1, failed: 1 });
    expect(report.failures).toEqual([{ url: 'http://169.254.169.254/latest/meta-data/', reason: expect.stringMatching(/link-local/) }]);
    expect((await newsroom.poll()).failed).toBe(0);
  });

  it('GIVEN the same story under a tracking URL, its AMP page and a print URL declaring it canonical THEN it is stored once, the others counted as duplicates', async () => {
    const page = server.url(`/${AIRBUS.slug}`);
    server.route(`/amp/${AIRBUS.slug}`, serve(HTML, storyPage(AIRBUS, { canonical: page })));
    server.route('/print/4217', serve(HTML, storyPage(AIRBUS, { canonical: page })));
    server.route('/rss.xml', serve(RSS, rssFeed('Le Fil', base(), [{ story: AIRBUS }])));
    server.route('/other.xml', serve(RSS, rssFeed('Autre Fil', base(), [{ story: AIRBUS, link: `${page}?utm_source=rss&utm_medium=feed` }, { story: { ...AIRBUS, slug: 'amp-copy' }, link: server.url(`/amp/${AIRBUS.slug}`) }, { story: { ...AIRBUS, slug: 'print-copy' }, link: server.url('/print/4217') }])));
    await newsroom.addFeed(server.url('/rss.xml'));
    await newsroom.addFeed(server.url('/other.xml'));
    const first = await newsroom.poll();
    expect(first.added).toBe(1);
    expect(first.duplicates).toBe(3);
    expect(await storedFiles()).toHaveLength(1);
    const again = await newsroom.fetchPage(`${page}?fbclid=abc`);
    expect(again.added).toBe(false);
    expect(await storedFiles()).toHaveLength(1);
  });

  it('GIVEN a feed that changes between two polls THEN the second takes only the new item, and an unchanged feed answers 304', async () => {
    let version = 1;
    server.route('/rss.xml', (request, response) => {
      const etag = `"v${version}"`;
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304).end();
      const items = version === 1 ? [{ story: AIRBUS }] : [{ story: STELLANTIS }, { story: AIRBUS }];
      response.writeHead(200, { 'content-type': RSS, etag }).end(rssFeed('Le Fil', base(), items));
    });
    await newsroom.addFeed(server.url('/rss.xml'));
    expect((await newsroom.poll()).added).toBe(1);
    const unchanged = await newsroom.poll();
    expect(unchanged).toMatchObject({ items: 0, added: 0 });
    expect(server.requestsFor('/rss.xml').at(-1)?.headers['if-none-match']).toBe('"v1"');
    version = 2;
    const changed = await newsroom.poll();
    expect(changed).toMatchObject({ items: 1, added: 1, duplicates: 0 });
    expect(changed.articles.map((article) => [article.title, article.firstFetch])).toEqual([[STELLANTIS.title, false]]);
    expect(await storedFiles()).toHaveLength(2);
  });

  it('GIVEN a feed that fails THEN feeds list shows the error and the backoff, and the next poll leaves it out', async () => {
    server.route('/down.xml', serve(RSS, rssFeed('Le Fil', base(), [{ story: AIRBUS }])));
    await newsroom.addFeed(server.url('/down.xml'));
    server.route('/down.xml', { status: 503, body: 'maintenance' });
    const report = await newsroom.poll();
    expect(report.failures).toEqual([{ url: server.url('/down.xml'), reason: 'HTTP 503' }]);
    const [feed] = await newsroom.listFeeds();
    expect(feed).toMatchObject({ lastError: 'HTTP 503', failures: 1 });
    expect(Date.parse(feed.nextAttempt as string)).toBeGreaterThan(Date.now());
    const next = await newsroom.poll();
    expect(next).toMatchObject({ feeds: 0, failed: 0 });
    expect(next.backingOff).toEqual([{ url: server.url('/down.xml'), nextAttempt: feed.nextAttempt }]);
  });

  it('GIVEN a page with no readable text, a failing page or robots.txt disallowing it THEN the feed copy is stored, marked as such', async () => {
    server.route('/stub', serve(HTML, '<html><body><p>Abonnez-vous pour lire la suite.</p></body></html>'));
    server.route('/error', { status: 500 });
    server.route('/private/sncf', serve(HTML, storyPage(SNCF)));
    server.route('/robots.txt', serve('text/plain', 'User-agent: *\nDisallow: /private/\n'));
    const content = (story: typeof AIRBUS) => story.paragraphs.map((p) => `<p>${p}</p>`).join('');
    server.route(
      '/rss.xml',
      serve(RSS, rssFeed('Le Fil', base(), [
        { story: AIRBUS, link: server.url('/stub'), content: content(AIRBUS) },
        { story: STELLANTIS, link: server.url('/error'), content: content(STELLANTIS) },
        { story: SNCF, link: server.url('/private/sncf'), content: content(SNCF) },
      ])),
    );
    await newsroom.addFeed(server.url('/rss.xml'));
    const report = await newsroom.poll();
    expect(report).toMatchObject({ added: 3, failed: 0 });
    expect(report.articles.map((article) => article.content)).toEqual(['feed', 'feed', 'feed']);
    expect(server.requestsFor('/private/sncf')).toHaveLength(0);
    const files = await storedFiles();
    const texts = await Promise.all(files.map((file) => readFile(join(corpus, 'fetched', file), 'utf8')));
    expect(texts.every((text) => /\ncontent: feed\n/.test(text) && /content_note: .*feed's own copy/.test(text))).toBe(true);
    const loaded = (await loadCorpus(corpus)).articles;
    expect(loaded.find((article) => article.title === SNCF.title)?.text).toContain(SNCF.paragraphs[2]);
  });

  it('GIVEN one page via fetchPage THEN it is stored with its canonical URL; a refused one throws and stores nothing', async () => {
    const outcome = await newsroom.fetchPage(server.url(`/${SNCF.slug}`));
    expect(outcome).toMatchObject({ added: true, article: { title: SNCF.title, published: '2025-02-20T18:30:00+01:00', content: 'page' } });
    expect(outcome.article.source).toMatch(/^fetched\/127\.0\.0\.1\/greve-sncf-trafic-[0-9a-f]{10}\.md$/);
    await expect(newsroom.fetchPage('http://192.168.1.1/router')).rejects.toBeInstanceOf(FetchRefusedError);
    await expect(newsroom.fetchPage(server.url('/nothing-here'))).rejects.toBeInstanceOf(FetchFailedError);
    expect(await storedFiles()).toHaveLength(1);
  });

  it('GIVEN a hand-edited feeds.json that is not JSON THEN the feeds commands say so and change nothing', async () => {
    await writeFile(join(corpus, 'feeds.json'), '{"feeds": [', 'utf8');
    await expect(newsroom.listFeeds()).rejects.toThrow(/feeds\.json is not valid JSON/);
    expect(await readFile(join(corpus, 'feeds.json'), 'utf8')).toBe('{"feeds": [');
  });
});
