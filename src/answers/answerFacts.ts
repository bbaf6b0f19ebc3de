import type { FactBook } from '../facts/factBook';

/** The facts the answerer reads: what `/timeline` and `/partners` show, and the code names. */
export type AnswerFacts = Pick<FactBook, 'timeline' | 'partners' | 'knows' | 'aliases' | 'aliasesOf' | 'findNames'>;
