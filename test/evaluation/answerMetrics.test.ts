import { describe, expect, it } from 'vitest';
import {
  abstentionPrecision,
  abstentionRecall,
  containsExpected,
  isAnswerCorrect,
  isVerbatim,
} from '../../src/evaluation/answerMetrics';

const outcomes = [
  { answerable: false, abstained: true },
  { answerable: false, abstained: true },
  { answerable: false, abstained: false },
  { answerable: true, abstained: true },
  { answerable: true, abstained: false },
];

describe('abstention precision and recall', () => {
  it('GIVEN 3 declines of which 2 were unanswerable THEN precision is 2/3', () => {
    expect(abstentionPrecision(outcomes)).toBeCloseTo(2 / 3, 10);
  });

  it('GIVEN 3 unanswerable questions of which 2 were declined THEN recall is 2/3', () => {
    expect(abstentionRecall(outcomes)).toBeCloseTo(2 / 3, 10);
  });

  it('GIVEN a system that never declines THEN precision is undefined and recall 0', () => {
    const never = outcomes.map((o) => ({ ...o, abstained: false }));
    expect(abstentionPrecision(never)).toBeNull();
    expect(abstentionRecall(never)).toBe(0);
  });

  it('GIVEN only answerable questions THEN recall is undefined', () => {
    expect(abstentionRecall([{ answerable: true, abstained: false }])).toBeNull();
  });
});

describe('isAnswerCorrect', () => {
  const dated = { answerable: true, expected: ['mai 2025', 'May 2025'] };

  it('GIVEN an answer containing one expected value, with other case and a no-break space THEN is right', () => {
    expect(isAnswerCorrect(dated, { abstained: false, text: 'Fin mai\u00a02025 [1].' })).toBe(true);
  });

  it('GIVEN accents that differ THEN still matches', () => {
    expect(containsExpected('Prevu debut 2025', ['début 2025'])).toBe(true);
  });

  it('GIVEN an answer without the expected value THEN is wrong', () => {
    expect(isAnswerCorrect(dated, { abstained: false, text: 'In June 2025.' })).toBe(false);
  });

  it('GIVEN a decline on an answerable question THEN is wrong even if the text mentions the value', () => {
    expect(isAnswerCorrect(dated, { abstained: true, text: 'Not sure; see May 2025 article.' })).toBe(false);
  });

  it('GIVEN an unanswerable question THEN only a decline is right', () => {
    const unanswerable = { answerable: false, expected: [] };
    expect(isAnswerCorrect(unanswerable, { abstained: true, text: "The articles don't say." })).toBe(true);
    expect(isAnswerCorrect(unanswerable, { abstained: false, text: 'Next year.' })).toBe(false);
  });
});

describe('isVerbatim', () => {
  const text = 'Mistral AI a signé un accord avec Microsoft.';

  it('GIVEN the exact slice THEN is verbatim', () => {
    expect(isVerbatim({ start: 0, end: 10, snippet: 'Mistral AI' }, text)).toBe(true);
  });

  it('GIVEN a paraphrase or shifted offsets THEN is not', () => {
    expect(isVerbatim({ start: 0, end: 10, snippet: 'Mistral-AI' }, text)).toBe(false);
    expect(isVerbatim({ start: 1, end: 11, snippet: 'Mistral AI' }, text)).toBe(false);
  });

  it('GIVEN an unknown article or offsets past its end THEN is not', () => {
    expect(isVerbatim({ start: 0, end: 10, snippet: 'Mistral AI' }, undefined)).toBe(false);
    expect(isVerbatim({ start: 40, end: 90, snippet: 'oft.' }, text)).toBe(false);
  });
});
