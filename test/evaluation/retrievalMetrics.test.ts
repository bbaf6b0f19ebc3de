import { describe, expect, it } from 'vitest';
import {
  firstRelevantRank,
  isRelevant,
  locateSnippet,
  meanReciprocalRank,
  recallAtK,
} from '../../src/evaluation/retrievalMetrics';

const expected = { source: 'a.md', start: 100, end: 140 };

describe('recallAtK', () => {
  it('GIVEN ranks 1, 3, 7 and a miss THEN counts the questions answered within k', () => {
    const ranks = [1, 3, 7, null];
    expect(recallAtK(ranks, 1)).toBe(0.25);
    expect(recallAtK(ranks, 5)).toBe(0.5);
    expect(recallAtK(ranks, 10)).toBe(0.75);
  });

  it('GIVEN no question THEN is undefined (NaN), not a perfect score', () => {
    expect(recallAtK([], 5)).toBeNaN();
  });
});

describe('meanReciprocalRank', () => {
  it('GIVEN ranks 1, 2, 4 and a miss THEN averages 1/rank with 0 for the miss', () => {
    expect(meanReciprocalRank([1, 2, 4, null])).toBeCloseTo((1 + 0.5 + 0.25 + 0) / 4, 10);
  });

  it('GIVEN every answer at rank 1 THEN is 1', () => {
    expect(meanReciprocalRank([1, 1, 1])).toBe(1);
  });
});

describe('isRelevant', () => {
  it('GIVEN a passage covering the snippet THEN is a hit', () => {
    expect(isRelevant({ source: 'a.md', start: 80, end: 200 }, expected)).toBe(true);
  });

  it('GIVEN a passage covering half the snippet THEN is a hit', () => {
    expect(isRelevant({ source: 'a.md', start: 120, end: 300 }, expected)).toBe(true);
  });

  it('GIVEN a passage touching only the edge of the snippet THEN is a miss', () => {
    expect(isRelevant({ source: 'a.md', start: 135, end: 300 }, expected)).toBe(false);
  });

  it('GIVEN the same offsets in another article THEN is a miss', () => {
    expect(isRelevant({ source: 'b.md', start: 80, end: 200 }, expected)).toBe(false);
  });
});

describe('firstRelevantRank', () => {
  it('GIVEN the answer third in the ranking THEN is 3', () => {
    const ranking = [
      { source: 'b.md', start: 0, end: 50 },
      { source: 'a.md', start: 0, end: 90 },
      { source: 'a.md', start: 90, end: 180 },
    ];
    expect(firstRelevantRank(ranking, [expected])).toBe(3);
  });

  it('GIVEN no relevant passage THEN is null', () => {
    expect(firstRelevantRank([{ source: 'b.md', start: 0, end: 500 }], [expected])).toBeNull();
  });
});

describe('locateSnippet', () => {
  const text = 'GPT-5 devrait être officiellement lancé fin mai.\nIl a été reporté.';

  it('GIVEN a verbatim snippet THEN returns its offsets', () => {
    const span = locateSnippet(text, 'lancé fin mai');
    expect(span && text.slice(span.start, span.end)).toBe('lancé fin mai');
  });

  it('GIVEN a snippet typed with other case and spacing THEN still finds it', () => {
    const span = locateSnippet(text, 'fin mai.  il a été');
    expect(span && text.slice(span.start, span.end)).toBe('fin mai.\nIl a été');
  });

  it('GIVEN a snippet absent from the text THEN returns null', () => {
    expect(locateSnippet(text, 'fin juin')).toBeNull();
  });
});
