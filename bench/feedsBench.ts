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
 *    article file is written and a question it answers is asked until the
 *    answer cites it. The articles and questions are the answerable ones of the
 *    OrangeSum dev question set (test/fixtures/orangesum-questions/dev.jsonl,
 *    one per article; never the held-out half), so a citation is what a user
 *    asking about this morning's article would get. Reported: the time until
 *    the served index holds the file (`indexed`), until an answer cites it
 *    (`answered`; a round whose answer, asked of an index holding the file,
 *    cites something else or declines, counts as not cited), how many cited it
 *    and how many answers held the expected value. Median and worst.
 *
 * The per-host pause is 0 ms here (FETCH_HOST_DELAY_MS default 1000 ms would add
 * a second per item from one host; that is politeness, not work, and is reported apart).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { openScoop } from '../src/app';
import { parseConfig } from '../src/config';
import { containsExpected } from '../src/evaluation/answerMetrics';
import { summariseLatency } from '../src/evaluation/latency';
import { acceptedForms, loadOrangesumQuestions } from '../src/evaluation/orangesumQuestions';
import { Newsroom } from '../src/feeds/newsroom';
import { fetchPolicyOf } from '../src/feeds/safeFetch';
import { LiveScoop } from '../src/live/liveScoop';

/** What this bench reports. */
export interface FeedsBenchFigures {
  items: number;
  source: string;
  feedToAnswers: { pollMs: number; indexMs: number; totalMs: number; added: number; answerable: number; politePauseMs: number };
  liveLag: {
    rounds: number;
    /** Where the questions come from. */
    questions: string;
    /** From writing the file to the served index holding it. */
    indexedMedianMs: number;
    indexedMaxMs: number;
    /** From writing the file to an answer citing it, over the rounds that cited it. */
    medianMs: number;
    maxMs: number;
    /** Rounds whose answer cited the new file; of them, answers holding the expected value. */
    cited: number;
    right: number;
    watchSeconds: number;
  };
}

interface Story {
  title: string;
  date: string;
  text: string;
}

/** A new article of a lag round and a question it answers. */
interface LagRound {
  story: Story;
  question: string;
  expected: string[];
}

const DEV_QUESTIONS = fileURLToPath(new URL('../test/fixtures/orangesum-questions/dev.jsonl', import.meta.url));
const LAG_TIMEOUT_MS = 90_000;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function storyOfLine(line: string): Story {
  const record = JSON.parse(line) as { title: string; date: string; article: string };
  return { title: record.title, date: record.date, text: record.article };
}

/**
 * The feed's stories and the lag rounds' articles with their questions: real
 * OrangeSum articles and dev questions when the corpus is there (the feed
 * leaves out every article a question names, so a lag round's article is new),
 * else generated ones.
 */
async function loadStories(path: string, count: number, rounds: number): Promise<{ stories: Story[]; lagRounds: LagRound[]; source: string; questions: string }> {
  let lines: string[];
  try {
    lines = gunzipSync(await readFile(path)).toString('utf8').split('\n');
  } catch {
    return generatedStories(count, rounds);
  }
  const { questions } = await loadOrangesumQuestions(DEV_QUESTIONS);
  const named = new Set(questions.flatMap((question) => [question.article.line, ...question.alsoIn.map((also) => also.line)]));
  const lagRounds: LagRound[] = [];
  const asked = new Set<number>();
  for (const question of questions) {
    if (lagRounds.length >= rounds) break;
    if (!question.answerable || asked.has(question.article.line) || !lines[question.article.line - 1]) continue;
    asked.add(question.article.line);
    lagRounds.push({ story: storyOfLine(lines[question.article.line - 1]), question: question.question, expected: acceptedForms(question) });
  }
  const stories: Story[] = [];
  for (let i = 0; i < lines.length && stories.length < count; i += 1) {
    if (lines[i] && !named.has(i + 1)) stories.push(storyOfLine(lines[i]));
  }
  return { stories, lagRounds, source: `OrangeSum (${path})`, questions: `OrangeSum dev questions (${lagRounds.length} articles)` };
}

