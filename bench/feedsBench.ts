/**
 * The live news figures of `npm run bench` (also runnable alone:
 * `tsx bench/feedsBench.ts [--json] [--items N] [--lag-rounds N] [--orangesum FILE]`):
 *
 * 1. Feed to answers: an RSS feed of N items (default 200; real OrangeSum
 *    articles, one page each) served by a local HTTP server on 127.0.0.1 is
 *    polled into an empty corpus (`Newsroom.poll`, through the safe fetcher and
 *    robots.txt) and indexed (`openScoop`); the time until every item is
 *    answerable, i.e. retrieved in the top 5 for its own title.
 * 2. Live lag: with the live index serving that corpus (watcher on), a new
 *    article file is written; the time until answers come from it: `ask` (its
 *    title as the question) cites it, or search returns it in the top 5.
 *    Repeated, median and worst reported, with how often ask cited it.
 *
 * The per-host pause is 0 ms here (FETCH_HOST_DELAY_MS default 1000 ms would add
 * a second per item from one host; that is politeness, not work, and is reported apart).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { openScoop } from '../src/app';
import { parseConfig } from '../src/config';
import { Newsroom } from '../src/feeds/newsroom';
import { fetchPolicyOf } from '../src/feeds/safeFetch';
import { LiveScoop } from '../src/live/liveScoop';

/** What this bench reports. */
export interface FeedsBenchFigures {
  items: number;
  source: string;
  feedToAnswers: { pollMs: number; indexMs: number; totalMs: number; added: number; answerable: number; politePauseMs: number };
  liveLag: { rounds: number; medianMs: number; maxMs: number; cited: number; watchSeconds: number };
}

interface Story {
  title: string;
  date: string;
  text: string;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function loadStories(path: string, count: number): Promise<{ stories: Story[]; source: string }> {
  try {
    const lines = gunzipSync(await readFile(path)).toString('utf8').split('\n').filter(Boolean);
    const stories = lines.slice(0, count).map((line) => {
      const record = JSON.parse(line) as { title: string; date: string; article: string };
      return { title: record.title, date: record.date, text: record.article };
    });
    return { stories, source: `OrangeSum (${path})` };
  } catch {
    const stories = Array.from({ length: count }, (_, i) => ({
      title: `Dépêche ${i}: l’usine ${i} ouvre à ${['Lyon', 'Lille', 'Nantes', 'Rennes'][i % 4]}`,
      date: '2025-02-01',
      text: `L’usine numéro ${i} ouvrira ses portes en ${2026 + (i % 3)}, a annoncé le groupe ${i}. ${'Les travaux avancent selon le calendrier prévu. '.repeat(5)}`,
    }));
    return { stories, source: 'generated (OrangeSum not found)' };
  }
}

function page(story: Story): string {
  const paragraphs = story.text.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý«"])/u).map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escape(story.title)}</title>
<meta property="og:site_name" content="Bench Info"><meta property="article:published_time" content="${story.date}T08:00:00+01:00"></head>
<body><nav><a href="/">Accueil</a></nav><article><h1>${escape(story.title)}</h1>${paragraphs}</article><footer>© Bench Info</footer></body></html>`;
}

async function serveFeed(stories: Story[]): Promise<{ server: Server; host: string }> {
  const server = createServer((request, response) => {
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = request.url ?? '/';
    if (path === '/rss.xml') {
      const items = stories.map((story, i) => `<item><title>${escape(story.title)}</title><link>http://${host}/a/${i}</link><guid>a-${i}</guid><pubDate>${new Date(`${story.date}T08:00:00Z`).toUTCString()}</pubDate></item>`);
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Info</title><link>http://${host}/</link>${items.join('')}</channel></rss>`);
      return;
    }
    const match = /^\/a\/(\d+)$/.exec(path);
    if (match && stories[Number(match[1])]) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(stories[Number(match[1])]));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Runs both measurements and returns their figures. */
