import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcer } from '../../bot/announceArticles';
import { withSyncLock } from '../../src/app';
import { parseConfig } from '../../src/config';
import { LiveScoop } from '../../src/live/liveScoop';
import { LocalServer, serve } from '../feeds/localServer';
import { AIRBUS, MISTRAL, rssFeed, SNCF, STELLANTIS, storyPage, type StoryFixture } from '../feeds/newsSite';
import { memoryLogger, startBot, type RunningBot } from './botHarness';

const MANAGE_SERVER = '32';
const EPHEMERAL = 64;

function markdown(story: StoryFixture, paragraphs = story.paragraphs): string {
  return `---\ntitle: "${story.title}"\npublished: "${story.published.slice(0, 10)}"\noutlet: "${story.outlet}"\n---\n\n${paragraphs.join('\n\n')}\n`;
}

function within<T>(promise: Promise<T>, what: string, ms = 90_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms).unref())]);
}

describe('the live bot on a fake Discord', { timeout: 120_000 }, () => {
  let server: LocalServer;
  let work: string;
  let corpus: string;
  let live: LiveScoop;
  let running: RunningBot;
  let feedVersion = 1;

  const synced = (what: string) => within(new Promise((resolve) => live.events.once('synced', resolve)), what);
  const polled = (what: string) => within(new Promise((resolve) => live.events.once('polled', resolve)), what);

  beforeAll(async () => {
    server = await LocalServer.start({ '/robots.txt': { status: 404 } });
    for (const story of [AIRBUS, STELLANTIS, MISTRAL, SNCF]) server.route(`/${story.slug}`, serve('text/html', storyPage(story)));
    server.route('/rss.xml', (_request, response) => {
      const items = feedVersion === 1 ? [{ story: MISTRAL }] : [{ story: STELLANTIS }, { story: MISTRAL }];
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Tech Wire', server.url(''), items));
    });
    work = await mkdtemp(join(tmpdir(), 'scoop-live-'));
    corpus = join(work, 'corpus');
    await mkdir(corpus);
    await copyFile('seeds/000_f20889ff108f9afa.txt', join(corpus, 'seed.txt'));
    const config = parseConfig({
      CORPUS_DIR: corpus,
      INDEX_DIR: join(work, 'index'),
      LOG_LEVEL: 'silent',
      FETCH_ALLOW_HOSTS: server.host,
      FETCH_HOST_DELAY_MS: '0',
      CORPUS_WATCH_SECONDS: '1',
      FEEDS_POLL_MINUTES: '0',
    });
    const { logger } = memoryLogger();
    live = await LiveScoop.open(config, { logger });
    await live.start();
    running = await startBot(live.scoop, { newsDesk: live.desk });
    live.onNewArticles(announcer(running.bot.client, running.fake.channelId, logger));
  });
  afterAll(async () => {
    await live?.stop();
    await running?.stop();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('GIVEN a new article file in the corpus THEN it is indexed without a restart and /ask cites it', async () => {
    const before = await live.scoop.ask('Quand le premier A350-1000 sera-t-il livré à Air France ?');
    expect(before.citations.some((citation) => citation.title === AIRBUS.title)).toBe(false);
    const picked = synced('the pick-up of airbus.md');
    await writeFile(join(corpus, 'airbus.md'), markdown(AIRBUS));
    await picked;
    const edit = await running.fake.editOf(running.fake.slashCommand('ask', { question: 'Quand le premier A350-1000 sera-t-il livré à Air France ?' }));
    const [embed] = edit.body.embeds;
    expect(embed.fields.some((field: { name: string }) => field.name.includes('Airbus livrera le premier A350-1000'))).toBe(true);
    expect(embed.footer.text).toMatch(/^Searched 2 articles · newest from 4 Mar 2025/);
  });

  it('GIVEN a deleted file THEN it leaves the index without a restart', async () => {
    await writeFile(join(corpus, 'sncf.md'), markdown(SNCF));
    await synced('the pick-up of sncf.md');
    expect(live.scoop.sources().some((source) => source.source === 'sncf.md')).toBe(true);
    const gone = synced('the removal of sncf.md');
    await rm(join(corpus, 'sncf.md'));
    await gone;
    expect(live.scoop.sources().some((source) => source.source === 'sncf.md')).toBe(false);
  });

  it('GIVEN a question while a sync is running THEN it is answered at once from the last good index', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      writeFile(join(corpus, `bulk-${i}.md`), markdown({ ...STELLANTIS, title: `Dépêche ${i}` }, [...STELLANTIS.paragraphs, `Mise à jour numéro ${i} de la dépêche.`])),
    );
    await Promise.all(many);
    let syncDone = false;
    const sync = live.requestSync('test').then(() => {
      syncDone = true;
    });
    const answer = await live.scoop.ask('Quand le premier A350-1000 sera-t-il livré à Air France ?');
    expect(syncDone).toBe(false);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((citation) => !citation.title.startsWith('Dépêche'))).toBe(true);
    await sync;
    expect(live.scoop.articleCount()).toBe(32);
    await Promise.all(Array.from({ length: 30 }, (_, i) => rm(join(corpus, `bulk-${i}.md`))));
    await live.requestSync('cleanup');
  });

  it('GIVEN /feeds add by a member without Manage Server THEN it is refused; by a manager THEN subscribed, fetched, and /latest lists it', async () => {
    const refused = running.fake.slashSubcommand('feeds', 'add', { url: server.url('/rss.xml') });
    const refusal = await running.fake.callbackOf(refused);
    expect(refusal.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refusal.body.data.content).toMatch(/Only members who can manage this server/);
    expect(await live.desk.listFeeds()).toEqual([]);

    const firstPoll = polled('the first poll of the new feed');
    const added = running.fake.slashSubcommand('feeds', 'add', { url: server.url('/rss.xml') }, undefined, { permissions: MANAGE_SERVER });
    expect((await running.fake.callbackOf(added)).body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect((await running.fake.editOf(added)).body.content).toMatch(/^Now following \*\*Tech Wire\*\*/);
    expect((await firstPoll as { added: number }).added).toBe(1);

    const listed = running.fake.slashSubcommand('feeds', 'list', {}, undefined, { permissions: MANAGE_SERVER });
    expect((await running.fake.editOf(listed)).body.content).toMatch(/1 feed:\n• \*\*Tech Wire\*\* .* · 1 item · last fetched/);

    const latest = await running.fake.editOf(running.fake.slashCommand('latest', { topic: 'Nvidia data centre' }));
    expect(latest.body.embeds[0].description).toContain(MISTRAL.title);
    const messages = running.fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${running.fake.channelId}/messages`);
    expect(messages).toEqual([]);
  });

  it('GIVEN a feed that changes THEN the next poll announces the new article silently, pinging no one', async () => {
    feedVersion = 2;
    const report = await live.pollNow();
    expect(report?.added).toBe(1);
    const announced = await running.fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${running.fake.channelId}/messages`);
    expect(announced.body.content).toContain(STELLANTIS.title);
    expect(announced.body.content).not.toContain(MISTRAL.title);
    expect(announced.body.allowed_mentions).toEqual({ parse: [] });
    expect(announced.body.flags & (1 << 12)).toBe(1 << 12);
    const answer = await live.scoop.ask('Où Stellantis et CATL construiront-ils leur usine de batteries ?');
    expect(answer.citations.some((citation) => citation.title === STELLANTIS.title)).toBe(true);
  });

  it('GIVEN /ingest url: from a manager THEN the page is answerable when the reply comes; a refused URL is explained', async () => {
    const ingest = running.fake.slashCommand('ingest', { url: server.url(`/${SNCF.slug}`) }, undefined, { permissions: MANAGE_SERVER });
    expect((await running.fake.editOf(ingest)).body.content).toMatch(/^Added \*\*Grève à la SNCF .*\(2025-02-20\): you can ask about it now\.$/);
    const answer = await live.scoop.ask('Quand le trafic SNCF reprendra-t-il ?');
    expect(answer.citations.some((citation) => citation.title === SNCF.title)).toBe(true);

    const refused = running.fake.slashCommand('ingest', { url: 'http://169.254.169.254/latest/meta-data/' }, undefined, { permissions: MANAGE_SERVER });
    expect((await running.fake.editOf(refused)).body.content).toMatch(/refused .*link-local/);
    const refusedInFrench = running.fake.slashCommand('ingest', { url: 'http://169.254.169.254/latest/meta-data/' }, undefined, { permissions: MANAGE_SERVER, locale: 'fr' });
    expect((await running.fake.editOf(refusedInFrench)).body.content).toMatch(/^Adresse refusée : http:\/\/169\.254\.169\.254\/latest\/meta-data\/ \(.*link-local.*\)\.$/);
  });
});

describe('withSyncLock', () => {
  it('GIVEN two syncs of one index at once THEN the second starts only when the first is done', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scoop-sync-lock-'));
    const order: string[] = [];
    const sync = (name: string) =>
      withSyncLock(dir, 10_000, async () => {
        order.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        order.push(`${name} end`);
      });
    try {
      await Promise.all([sync('a'), sync('b')]);
      expect([order[0].slice(2), order[1].slice(2), order[2].slice(2), order[3].slice(2)]).toEqual(['start', 'end', 'start', 'end']);
      expect(order[0][0]).toBe(order[1][0]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
