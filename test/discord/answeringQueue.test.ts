import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAnswerer, ChatRequest } from '../../src/answers/chatAnswerer';
import { AnsweringQueue, type TakeTurn } from '../../src/answeringQueue';
import { openScoop, scoopOverIndex } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createScoop } from '../../src/createScoop';
import { FactBook } from '../../src/facts/factBook';
import type { PassageIndex } from '../../src/index/passageIndex';
import { HybridSearch } from '../../src/retrieval/hybridSearch';
import { memoryLogger, startBot, type RunningBot } from './botHarness';
import { fakeUser } from './fakeDiscord';

/** A promise and what settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** A chat model that is called, then answers nothing until `release()`: each question waits on it as on a slow LLM. */
class HeldChat implements ChatAnswerer {
  readonly name = 'held:test';
  readonly timeoutMs = 60_000;
  readonly requests: ChatRequest[] = [];
  private readonly held = gate();
  private readonly arrivals: { count: number; reached: () => void }[] = [];

  constructor(private readonly events: string[] = []) {}

  async write(request: ChatRequest): Promise<string> {
    this.requests.push(request);
    this.events.push(`model called: ${request.question}`);
    for (const arrival of this.arrivals) if (this.requests.length >= arrival.count) arrival.reached();
    await this.held.opened;
    return request.draft;
  }

  /** Resolves once `count` questions have reached the model (their drafts are done). */
  reached(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((reached) => this.arrivals.push({ count, reached }));
  }

  release(): void {
    this.held.open();
  }
}

/** A turn-taker that records when each turn begins and ends, around `queue`'s turns. */
function recordedTurns(queue: AnsweringQueue, events: string[]): TakeTurn {
  return (work) =>
    queue.takeTurn(async () => {
      events.push('turn begins');
      try {
        return await work();
      } finally {
        events.push('turn ends');
      }
    });
}