export async function runFeedsBench(options: { items?: number; lagRounds?: number; orangesum?: string } = {}): Promise<FeedsBenchFigures> {
  const items = options.items ?? 200;
  const rounds = options.lagRounds ?? 5;
  const { stories, source } = await loadStories(options.orangesum ?? '../shared/corpora/orangesum-10k.jsonl.gz', items + rounds);
  const feedStories = stories.slice(0, items);
  const { server, host } = await serveFeed(feedStories);
  const work = await mkdtemp(join(tmpdir(), 'scoop-feeds-bench-'));
  const corpus = join(work, 'corpus');
  await mkdir(corpus);
  const logger = pino({ level: 'silent' });
  const env = { CORPUS_DIR: corpus, INDEX_DIR: join(work, 'index'), LOG_LEVEL: 'silent', FETCH_ALLOW_HOSTS: host, FETCH_HOST_DELAY_MS: '0', FEEDS_POLL_MINUTES: '0' };
  const config = parseConfig(env);
  try {
    const newsroom = new Newsroom(corpus, fetchPolicyOf(config));
    await newsroom.addFeed(`http://${host}/rss.xml`);
    const started = performance.now();
    const polled = await newsroom.poll();
    const pollMs = performance.now() - started;
    await newsroom.close();
    const { scoop } = await openScoop(config, { logger });
    const indexMs = performance.now() - started - pollMs;
    let answerable = 0;
    for (const story of feedStories) {
      const hits = await scoop.search(story.title, 5);
      if (hits.some((hit) => hit.article.title === story.title)) answerable += 1;
    }
    const totalMs = performance.now() - started;

    const watchSeconds = 20;
    const live = await LiveScoop.open(parseConfig({ ...env, CORPUS_WATCH_SECONDS: String(watchSeconds) }), { logger });
    await live.start();
    const lags: number[] = [];
    let cited = 0;
    try {
      for (const story of stories.slice(items, items + rounds)) {
        const name = `lag-${lags.length}.md`;
        const begin = performance.now();
        await writeFile(join(corpus, name), `---\ntitle: ${JSON.stringify(story.title)}\npublished: "${story.date}"\n---\n\n${story.text}\n`);
        let citedIt = false;
        while (performance.now() - begin < 90_000) {
          const answer = await live.scoop.ask(story.title);
          if (answer.citations.some((citation) => citation.source === name)) {
            citedIt = true;
            break;
          }
          const hits = await live.scoop.search(story.title, 5);
          if (hits.some((hit) => hit.article.source === name)) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        lags.push(performance.now() - begin);
        if (citedIt) cited += 1;
      }
    } finally {
      await live.stop();
    }
    return {
      items,
      source,
      feedToAnswers: { pollMs, indexMs, totalMs, added: polled.added, answerable, politePauseMs: (items - 1) * 1000 },
      liveLag: { rounds, medianMs: median(lags), maxMs: Math.max(...lags), cited, watchSeconds },
    };
  } finally {
    server.closeAllConnections();
    server.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** The figures as report lines. */
export function describeFeedsBench(figures: FeedsBenchFigures): string {
  const { feedToAnswers: f, liveLag: l } = figures;
  return [
    `Live news (${figures.items}-item RSS feed on a local server, ${figures.source}, FETCH_HOST_DELAY_MS 0):`,
    `  feed polled into an empty corpus in ${Math.round(f.pollMs)} ms (${f.added} added), indexed in ${Math.round(f.indexMs)} ms; ${f.answerable}/${figures.items} items answerable (retrieved in the top 5 for their own title) ${Math.round(f.totalMs)} ms after the poll began`,
    `  with the default 1 s pause between requests to one host, the poll of one host's ${figures.items} items takes at least ${Math.round(f.politePauseMs / 1000)} s more`,
    `  live bot lag from a new file to answers from it (ask cites it, or search returns it in the top 5 for its title): median ${Math.round(l.medianMs)} ms, worst ${Math.round(l.maxMs)} ms over ${l.rounds} files; ask cited it in ${l.cited}/${l.rounds} (the extractive answerer often abstains on a headline, which is no question); watcher events plus a ${l.watchSeconds} s rescan`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, items: { type: 'string' }, 'lag-rounds': { type: 'string' }, orangesum: { type: 'string' } } });
  const figures = await runFeedsBench({
    ...(values.items && { items: Number(values.items) }),
    ...(values['lag-rounds'] && { lagRounds: Number(values['lag-rounds']) }),
    ...(values.orangesum && { orangesum: values.orangesum }),
  });
  process.stdout.write(values.json ? `${JSON.stringify(figures)}\n` : `${describeFeedsBench(figures)}\n`);
  process.exit(0);
}
