import type { Language } from './language';
import { foldForMatching } from './foldForMatching';
import { VOCABULARIES, typeOfNoun, type AnswerType } from './vocabulary';

/** How a question's answer is written, as search can see it in a passage: with a date (a year, a month, a century) or with a number. */
export type AnswerShape = 'date' | 'number';

const WHICH_NOUN = /(?:^|[^\p{L}])(?:quel|quelle|quels|quelles|what|which)\s+(?:(?:est|sont|etait|etaient|fut|furent|is|are|was|were)\s+)?(?:(?:le|la|les|l'|the)\s?)?(\p{L}+)/u;

const SHAPES: Partial<Record<AnswerType, AnswerShape>> = { date: 'date', count: 'number', amount: 'number' };

/**
 * The shape of the answer `question` asks for, from its first question word
 * in the vocabularies (« Quand », « En quelle année », « Combien », "How
 * many", « Quel siècle »): the earliest one decides, as in question reading.
 * Undefined for any other question (who, where, why...) or none.
 */
export function answerShapeOf(question: string, language?: Language): AnswerShape | undefined {
  const folded = foldForMatching(question).replace(/\s+/g, ' ');
  const languages = language === 'fr' || language === 'en' ? [language] : (['fr', 'en'] as const);
  let earliest: { at: number; type: AnswerType | undefined } | undefined;
  const consider = (at: number, type: AnswerType | undefined) => {
    if (!earliest || at < earliest.at) earliest = { at, type };
  };
  for (const code of languages) {
    const vocabulary = VOCABULARIES[code];
    for (const [pattern, type] of vocabulary.questionOpeners) {
      const match = pattern.exec(folded);
      if (match) consider(match.index, type);
    }
    const which = WHICH_NOUN.exec(folded);
    if (which) consider(which.index, typeOfNoun(which[1], [vocabulary]));
  }
  const type = (earliest as { type: AnswerType | undefined } | undefined)?.type;
  return type === undefined ? undefined : SHAPES[type];
}
