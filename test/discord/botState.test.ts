import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerButtonId, parseAnswerButtonId } from '../../bot/answerButtons';
import { autocompleteChoices } from '../../bot/autocompleteChoices';
import { BoundedMap } from '../../bot/boundedMap';
import { Cooldowns } from '../../bot/cooldowns';
import { FeedbackLog, type FeedbackEntry } from '../../bot/feedbackLog';
import { questionInMessage } from '../../bot/mentionHandler';
import { checkQuestion } from '../../bot/questionInput';

describe('Cooldowns', () => {
  it('GIVEN a user within the cooldown THEN the seconds left are given, and later they may ask again', () => {
    let now = 0;
    const cooldowns = new Cooldowns(5, () => now);
    expect(cooldowns.take('alice')).toBe(0);
    now = 1_200;
    expect(cooldowns.take('alice')).toBe(4);
    expect(cooldowns.take('bob')).toBe(0);
    now = 5_000;
    expect(cooldowns.take('alice')).toBe(0);
  });

  it('GIVEN a refund THEN the user may ask at once; GIVEN 0 seconds THEN there is no cooldown', () => {
    const cooldowns = new Cooldowns(5, () => 0);
    cooldowns.take('alice');
    cooldowns.refund('alice');
    expect(cooldowns.take('alice')).toBe(0);
    const none = new Cooldowns(0);
    expect([none.take('a'), none.take('a')]).toEqual([0, 0]);
  });
});

describe('BoundedMap', () => {
  it('GIVEN more entries than its capacity THEN the least recently used are forgotten', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe('answer button ids', () => {
  it('GIVEN each action THEN its id round-trips and stays under Discord’s 100 characters', () => {
    for (const action of [{ kind: 'more', key: 'Ab_-9xYz' }, { kind: 'vote', vote: 'up', key: 'k1' }, { kind: 'vote', vote: 'down', key: 'k2' }] as const) {
      const id = answerButtonId(action);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseAnswerButtonId(id)).toEqual(action);
    }
    expect(parseAnswerButtonId('other:button')).toBeNull();
    expect(parseAnswerButtonId('scoop:vote:sideways:k')).toBeNull();
  });
});

describe('checkQuestion and questionInMessage', () => {
  it('GIVEN spaces and mentions THEN the question is cleaned; blank and too long are refused clearly', () => {
    expect(questionInMessage('<@123456789012345678>  when is\nGPT-5 out? <@!123456789012345678>', '123456789012345678')).toBe('when is GPT-5 out?');
    expect(checkQuestion('  a  b ', 10)).toBe('a b');
    expect(() => checkQuestion(' \n ', 10)).toThrow(/empty/);
    expect(() => checkQuestion('x'.repeat(11), 10)).toThrow(/11 characters long; the limit is 10/);
  });
});

describe('autocompleteChoices', () => {
  it('GIVEN 100 names THEN at most 25 choices, prefix matches first, ignoring case, accents and dashes', () => {
    const names = [...Array.from({ length: 100 }, (_, i) => `Modèle ${i}`), 'Le modele X'];
    const choices = autocompleteChoices(names, 'MODELE');
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.startsWith('Modèle'))).toBe(true);
    expect(autocompleteChoices(['GPT-5', 'GPT-4.5', 'o3'], 'gpt 5').map((c) => c.value)).toEqual(['GPT-5']);
    const long = autocompleteChoices(['x'.repeat(300)], '');
    expect(long[0].name.length).toBeLessThanOrEqual(100);
    expect(long[0].value.length).toBeLessThanOrEqual(100);
  });
});

describe('FeedbackLog', () => {
  it('GIVEN concurrent votes THEN each is one whole JSON line, in a folder created on demand', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scoop-feedback-'));
    const log = new FeedbackLog(join(dir, 'deep', 'er', 'feedback.jsonl'));
    const entry = (i: number): FeedbackEntry => ({ time: new Date(0).toISOString(), user: `u${i}`, guild: null, question: 'q\n"quoted"', answer: 'a'.repeat(5000), citations: [], vote: i % 2 ? 'up' : 'down' });
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(entry(i))));
    const lines = (await readFile(log.path, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).user)).toEqual(Array.from({ length: 50 }, (_, i) => `u${i}`));
    await rm(dir, { recursive: true, force: true });
  });
});
