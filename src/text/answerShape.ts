import { detectLanguage } from './detectLanguage';
import { expectedAnswerType } from './expectedAnswerType';
import type { Language } from './language';
import type { AnswerType } from './vocabulary';

/** How a question's answer is written, as search can see it in a passage: with a date (a year, a month, a century) or with a number. */
export type AnswerShape = 'date' | 'number';

const SHAPES: Partial<Record<AnswerType, AnswerShape>> = { date: 'date', count: 'number', amount: 'number' };

/**
 * The shape of the answer `question` asks for, from the answer type question
 * reading gives it ({@link expectedAnswerType}: « Quand », « En quelle année »,
 * « Combien », "How many", « Quel âge »...). Undefined for any other question
 * (who, where, why...) or none.
 */
export function answerShapeOf(question: string, language?: Language): AnswerShape | undefined {
  const code = language === 'fr' || language === 'en' ? language : detectLanguage(question) === 'en' ? 'en' : 'fr';
  return SHAPES[expectedAnswerType(question, code)];
}
