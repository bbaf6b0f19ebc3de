import { describe, expect, it } from 'vitest';
import { containsWords, dateForms, matchesExpected, valueTokens } from '../../src/evaluation/expectedValues';
import { answerTokens, containsFolded, exactMatch, shortAnswerOf, tokenF1 } from '../../src/evaluation/shortAnswerMetrics';

describe('SQuAD-style short-answer scoring', () => {
  it('GIVEN case, accents, punctuation and articles that differ THEN the words compared are the same', () => {
    expect(answerTokens("L'Élysée, le 3 mai !")).toEqual(['elysee', '3', 'mai']);
    expect(exactMatch('le Conseil d’État', 'Conseil d État')).toBe(true);
  });

  it('GIVEN a prediction with one of two gold words and one extra word THEN F1 is 0.5', () => {
    expect(tokenF1('Paris France', 'Paris Texas')).toBeCloseTo(0.5, 10);
  });

  it('GIVEN a prediction holding the gold answer among other words THEN F1 is between 0 and 1 and exact match fails', () => {
    expect(tokenF1('en 1998 au Brésil', '1998')).toBeCloseTo(0.4, 10);
    expect(exactMatch('en 1998 au Brésil', '1998')).toBe(false);
  });

  it('GIVEN repeated words THEN each gold word is matched once', () => {
    expect(tokenF1('mai mai mai', 'mai')).toBeCloseTo(0.5, 10);
  });

  it('GIVEN an empty prediction THEN F1 is 0, and only an empty gold answer gives 1', () => {
    expect(tokenF1('', '100 000')).toBe(0);
    expect(tokenF1('le', 'la')).toBe(1);
  });

  it("GIVEN an answer with a value THEN the value is scored; without one (or a blank one) THEN the answer's first line", () => {
    expect(shortAnswerOf({ answer: 'Le 4 octobre 2020 [1]\nSupport', value: '4 octobre 2020' })).toBe('4 octobre 2020');
    expect(shortAnswerOf({ answer: 'Le 4 octobre 2020 [1]\nSupport' })).toBe('Le 4 octobre 2020 [1]');
    expect(shortAnswerOf({ answer: 'First line\nsecond', value: null })).toBe('First line');
    expect(shortAnswerOf({ answer: 'First line\nsecond', value: '  ' })).toBe('First line');
  });

  it('GIVEN a gold answer with other accents and case THEN it is found in the line that holds it', () => {
    expect(containsFolded('Elle fut fondée par Émile Zola.', 'emile zola')).toBe(true);
    expect(containsFolded('Elle fut fondée par Zola.', 'Émile Zola')).toBe(false);
  });
});

describe('expected values', () => {
  it('GIVEN amounts written with other separators and currency words THEN they match', () => {
    expect(matchesExpected('à partir de 48 000 euros (420i)', ['48 000 €'])).toBe(true);
    expect(matchesExpected('€48,000', ['48 000 €'])).toBe(false);
    expect(matchesExpected('€48,000', ['€48,000'])).toBe(true);
    expect(matchesExpected('157.632 candidats', ['157 632'])).toBe(true);
    expect(matchesExpected('5,99 dollars par mois', ['$5.99'])).toBe(false);
    expect(matchesExpected('5,99 dollars par mois', ['5.99 dollars'])).toBe(true);
  });

  it('GIVEN an amount in another currency THEN it does not match', () => {
    expect(matchesExpected('135 dollars', ['135 €', '135 euros'])).toBe(false);
  });

  it('GIVEN a number inside a longer one THEN it does not match: values match as whole words', () => {
    expect(matchesExpected('121 cas', ['21'])).toBe(false);
    expect(matchesExpected('seulement 21 cas', ['21'])).toBe(true);
    expect(matchesExpected('2033', ['2024'])).toBe(false);
  });

  it('GIVEN plural magnitudes THEN singular forms match them', () => {
    expect(valueTokens("600 millions d'euros")).toEqual(['600', 'million', 'eur']);
    expect(containsWords(valueTokens('un investissement de 600 millions d’euros'), valueTokens('600 million euros'))).toBe(true);
  });

  it('GIVEN a full ISO date THEN French and English forms with the year are accepted, and a form without the year is not among them', () => {
    const forms = dateForms('2020-10-04');
    expect(forms).toEqual(expect.arrayContaining(['2020-10-04', '4 octobre 2020', 'October 4, 2020', '4 October 2020', '04/10/2020']));
    expect(matchesExpected('Le 4 octobre 2020', forms)).toBe(true);
    expect(matchesExpected('4 octobre', forms)).toBe(false);
    expect(matchesExpected('October 4th, 2020', forms)).toBe(true);
  });

  it('GIVEN the first of a month THEN "1er" is accepted', () => {
    expect(matchesExpected('le 1er juin 2019', dateForms('2019-06-01'))).toBe(true);
  });

  it('GIVEN a month or a year THEN its forms are the month and year, or the year', () => {
    expect(dateForms('2020-09')).toEqual(['2020-09', 'septembre 2020', 'September 2020']);
    expect(dateForms('2022')).toEqual(['2022']);
    expect(dateForms('2020-13-01')).toEqual([]);
    expect(dateForms('soon')).toEqual([]);
  });
});
