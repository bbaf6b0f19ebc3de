import type { FactBook } from '../facts/factBook';

/** The facts the answerer reads: what `/timeline` and `/partners` show, the code names, and which names are places, and the kind the corpus gives a name. */
export type AnswerFacts = Pick<FactBook, 'timeline' | 'partners' | 'knows' | 'aliases' | 'aliasesOf' | 'findNames' | 'isPlace' | 'kindOf'>;
