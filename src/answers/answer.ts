import type { Language } from '../text/language';
import type { SearchHit } from '../retrieval/searchHit';
import type { Citation } from '../passages/citation';

/** What a question asks for. */
export type QuestionKind = 'date' | 'partnership' | 'fact';

/** A citation as numbered in an answer's text (`[n]`). */
export interface NumberedCitation extends Citation {
  n: number;
}

/** Scoop's reply to one question. */
export interface Answer {
  question: string;
  /**
   * The question as Scoop read it: the question itself, or for a follow-up
   * ("and GPT-4.5?") the earlier question with the new subject. A later
   * follow-up is read against this.
   */
  standaloneQuestion: string;
  language: Exclude<Language, 'und'>;
  kind: QuestionKind;
  /** Short answer first, then its support, with `[n]` markers that all exist in `citations`. */
  answer: string;
  /** The short answer alone ("fin mai 2025", "Microsoft", "1 299 euros"); null when declining, and for a text that asks nothing (a headline), which is only read. */
  value: string | null;
  /** How sure the answerer is of `value`, 0 to 1 (0 when declining); for a headline read with no value, how much of it the quoted sentence holds. */
  confidence: number;
  /** True when the articles do not answer the question. */
  abstained: boolean;
  citations: NumberedCitation[];
  /** Closest passages, offered as related reading (mainly when abstaining). */
  related: SearchHit[];
  /** Milliseconds spent in each step. */
  timings: Record<string, number>;
}
