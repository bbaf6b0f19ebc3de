import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion';
import { askVerbatim, loadNewsFixture, type NewsFixture } from './newsFixture';

/** Articles whose sentences hold two dates of two events: an audit after an election, a strike against a reform, a curfew and the interview that announced it. */
let news: NewsFixture;

beforeAll(async () => {
  news = await loadNewsFixture('test/fixtures/date-events');
});
afterAll(() => news?.close());

const ask = (question: string) => askVerbatim(news, question);

describe('a date answers the event asked about, not another clause\'s', () => {
  it('GIVEN « Quand X a-t-elle été élue ? » and a sentence whose only date is when an audit came out THEN declines rather than date the election with it', async () => {
    const answer = await ask('Quand Michèle Rubirola a-t-elle été élue ?');
    expect(answer.abstained, answer.answer).toBe(true);
    expect(answer.answer).not.toContain('2 octobre');
    expect(answer.answer, 'a plan launched is no election').not.toContain('28 septembre');
    const english = await ask('When was Michèle Rubirola elected?');
    expect(english.abstained, english.answer).toBe(true);
  });

  it('GIVEN « Quand X a-t-il été élu ? » and « élu samedi …, une semaine après … le second tour du 28 juin » THEN the Saturday of the election', async () => {
    const answer = await ask('Quand Grégory Doucet a-t-il été élu ?');
    expect(answer.value, answer.answer).toBe('le 4 juillet 2020');
    expect(answer.answer.split('\n')[0]).not.toContain('28 juin');
    expect(answer.answer, 'worded as an election, not a release').toMatch(/^L'élection de (?:Grégory )?Doucet : le 4 juillet 2020/);
    const round = await ask('Quand a eu lieu le second tour ?');
    expect(round.value, round.answer).toBe('28 juin 2020');
  });

  it('GIVEN « Quand le couvre-feu a-t-il commencé ? » THEN the day it came into force, not the day of an interview in a sentence that opens « Pour commencer »', async () => {
    const answer = await ask('Quand le couvre-feu a-t-il commencé ?');
    expect(answer.abstained, answer.answer).toBe(false);
    expect(answer.value).toBe('17 octobre 2020');
    expect(answer.answer).not.toContain('14 octobre');
    expect(answer.answer, 'a date before the curfew is not its start').not.toContain('début octobre');
  });

  it('GIVEN when a reform was presented and « la grève du 5 décembre contre la réforme, présentée en juillet » THEN July, the strike\'s date going to the strike', async () => {
    const reform = await ask('Quand la réforme des retraites a-t-elle été présentée ?');
    expect(reform.value, reform.answer).toBe('juillet 2019');
    const english = await ask('When was the pension reform unveiled?');
    expect(english.value, english.answer).toBe('July 2019');
    const strike = await ask('Quand a lieu la grève contre la réforme des retraites ?');
    expect(strike.value, strike.answer).toBe('5 décembre 2019');
  });
});
