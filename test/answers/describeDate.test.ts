import { describe, expect, it } from 'vitest';
import { describePublished, describeRange, rangePhrase } from '../../src/answers/describeDate';

describe('describeRange', () => {
  it.each([
    ['2025-05-21', '2025-05-31', 'late May 2025', 'fin mai 2025'],
    ['2025-01-01', '2025-03-31', 'early 2025', 'début 2025'],
    ['2025-05-01', '2025-05-31', 'May 2025', 'mai 2025'],
    ['2024-12-11', '2024-12-11', '11 December 2024', '11 décembre 2024'],
    ['2024-10-01', '2024-12-31', 'late 2024', 'fin 2024'],
    ['2026-01-01', '2026-12-31', '2026', '2026'],
    ['2025-02-17', '2025-02-23', 'between 17 and 23 February 2025', 'entre le 17 et le 23 février 2025'],
    ['2025-02-20', '2025-03-27', 'between 20 February and 27 March 2025', 'entre le 20 février et le 27 mars 2025'],
    ['2025-03-01', '2025-03-01', '1 March 2025', '1er mars 2025'],
    ['2025-07-01', '2025-09-30', 'Q3 2025', 'T3 2025'],
    ['2025-03-01', '2025-05-31', 'spring 2025', 'printemps 2025'],
    ['2025-06-01', '2025-08-31', 'summer 2025', 'été 2025'],
    ['2025-09-01', '2025-11-30', 'autumn 2025', 'automne 2025'],
    ['2024-12-01', '2025-02-28', 'winter 2024-2025', 'hiver 2024-2025'],
    ['2026-01-01', '2026-06-30', 'first half of 2026', 'premier semestre 2026'],
    ['2025-05-01', '2025-08-31', 'mid-2025', 'mi-2025'],
    ['2025-02-01', '2025-04-30', 'between February and April 2025', 'entre février et avril 2025'],
  ])('GIVEN %s to %s THEN %j in English and %j in French', (start, end, english, french) => {
    expect(describeRange(start, end, 'en')).toBe(english);
    expect(describeRange(start, end, 'fr')).toBe(french);
  });

  it('GIVEN an open or unknown range THEN says nothing rather than guess', () => {
    expect(describeRange(null, '2025-05-31', 'en')).toBeNull();
    expect(describeRange('2025-05-01', null, 'fr')).toBeNull();
  });
});

describe('rangePhrase', () => {
  it('GIVEN a deadline expression THEN reads "by": by the end of May 2025 / d\'ici fin mai 2025', () => {
    expect(rangePhrase('2025-02-13', '2025-05-31', 'en', true)).toBe('by the end of May 2025');
    expect(rangePhrase('2025-02-13', '2025-05-31', 'fr', true)).toBe("d'ici fin mai 2025");
    expect(rangePhrase('2024-01-01', '2024-12-31', 'en', true)).toBe('by the end of 2024');
  });

  it('GIVEN a plain range THEN adds the preposition its shape needs', () => {
    expect(rangePhrase('2025-05-21', '2025-05-31', 'en', false)).toBe('in late May 2025');
    expect(rangePhrase('2025-05-21', '2025-05-31', 'fr', false)).toBe('fin mai 2025');
    expect(rangePhrase('2024-12-11', '2024-12-11', 'en', false)).toBe('on 11 December 2024');
    expect(rangePhrase('2025-04-01', '2025-04-30', 'fr', false)).toBe('en avril 2025');
  });

  it('GIVEN a season or a half year THEN the preposition each language uses for it', () => {
    expect(rangePhrase('2025-03-01', '2025-05-31', 'fr', false)).toBe('au printemps 2025');
    expect(rangePhrase('2025-09-01', '2025-11-30', 'fr', false)).toBe("à l'automne 2025");
    expect(rangePhrase('2025-06-01', '2025-08-31', 'en', false)).toBe('in summer 2025');
    expect(rangePhrase('2026-01-01', '2026-06-30', 'en', false)).toBe('in the first half of 2026');
    expect(rangePhrase('2026-01-01', '2026-06-30', 'fr', false)).toBe('au premier semestre 2026');
  });
});

describe('describePublished', () => {
  it('GIVEN partial ISO dates THEN words at their precision', () => {
    expect(describePublished('2025-02', 'en')).toBe('February 2025');
    expect(describePublished('2025-02-13', 'fr')).toBe('13 février 2025');
    expect(describePublished('2025', 'en')).toBe('2025');
    expect(describePublished(null, 'en')).toBeNull();
  });
});
