import { describe, expect, it } from 'vitest';
import { normalisePublished } from '../../src/articles/normalisePublished';

describe('normalisePublished', () => {
  it.each([
    ['2025', '2025'],
    ['2025-02', '2025-02'],
    ['2025-02-14', '2025-02-14'],
    ['2025-2-4', '2025-02-04'],
    ['2025-02-14T09:30:00+01:00', '2025-02-14'],
    ['2025-02-14T23:30:00-05:00', '2025-02-14'],
    ['2025-02-14T09:30:00Z', '2025-02-14'],
    ['2025-02-14 09:30:00', '2025-02-14'],
    ['2025/02/14', '2025-02-14'],
    ['14/02/2025', '2025-02-14'],
    ['14.02.2025', '2025-02-14'],
    ['14 février 2025', '2025-02-14'],
    ['1er mars 2024', '2024-03-01'],
    ['février 2025', '2025-02'],
    ['February 14, 2025', '2025-02-14'],
    ['Fri, 14 Feb 2025 10:00:00 GMT', '2025-02-14'],
    ['  2024-12-11 ', '2024-12-11'],
  ])('GIVEN %j THEN %s', (input, expected) => {
    expect(normalisePublished(input)).toBe(expected);
  });

  it.each([['2025-02-30'], ['2025-13'], ['2023-02-29'], ['hier soir'], ['not a date'], [''], ['14/13/2025'], ['99999']])(
    'GIVEN the invalid date %j THEN null',
    (input) => {
      expect(normalisePublished(input)).toBeNull();
    },
  );

  it('GIVEN a leap day, a year as a number or a Date THEN they are accepted', () => {
    expect(normalisePublished('2024-02-29')).toBe('2024-02-29');
    expect(normalisePublished(2025)).toBe('2025');
    expect(normalisePublished(new Date(Date.UTC(2025, 1, 14)))).toBe('2025-02-14');
  });

  it('GIVEN a value that is not a date at all THEN null', () => {
    expect(normalisePublished(null)).toBeNull();
    expect(normalisePublished({ year: 2025 })).toBeNull();
    expect(normalisePublished(new Date('nonsense'))).toBeNull();
  });
});