describe('the answering queue', () => {
  it('GIVEN one turn at a time THEN the next starts only when the one before has finished', async () => {
    const queue = new AnsweringQueue();
    const started: string[] = [];
    const first = gate();
    const firstTurn = queue.takeTurn(async () => {
      started.push('first');
      await first.opened;
      return 'first answer';
    });
    const secondTurn = queue.takeTurn(async () => {
      started.push('second');
      return 'second answer';
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['first']);
    expect(queue.pending).toEqual({ running: 1, waiting: 1 });
    first.open();
    expect(await Promise.all([firstTurn, secondTurn])).toEqual(['first answer', 'second answer']);
    expect(started).toEqual(['first', 'second']);
  });

  it('GIVEN two queued CPU-bound turns THEN what the event loop received meanwhile runs between them', async () => {
    const queue = new AnsweringQueue();
    const order: string[] = [];
    const turns = [queue.takeTurn(async () => void order.push('answer 1')), queue.takeTurn(async () => void order.push('answer 2'))];
    setImmediate(() => order.push('gateway event'));
    await Promise.all(turns);
    expect(order).toEqual(['answer 1', 'gateway event', 'answer 2']);
  });

  it('GIVEN a failing turn THEN the failure reaches its caller and the next turn still runs', async () => {
    const queue = new AnsweringQueue();
    const failing = queue.takeTurn(async () => {
      throw new Error('index file is corrupt');
    });
    const next = queue.takeTurn(async () => 'answered');
    await expect(failing).rejects.toThrow('index file is corrupt');
    expect(await next).toBe('answered');
    expect(queue.pending).toEqual({ running: 0, waiting: 0 });
  });

  it('GIVEN a turn asked for inside a turn THEN it runs as part of it instead of waiting for it forever', async () => {
    const queue = new AnsweringQueue();
    const waiting = queue.takeTurn(async () => 'after');
    const nested = await queue.takeTurn(() => queue.takeTurn(async () => 'inner answer'));
    expect(nested).toBe('inner answer');
    expect(await waiting).toBe('after');
    expect(queue.pending).toEqual({ running: 0, waiting: 0 });
    expect(() => new AnsweringQueue(0)).toThrow(RangeError);
  });
});

describe('answers over the real core and the seed article, on a fake Discord', () => {
  let indexDir: string;
  let index: PassageIndex;
  let running: RunningBot | undefined;

  beforeAll(async () => {
    indexDir = await mkdtemp(join(tmpdir(), 'scoop-queue-index-'));
    const config = parseConfig({ CORPUS_DIR: 'seeds', INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
    index = (await openScoop(config, { logger: memoryLogger().logger })).index;
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  afterAll(() => rm(indexDir, { recursive: true, force: true }));

  it('GIVEN an LLM answerer that is slow THEN each question’s draft takes a turn and the model is called after it, so the second question is drafted while the first waits on the model', async () => {
    const events: string[] = [];
    const queue = new AnsweringQueue();
    const takeTurn = recordedTurns(queue, events);
    const chat = new HeldChat(events);
    running = await startBot(scoopOverIndex(index, { chat, takeTurn }), { env: { ANSWERER: 'openai', OPENAI_API_KEY: 'sk-test' } });
    const { fake } = running;
    const first = fake.slashCommand('ask', { question: 'Quand GPT-4.5 sera-t-il dévoilé ?' }, fakeUser('first'));
    const second = fake.slashCommand('ask', { question: 'Quand GPT-5 sera-t-il lancé ?' }, fakeUser('second'));
    await chat.reached(2);
    expect(events).toEqual([
      'turn begins',
      'turn ends',
      'model called: Quand GPT-4.5 sera-t-il dévoilé ?',
      'turn begins',
      'turn ends',
      'model called: Quand GPT-5 sera-t-il lancé ?',
    ]);
    const third = fake.slashCommand('ask', { question: 'Qui héberge les modèles d’OpenAI ?' }, fakeUser('third'));
    expect((await fake.callbackOf(third)).body).toEqual({ type: 5, data: { flags: 0 } });
    expect(fake.callsFor(first).filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(fake.callsFor(second).filter((r) => r.method === 'PATCH')).toEqual([]);
    chat.release();
    const [firstEdit, secondEdit, thirdEdit] = await Promise.all([fake.editOf(first), fake.editOf(second), fake.editOf(third)]);
    expect(firstEdit.body.embeds[0].title).toBe('Quand GPT-4.5 sera-t-il dévoilé ?');
    expect(firstEdit.body.embeds[0].description).toMatch(/\[1\]/);
    expect(secondEdit.body.embeds[0].title).toBe('Quand GPT-5 sera-t-il lancé ?');
    expect(thirdEdit.body.embeds[0].title).toBe('Qui héberge les modèles d’OpenAI ?');
    expect(queue.pending).toEqual({ running: 0, waiting: 0 });
  });

  it('GIVEN a turn held by another question WHEN search, check and latest are called on the core THEN each waits for the turn and then runs in one of its own', async () => {
    const events: string[] = [];
    const queue = new AnsweringQueue();
    const scoop = scoopOverIndex(index, { takeTurn: recordedTurns(queue, events) });
    const held = gate();
    const holding = queue.takeTurn(() => held.opened);
    const settled: string[] = [];
    const searched = scoop.search('GPT-5', 3).then((hits) => (settled.push('search'), hits));
    const checked = scoop.check('GPT-5 sortira fin mai 2025').then((check) => (settled.push('check'), check));
    const latest = scoop.latest({ topic: 'OpenAI' }).then((articles) => (settled.push('latest'), articles));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.pending).toEqual({ running: 1, waiting: 3 });
    expect(settled).toEqual([]);
    held.open();
    await holding;
    const [hits, check, articles] = await Promise.all([searched, checked, latest]);
    expect(settled).toEqual(['search', 'check', 'latest']);
    expect(events).toEqual(['turn begins', 'turn ends', 'turn begins', 'turn ends', 'turn begins', 'turn ends']);
    expect(hits[0]?.article.title).toMatch(/GPT/);
    expect(check.citations.length).toBeGreaterThan(0);
    expect(articles.map((article) => article.title)).toEqual([hits[0]?.article.title]);
  });

  it('GIVEN the offline answerer busy with a slow answer WHEN another /ask arrives THEN it is deferred while the slow one is held, and drafted and answered after it, in order', async () => {
    const hybrid = new HybridSearch({ index });
    const firstSearch = gate();
    const searchHeld = gate();
    const searches: string[] = [];
    const retriever = {
      search: async (...args: Parameters<HybridSearch['search']>) => {
        searches.push(args[0]);
        if (searches.length === 1) {
          firstSearch.open();
          await searchHeld.opened;
        }
        return hybrid.search(...args);
      },
    };
    const queue = new AnsweringQueue();
    const secondAsksForTurn = gate();
    let turnsAskedFor = 0;
    const takeTurn: TakeTurn = (work) => {
      if (++turnsAskedFor === 2) secondAsksForTurn.open();
      return queue.takeTurn(work);
    };
    const facts = (stories: { isFolded(id: string): boolean }) => new FactBook(index.facts().filter((entry) => !stories.isFolded(entry.articleId)), index.articles());
    running = await startBot(createScoop({ index, retriever, facts, takeTurn }));
    const { fake } = running;
    const slow = fake.slashCommand('ask', { question: 'Quand GPT-4.5 sera-t-il dévoilé ?' }, fakeUser('first'));
    await firstSearch.opened;
    const next = fake.slashCommand('ask', { question: 'Quand GPT-5 sera-t-il lancé ?' }, fakeUser('second'));
    expect((await fake.callbackOf(next)).body).toEqual({ type: 5, data: { flags: 0 } });
    await secondAsksForTurn.opened;
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.pending).toEqual({ running: 1, waiting: 1 });
    expect(searches).toHaveLength(1);
    searchHeld.open();
    const [slowEdit, nextEdit] = await Promise.all([fake.editOf(slow), fake.editOf(next)]);
    expect(slowEdit.body.embeds[0].title).toBe('Quand GPT-4.5 sera-t-il dévoilé ?');
    expect(nextEdit.body.embeds[0].title).toBe('Quand GPT-5 sera-t-il lancé ?');
    expect(searches).toHaveLength(2);
    expect(fake.requests.indexOf(slowEdit)).toBeLessThan(fake.requests.indexOf(nextEdit));
  });
});
