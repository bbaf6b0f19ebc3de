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

  it('GIVEN any question THEN search reads the same type as question reading (a date, a count or an amount has a shape, nothing else)', () => {
    const shapes = { date: 'date', count: 'number', amount: 'number' } as Record<string, string | undefined>;
    for (const [question, language] of [
      ['Quand le camp fut-il évacué ?', 'fr'],
      ['Combien coûte la Xbox Series S ?', 'fr'],
      ['Qui a racheté WhatsApp ?', 'fr'],
      ['What did the deal cost when it was signed?', 'en'],
      ['Which city hosts the summit?', 'en'],
      ['Quel âge a la reine ?', 'fr'],
    ] as const) {
      expect(answerShapeOf(question, language), question).toBe(shapes[expectedAnswerType(question, language)]);
    }
  });
});
