import { describe, expect, it } from 'vitest';
import { answerShapeOf } from '../../src/text/answerShape';
import { expectedAnswerType } from '../../src/text/expectedAnswerType';

describe('expectedAnswerType', () => {
  it('GIVEN « Quel âge » or "How old" THEN a count is asked, and search looks for a number', () => {
    for (const [question, language] of [
      ['Quel âge a-t-il ?', 'fr'],
      ['Quel âge a Lucas Meurlet ?', 'fr'],
      ['How old is the hiker?', 'en'],
    ] as const) {
      expect(expectedAnswerType(question, language), question).toBe('count');
      expect(answerShapeOf(question, language), question).toBe('number');
    }
  });

  it('GIVEN a determiner before the asked noun THEN the noun still gives the type (« quelle est la date », « quelle est l’année », "what is its price")', () => {
    expect(expectedAnswerType('Quelle est la ville hôte ?', 'fr')).toBe('place');
    expect(expectedAnswerType("Quelle est l'année de sortie ?", 'fr')).toBe('date');
    expect(expectedAnswerType('What is its price?', 'en')).toBe('amount');
    expect(expectedAnswerType('Quel est le nouveau Premier ministre ?', 'fr')).toBe('person');
  });

  it('GIVEN questions of each kind THEN search reads the shape of the answer asked (a date, a number, or none)', () => {
    const expected: Array<[string, 'fr' | 'en', string | undefined]> = [
      ['Quand le camp fut-il évacué ?', 'fr', 'date'],
      ['Combien coûte la Xbox Series S ?', 'fr', 'number'],
      ['Qui a racheté WhatsApp ?', 'fr', undefined],
      ['How much did the deal cost?', 'en', 'number'],
      ['Which city hosts the summit?', 'en', undefined],
      ['Quel âge a la reine ?', 'fr', 'number'],
    ];
    for (const [question, language, shape] of expected) expect(answerShapeOf(question, language), question).toBe(shape);
  });

  it('GIVEN an English « which » compound THEN its head noun says the type ("which car company" is a company, not a car)', () => {
    expect(expectedAnswerType('Which car company bought Opel?', 'en')).toBe('organisation');
    expect(expectedAnswerType('Which reasoning model will OpenAI ship?', 'en')).toBe(expectedAnswerType('Which model will OpenAI ship?', 'en'));
  });

  it('GIVEN a « quel X » whose noun is in quotes or missing THEN it is an open question, not yes or no', () => {
    expect(expectedAnswerType('Quelle est la nouvelle « star » du PSG ?', 'fr')).not.toBe('yes-no');
    expect(expectedAnswerType('Quel est le premier ?', 'fr')).not.toBe('yes-no');
  });
});