function generatedStories(count: number, rounds: number): { stories: Story[]; lagRounds: LagRound[]; source: string; questions: string } {
  const cities = ['Lyon', 'Lille', 'Nantes', 'Rennes'];
  const story = (i: number): Story => ({
    title: `Dépêche ${i}: l’usine ${i} ouvre à ${cities[i % 4]}`,
    date: '2025-02-01',
    text: `L’usine numéro ${i} du groupe Industrie ${i} ouvrira ses portes à ${cities[i % 4]} en ${2026 + (i % 3)}, a annoncé le groupe. ${'Les travaux avancent selon le calendrier prévu. '.repeat(5)}`,
  });
  const stories = Array.from({ length: count }, (_, i) => story(i));
  const lagRounds = Array.from({ length: rounds }, (_, r) => ({
    story: story(count + r),
    question: `Quand l’usine numéro ${count + r} du groupe Industrie ${count + r} ouvrira-t-elle ?`,
    expected: [String(2026 + ((count + r) % 3))],
  }));
  return { stories, lagRounds, source: 'generated (OrangeSum not found)', questions: 'generated questions' };
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

/**
 * Writes the round's article and asks its question until an answer cites the
 * file. The index size is read before each question, so once it shows the file
 * the question was asked of an index holding it: an answer that still does not
 * cite it ends the round as not cited (the answerer declined or cited another).
 */
async function lagRound(live: LiveScoop, corpus: string, name: string, round: LagRound): Promise<{ indexedMs?: number; answeredMs?: number; right: boolean }> {
  const before = live.scoop.articleCount();
  const begin = performance.now();
  await writeFile(join(corpus, name), `---\ntitle: ${JSON.stringify(round.story.title)}\npublished: "${round.story.date}"\n---\n\n${round.story.text}\n`);
  let indexedMs: number | undefined;
  while (performance.now() - begin < LAG_TIMEOUT_MS) {
    const indexed = live.scoop.articleCount() > before;
    if (indexed) indexedMs ??= performance.now() - begin;
    const answer = await live.scoop.ask(round.question);
    if (answer.citations.some((citation) => citation.source === name)) {
      return { indexedMs: indexedMs ?? performance.now() - begin, answeredMs: performance.now() - begin, right: containsExpected(answer.answer, round.expected) };
    }
    if (indexed) return { indexedMs, right: false };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { indexedMs, right: false };
}

/** Runs both measurements and returns their figures. */
export async function runFeedsBench(options: { items?: number; lagRounds?: number; orangesum?: string } = {}): Promise<FeedsBenchFigures> {
  const items = options.items ?? 200;
  const rounds = options.lagRounds ?? 5;
  const { stories: feedStories, lagRounds, source, questions } = await loadStories(options.orangesum ?? '../shared/corpora/orangesum-10k.jsonl.gz', items, rounds);
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
    const indexedLags: number[] = [];
    const answeredLags: number[] = [];
    let right = 0;
    try {
      for (const [r, round] of lagRounds.entries()) {
        const outcome = await lagRound(live, corpus, `lag-${r}.md`, round);
        if (outcome.indexedMs !== undefined) indexedLags.push(outcome.indexedMs);
        if (outcome.answeredMs !== undefined) answeredLags.push(outcome.answeredMs);
        if (outcome.right) right += 1;
      }
    } finally {
      await live.stop();
    }
    const indexed = summariseLatency(indexedLags);
    const answered = summariseLatency(answeredLags);
    return {
      items,
      source,
      feedToAnswers: { pollMs, indexMs, totalMs, added: polled.added, answerable, politePauseMs: (items - 1) * 1000 },
      liveLag: {
        rounds: lagRounds.length,
        questions,
        indexedMedianMs: indexed.p50,
        indexedMaxMs: indexed.max,
        medianMs: answered.p50,
        maxMs: answered.max,
        cited: answeredLags.length,
        right,
        watchSeconds,
      },
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
    `  live bot lag from a new file (${l.rounds} real articles, ${l.questions}; watcher events plus a ${l.watchSeconds} s rescan): in the served index after median ${Math.round(l.indexedMedianMs)} ms, worst ${Math.round(l.indexedMaxMs)} ms; an answer to a question about it cited it in ${l.cited}/${l.rounds} rounds, after median ${Math.round(l.medianMs)} ms, worst ${Math.round(l.maxMs)} ms; ${l.right}/${l.rounds} answers held the expected value`,
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
