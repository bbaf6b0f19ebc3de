import type { SearchHit } from '../retrieval/searchHit';
import type { AnswerType } from '../text/vocabulary';
import type { NumberedCitation } from './answer';
import type { QuestionAnalysis } from './analyzeQuestion';
import type { AnswerFacts } from './answerFacts';
import type { QuestionReading } from './readQuestion';

/** What kind of value a finding gives: a typed short answer, one of the fact book's structured answers, or what a name is ("who is X?"). */
export type FindingType = AnswerType | 'timeline' | 'partnership' | 'code-name' | 'reading' | 'description';

/** What one answering strategy found: the short answer, its type, its support and how sure it is. */
export interface Finding {
  /** The strategy that found it (for logs and evaluation). */
  strategy: string;
  type: FindingType;
  /** The short answer ("fin mai 2025", "Microsoft", "1 299 euros"); null for a plain reading of what the articles say (a headline asks for no value). */
  value: string | null;
  /** 0 to 1. */
  confidence: number;
  /** The reply, short answer first, with `[n]` markers that all exist in `citations`. */
  text: string;
  citations: NumberedCitation[];
}

/** Everything a strategy reads: the question (both readings), the retrieved passages and the fact book. */
export interface AnswerContext {
  /** The question as read, in the question's own language (its words are read with that language's vocabulary). */
  analysis: QuestionAnalysis;
  reading: QuestionReading;
  /** The language the reply is worded in: the question's, or the one the caller asked for (a server's setting). */
  replyLanguage: 'fr' | 'en';
  hits: SearchHit[];
  facts: AnswerFacts;
  /** Code names the articles gave (folded alias → subject). */
  aliases: ReadonlyMap<string, string>;
}

/** Why no strategy answered: the focus is named by no article read, or nothing states the answer. */
export type Miss = { reason: 'focus-absent'; name: string } | { reason: 'not-stated' };

/** One way of answering; strategies are tried in order and the first finding wins. */
export interface AnswerStrategy {
  name: string;
  find(context: AnswerContext): Finding | Miss | null;
}
