import { parentPort, workerData } from 'node:worker_threads';
import type { ArticleFacts } from '../facts/fact';
import type { Passage } from '../passages/passage';
import type { Article } from '../articles/article';
import { sketchStory } from '../articles/nearDuplicates';
import type { Language } from '../text/language';
import { analyzeTerms } from '../text/analyzeTerms';
import { TERM_SEPARATOR, type FactsAnswer, type FactsOutcome, type FactsRequest, type IngestWorkerData, type TermAnalysisAnswer, type TermAnalysisRequest } from './ingestPool';

type ExtractFacts = (article: Article, passages: Passage[]) => ArticleFacts;

const { factsModule } = (workerData ?? {}) as IngestWorkerData;
let extractor: Promise<ExtractFacts> | undefined;

/** The facts module's `extractFacts`, imported on the first batch of facts; a module that fails to load stops the worker (the pool then extracts on its own thread). */
function loadExtractor(): Promise<ExtractFacts> {
  extractor ??= (async () => {
    if (!factsModule) throw new Error('the ingest worker was started without a facts module');
    const loaded = (await import(factsModule)) as { extractFacts?: ExtractFacts };
    if (typeof loaded.extractFacts !== 'function') throw new Error(`${factsModule} exports no extractFacts function`);
    return loaded.extractFacts;
  })();
  return extractor;
}

function analyze({ id, texts, languages }: TermAnalysisRequest): void {
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
}

async function extract({ id, items }: FactsRequest): Promise<void> {
  const extractFacts = await loadExtractor();
  const outcomes = items.map(({ article, passages }): FactsOutcome => {
    try {
      return extractFacts(article, passages.map(({ id, articleId, ordinal, start, end }) => ({ id, articleId, ordinal, start, end, text: article.text.slice(start, end) })));
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  const sketches = items.map(({ article }) => sketchStory(article.text));
  parentPort?.postMessage({ id, outcomes, sketches } satisfies FactsAnswer);
}

/** The worker side of {@link IngestPool}: the terms of each text (as indexes into the batch's distinct terms), the facts and story sketch of each article. */
parentPort?.on('message', (request: TermAnalysisRequest | FactsRequest) => {
  if (request.kind === 'terms') analyze(request);
  else void extract(request).catch((error: unknown) => setImmediate(() => { throw error; }));
});
parentPort?.postMessage({ ready: true });
