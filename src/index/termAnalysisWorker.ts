import { parentPort } from 'node:worker_threads';
import type { Language } from '../articles/article';
import { analyzeTerms } from '../text/analyzeTerms';
import { TERM_SEPARATOR, type TermAnalysisAnswer, type TermAnalysisRequest } from './termAnalysisPool';

/** The worker side of {@link TermAnalysisPool}: the terms of each text, as indexes into the batch's distinct terms. */
parentPort?.on('message', ({ id, texts, languages }: TermAnalysisRequest) => {
  const indexOf = new Map<string, number>();
  const distinct: string[] = [];
  const counts = new Int32Array(texts.length);
  const indexes: number[] = [];
  texts.forEach((text, i) => {
    const terms = analyzeTerms(text, languages[i] as Language);
    counts[i] = terms.length;
    for (const term of terms) {
      let index = indexOf.get(term);
      if (index === undefined) {
        index = distinct.length;
        indexOf.set(term, index);
        distinct.push(term);
      }
      indexes.push(index);
    }
  });
  const termIndexes = Int32Array.from(indexes);
  const answer: TermAnalysisAnswer = { id, distinct: distinct.join(TERM_SEPARATOR), distinctCount: distinct.length, counts, termIndexes };
  parentPort?.postMessage(answer, [counts.buffer, termIndexes.buffer]);
});
parentPort?.postMessage({ ready: true });
