import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { LocalServer, serve } from '../feeds/localServer';
import { AIRBUS, MISTRAL, rssFeed, SNCF, STELLANTIS, storyPage } from '../feeds/newsSite';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: () => any;
}

describe('scoop feeds, fetch and poll', () => {
  let server: LocalServer;
  let work: string;
  let corpus: string;
  let index: string;

  async function run(...argv: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, '--corpus', corpus, '--index', index], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      stdin: Readable.from(['']),
      env: { LOG_LEVEL: 'warn', FETCH_ALLOW_HOSTS: server.host, FETCH_HOST_DELAY_MS: '0', FETCH_TIMEOUT_MS: '2000' },
    });
    return { code, stdout, stderr, json: () => JSON.parse(stdout.trim().split('\n').at(-1) as string) };
  }

  beforeAll(async () => {
    server = await LocalServer.start({ '/robots.txt': { status: 404 } });
    for (const story of [AIRBUS, STELLANTIS, MISTRAL, SNCF]) server.route(`/${story.slug}`, serve('text/html', storyPage(story)));
    server.route('/rss.xml', serve('application/rss+xml', rssFeed('Le Fil', server.url(''), [{ story: AIRBUS }, { story: STELLANTIS }, { story: MISTRAL, link: 'http://10.20.30.40/mistral' }])));
    work = await mkdtemp(join(tmpdir(), 'scoop-cli-feeds-'));
    corpus = join(work, 'corpus');
    index = join(work, 'index');
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it('GIVEN feeds add, list and remove THEN feeds.json holds the subscription and the JSON has the documented shape', async () => {
    const added = await run('feeds', 'add', server.url('/rss.xml'), '--json');
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ url: server.url('/rss.xml'), title: 'Le Fil', items: 0, lastFetched: null, lastError: null, subscribed: true });
    const stored = JSON.parse(await readFile(join(corpus, 'feeds.json'), 'utf8'));
    expect(stored.feeds.map((feed: { url: string }) => feed.url)).toEqual([server.url('/rss.xml')]);

    const listed = await run('feeds', 'list', '--json');
    expect(listed.json()).toEqual({
      feeds: [{ url: server.url('/rss.xml'), title: 'Le Fil', lastFetched: null, items: 0, lastError: null, failures: 0, nextAttempt: null }],
    });

    await run('feeds', 'add', server.url(`/${SNCF.slug}.xml`));
    expect((await run('feeds', 'list', '--json')).json().feeds).toHaveLength(1);
  });

  it('GIVEN a URL that is not a feed, or a refused one THEN feeds add exits 2 naming the reason', async () => {
    const page = await run('feeds', 'add', server.url(`/${SNCF.slug}`));
    expect(page.code).toBe(2);
    expect(page.stderr).toMatch(/^scoop: could not fetch .*: the server sent text\/html, not an RSS, Atom or JSON feed\n$/);
    const refused = await run('feeds', 'add', 'http://127.0.0.1:1/rss.xml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refused http:\/\/127\.0\.0\.1:1\/rss\.xml: 127\.0\.0\.1 is a loopback address/);
    const usage = await run('feeds', 'subscribe', server.url('/rss.xml'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/feeds takes add URL, list or remove URL/);
  });

  it('GIVEN poll THEN one JSON line with the counts, each failure on stderr, and the new articles answerable with their url', async () => {
    const polled = await run('poll', '--json');
    expect(polled.code).toBe(0);
    const line = polled.json();
    expect(Object.keys(line).sort()).toEqual(['added', 'duplicates', 'failed', 'feeds', 'items', 'ms']);
    expect(line).toMatchObject({ feeds: 1, items: 3, added: 2, duplicates: 0, failed: 1 });
    expect(polled.stderr).toBe('scoop: http://10.20.30.40/mistral: 10.20.30.40 is a private address; only public addresses are fetched (FETCH_ALLOW_HOSTS lists exceptions)\n');

    const search = await run('search', 'usine de batteries Saragosse', '--json');
    const [first] = search.json().results;
    expect(first.title).toBe(STELLANTIS.title);
    expect(first.url).toBe(server.url(`/${STELLANTIS.slug}`));
    expect(first.source).toMatch(/^fetched\/127\.0\.0\.1\/stellantis-catl-batteries-espagne-[0-9a-f]{10}\.md$/);

    const ingest = await run('ingest', '--json');
    expect(ingest.json().skipped).toBe(0);
    const [feed] = (await run('feeds', 'list', '--json')).json().feeds;
    expect(feed.items).toBe(3);
    expect(feed.lastFetched).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('GIVEN fetch URL THEN the page is stored and indexed once, with its date; a refused URL exits 2 naming the reason', async () => {
    const fetched = await run('fetch', server.url(`/${SNCF.slug}`), '--json');
    expect(fetched.code).toBe(0);
    expect(fetched.json()).toEqual({ url: server.url(`/${SNCF.slug}`), title: SNCF.title, published: '2025-02-20T18:30:00+01:00', added: true });
    const again = await run('fetch', `${server.url(`/${SNCF.slug}`)}?utm_source=newsletter`, '--json');
    expect(again.json()).toMatchObject({ added: false });
    const answer = await run('ask', 'Quand le trafic SNCF reprendra-t-il ?', '--json');
    expect(answer.json().citations[0].source).toMatch(/greve-sncf-trafic/);
    expect(answer.json().citations[0].url).toBe(server.url(`/${SNCF.slug}`));

    const refused = await run('fetch', 'http://[::ffff:169.254.169.254]/latest/meta-data/');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/link-local/);
    const missing = await run('fetch', server.url('/no-such-page'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/HTTP 404/);
    const files = await readdir(join(corpus, 'fetched', '127.0.0.1'));
    expect(files.filter((file) => file.startsWith('greve-sncf'))).toHaveLength(1);
  });

  it('GIVEN feeds remove THEN the subscription goes and the articles stay; removing again exits 2', async () => {
    const removed = await run('feeds', 'remove', server.url('/rss.xml'), '--json');
    expect(removed.json()).toEqual({ url: server.url('/rss.xml'), removed: true });
    expect((await run('feeds', 'list', '--json')).json()).toEqual({ feeds: [] });
    expect((await run('feeds', 'remove', server.url('/rss.xml'))).code).toBe(2);
    expect((await run('search', 'Saragosse', '--json')).json().results.length).toBeGreaterThan(0);
  });

  it('GIVEN a corpus that is one file THEN the feed commands say they need a folder', async () => {
    const file = join(work, 'one.jsonl');
    await writeFile(file, '{"title":"x","text":"OpenAI prépare GPT-5."}\n');
    let stderr = '';
    const code = await main(['feeds', 'add', server.url('/rss.xml'), '--corpus', file, '--index', index], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      stdin: Readable.from(['']),
      env: { LOG_LEVEL: 'warn', FETCH_ALLOW_HOSTS: server.host },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a file: point --corpus/);
  });
});
