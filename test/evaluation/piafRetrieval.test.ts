import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { foldForAnswerMatch, piafHalf, runPiafRetrieval, summarisePiaf, type PiafQuestion } from '../../src/evaluation/piafRetrieval';
import type { SearchHit } from '../../src/retrieval/searchHit';

const article: Article = { id: 'a', source: 'piaf-001.txt', title: 'Ouganda', language: 'fr', published: null, url: null, text: '' };
function hit(text: string): SearchHit {
  return { article, passage: { id: `a:${text.length}`, articleId: 'a', ordinal: 0, start: 0, end: text.length, text }, score: 1 };
}

describe('PIAF retrieval scoring', () => {
  it('GIVEN answers typed with other case, accents, apostrophes or spacing THEN they fold to the snippet form', () => {
    expect(foldForAnswerMatch('Armée de  résistance du Seigneur')).toBe('armee de resistance du seigneur');
    expect(foldForAnswerMatch('l’Ouganda')).toBe("l'ouganda");
  });

  it('GIVEN article ids THEN questions split into even (tuning) and odd (checking) halves', () => {
    expect(piafHalf('piaf-000')).toBe('even');
    expect(piafHalf('piaf-017')).toBe('odd');
  });

  it('GIVEN a search THEN the rank is the first snippet holding the folded answer, within the top 10', async () => {
    const questions: PiafQuestion[] = [
      { id: 'q1', question: 'Qui ?', answer: 'Museveni', article: 'piaf-002', half: 'even' },
      { id: 'q2', question: 'Où ?', answer: 'Tanzanie', article: 'piaf-003', half: 'odd' },
    ];
    const results: Record<string, SearchHit[]> = {
      'Qui ?': [hit('Il abandonne ses principes.'), hit('Yoweri MUSEVENI prend le pouvoir.')],
      'Où ?': Array.from({ length: 11 }, (_, i) => hit(i === 10 ? 'en Tanzanie' : `autre ${i}`)),
    };
    const outcomes = await runPiafRetrieval(questions, async (query) => results[query]);
    expect(outcomes.map((o) => o.rank)).toEqual([2, null]);
    const summary = summarisePiaf(outcomes);
    expect(summary.even.recallAt5).toBe(1);
    expect(summary.even.recallAt1).toBe(0);
    expect(summary.odd.recallAt10).toBe(0);
    expect(summary.all.mrr).toBeCloseTo(0.25);
  });

  it('GIVEN a duration list THEN each question adds how far the clock moved across its search alone (two readings around it), one per question', async () => {
    const questions: PiafQuestion[] = [
      { id: 'q1', question: 'Qui ?', answer: 'Museveni', article: 'piaf-002', half: 'even' },
      { id: 'q2', question: 'Où ?', answer: 'Tanzanie', article: 'piaf-003', half: 'odd' },
    ];
    let clock = 0;
    const searchTimes = [5, 7];
    const slowSearch = async () => {
      clock += searchTimes.shift()!;
      return [hit('Museveni en Tanzanie')];
    };
    const durations: number[] = [];
    await runPiafRetrieval(questions, slowSearch, 10, durations, () => {
      clock += 100;
      return clock;
    });
    expect(durations).toEqual([5 + 100, 7 + 100]);
  });
});
