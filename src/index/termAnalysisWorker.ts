import { parentPort } from 'node:worker_threads';
import type { Language } from '../articles/article';
import { analyzeTerms } from '../text/analyzeTerms';
import { DOCUMENT_SEPARATOR, TERM_SEPARATOR, type TermAnalysisRequest } from './termAnalysisPool';

/** The worker side of {@link TermAnalysisPool}: the terms of each text, packed into one string per batch. */
parentPort?.on('message', ({ id, texts, languages }: TermAnalysisRequest) => {
  const terms = texts.map((text, i) => analyzeTerms(text, languages[i] as Language).join(TERM_SEPARATOR)).join(DOCUMENT_SEPARATOR);
  parentPort?.postMessage({ id, terms });
});
parentPort?.postMessage({ ready: true });
