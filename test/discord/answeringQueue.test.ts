import { afterEach, describe, expect, it } from 'vitest';
import { AnsweringQueue, answersAtOnceFor } from '../../bot/answeringQueue';
import type { Answer } from '../../src/answers/answer';
import type { AskOptions } from '../../src/scoop';
import { startBot, type RunningBot } from './botHarness';
import { fakeUser } from './fakeDiscord';
import { FakeScoop } from './fakeScoop';

/** A fake core whose answers to questions containing "hold" wait until `release()`. */
class HeldScoop extends FakeScoop {
  private releaseHeld: () => void = () => {};
  private readonly held = new Promise<void>((resolve) => {
    this.releaseHeld = resolve;
  });
  /** Resolves once the core has begun answering a held question. */
  readonly heldStarted: Promise<void>;
  private markStarted: () => void = () => {};

  constructor() {
    super();
    this.heldStarted = new Promise((resolve) => {
      this.markStarted = resolve;
    });
  }

  release(): void {
    this.releaseHeld();
  }

  override async ask(question: string, options?: AskOptions): Promise<Answer> {
    if (question.includes('hold')) {
      this.markStarted();
      await this.held;
    }
    return super.ask(question, options);
  }
}

describe('the answering queue', () => {
  it('GIVEN one answer at a time THEN the next starts only when the one before has finished', async () => {
    const queue = new AnsweringQueue(1);
    const started: string[] = [];
    let finishFirst: () => void = () => {};
    const first = queue.run(async () => {
      started.push('first');
      await new Promise<void>((resolve) => {
        finishFirst = resolve;
      });
      return 'first answer';
    });
    const second = queue.run(async () => {
      started.push('second');
      return 'second answer';
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['first']);
    expect(queue.pending).toEqual({ running: 1, waiting: 1 });
    finishFirst();
    expect(await Promise.all([first, second])).toEqual(['first answer', 'second answer']);
    expect(started).toEqual(['first', 'second']);
  });

  it('GIVEN two queued CPU-bound answers THEN what the event loop received meanwhile runs between them', async () => {
    const queue = new AnsweringQueue(1);
    const order: string[] = [];
    const answers = [queue.run(async () => void order.push('answer 1')), queue.run(async () => void order.push('answer 2'))];
    setImmediate(() => order.push('gateway event'));
    await Promise.all(answers);
    expect(order).toEqual(['answer 1', 'gateway event', 'answer 2']);
  });

  it('GIVEN a failing answer THEN the failure reaches its caller and the next answer still runs', async () => {
    const queue = new AnsweringQueue(1);
    const failing = queue.run(async () => {
      throw new Error('index file is corrupt');
    });
    const next = queue.run(async () => 'answered');
    await expect(failing).rejects.toThrow('index file is corrupt');
    expect(await next).toBe('answered');
    expect(queue.pending).toEqual({ running: 0, waiting: 0 });
  });

  it('GIVEN the answerer THEN offline answers are queued one at a time and LLM answers are not queued', () => {
    expect(answersAtOnceFor({ ANSWERER: 'extractive' })).toBe(1);
    expect(answersAtOnceFor({ ANSWERER: 'openai' })).toBe(Number.POSITIVE_INFINITY);
    expect(() => new AnsweringQueue(0)).toThrow(RangeError);
  });
});

describe('deferrals never wait behind answers, on a fake Discord', () => {
  let running: RunningBot;
  afterEach(() => running.stop());

  it('GIVEN the offline answerer busy with a slow answer WHEN another /ask arrives THEN it is deferred while the slow one is held, and answered after it, in order', async () => {
    const scoop = new HeldScoop();
    running = await startBot(scoop, { answersAtOnce: 1 });
    const { fake } = running;
    const slow = fake.slashCommand('ask', { question: 'When is GPT-5 coming out? hold' }, fakeUser('first'));
    await scoop.heldStarted;
    const next = fake.slashCommand('ask', { question: 'Who hosts OpenAI models?' }, fakeUser('second'));
    expect((await fake.callbackOf(next)).body).toEqual({ type: 5, data: { flags: 0 } });
    expect(scoop.asked).toEqual([]);
    scoop.release();
    const [slowEdit, nextEdit] = await Promise.all([fake.editOf(slow), fake.editOf(next)]);
    expect(nextEdit.body.embeds[0].title).toBe('Who hosts OpenAI models?');
    expect(scoop.asked.map((a) => a.question)).toEqual(['When is GPT-5 coming out? hold', 'Who hosts OpenAI models?']);
    expect(fake.requests.indexOf(slowEdit)).toBeLessThan(fake.requests.indexOf(nextEdit));
  });

  it('GIVEN an LLM answerer (answers not queued) busy with a slow answer THEN another question is answered without waiting for it', async () => {
    const scoop = new HeldScoop();
    running = await startBot(scoop, { answersAtOnce: answersAtOnceFor({ ANSWERER: 'openai' }) });
    const { fake } = running;
    const slow = fake.slashCommand('ask', { question: 'When is GPT-5 coming out? hold' }, fakeUser('first'));
    await scoop.heldStarted;
    const next = fake.slashCommand('ask', { question: 'Who hosts OpenAI models?' }, fakeUser('second'));
    expect((await fake.editOf(next)).body.embeds[0].title).toBe('Who hosts OpenAI models?');
    expect(fake.callsFor(slow).filter((r) => r.method === 'PATCH')).toEqual([]);
    scoop.release();
    expect((await fake.editOf(slow)).body.embeds[0].title).toBe('When is GPT-5 coming out? hold');
  });
});
