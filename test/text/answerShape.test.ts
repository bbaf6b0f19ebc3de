import { describe, expect, it } from 'vitest';
import { answerShapeOf } from '../../src/text/answerShape';

describe('answerShapeOf', () => {
  it('GIVEN a question asking when, in what year or what century THEN its answer is written with a date, in either language', () => {
    expect(answerShapeOf('Quand le camp fut-il évacué ?', 'fr')).toBe('date');
    expect(answerShapeOf("En quelle année l'Espagne rejoint-elle la guerre ?", 'fr')).toBe('date');
    expect(answerShapeOf('À quel siècle la basilique a-t-elle été construite ?')).toBe('date');
    expect(answerShapeOf('When does the A350-1000 enter service?', 'en')).toBe('date');
  });

  it('GIVEN a question asking how many or how much THEN its answer is written with a number', () => {
    expect(answerShapeOf('Combien de prisonniers le camp comptait-il ?', 'fr')).toBe('number');
    expect(answerShapeOf('How many passengers can it carry?', 'en')).toBe('number');
  });

  it('GIVEN a question asking who, where or why, or no question THEN there is no shape to look for', () => {
    expect(answerShapeOf('Qui a racheté WhatsApp ?', 'fr')).toBeUndefined();
    expect(answerShapeOf('Où se trouve le siège du club ?', 'fr')).toBeUndefined();
    expect(answerShapeOf('Why was the launch delayed?', 'en')).toBeUndefined();
    expect(answerShapeOf('Stellantis batteries')).toBeUndefined();
  });
});
