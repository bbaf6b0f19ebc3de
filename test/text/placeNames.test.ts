import { describe, expect, it } from 'vitest';
import { isKnownPlace, otherPlaceSpellings } from '../../src/text/placeNames';

describe('place names across French and English', () => {
  it('GIVEN a country in English THEN its French name, from the platform, in any case and with dashes as spaces', () => {
    expect(otherPlaceSpellings('New Zealand')).toContain('nouvelle zelande');
    expect(otherPlaceSpellings('Nouvelle-Zélande')).toContain('new zealand');
    expect(otherPlaceSpellings('États-Unis')).toEqual(expect.arrayContaining(['united states', 'us', 'usa']));
  });

  it('GIVEN a city the platform does not name THEN the vocabularies pair it', () => {
    expect(otherPlaceSpellings('Londres')).toContain('london');
    expect(isKnownPlace('Pékin')).toBe(true);
  });

  it('GIVEN a word that names no place THEN no other spelling', () => {
    expect(otherPlaceSpellings('Renault')).toEqual([]);
    expect(isKnownPlace('Techno-Classica')).toBe(false);
  });
});
