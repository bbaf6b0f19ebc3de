import type { Language } from '../text/language';

/**
 * One news article as Scoop knows it. `text` is the citable body: every
 * passage and citation offset points into it, so it is never rewritten after
 * loading (offsets are UTF-16 code unit indices, as JavaScript strings use).
 */
export interface Article {
  /** Stable id derived from the article's content (hex). */
  id: string;
  /** Path relative to the corpus folder; for JSONL, `NAME.jsonl#LINE` with LINE from 1. */
  source: string;
  title: string;
  language: Language;
  /**
   * Publication date as a partial ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`),
   * or null when unknown.
   */
  published: string | null;
  url: string | null;
  /** The outlet that published it (a fetched article's site name); absent for files that do not say. */
  outlet?: string;
  text: string;
}

/** Why a file or a JSONL line was not loaded. */
export interface SkippedInput {
  source: string;
  /** JSONL line number, from 1. */
  line?: number;
  reason: string;
}

/** What loading a corpus folder produced. */
export interface CorpusLoad {
  articles: Article[];
  skipped: SkippedInput[];
}
