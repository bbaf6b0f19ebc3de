import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../articles/article';
import { rememberSketch, sketchOf, type StorySketch } from '../articles/nearDuplicates';
import type { Language } from '../text/language';
import type { ArticleFacts } from '../facts/fact';
import type { Passage } from '../passages/passage';
import { analyzeTerms } from '../text/analyzeTerms';
import type { LexicalDocument } from './lexicalIndex';

/** A batch of texts sent to a worker. */
export interface TermAnalysisRequest {
  kind: 'terms';
  id: number;
  texts: string[];
  languages: Language[];
}

/**
 * A worker's answer: the batch's distinct terms, joined by {@link TERM_SEPARATOR}
 * (terms never hold control characters), and each text's terms as indexes
 * into them, text after text, `counts[i]` for text `i`. The calling thread
 * then hashes each distinct term once per batch, not every occurrence.
 */
export interface TermAnalysisAnswer {
  id: number;
  distinct: string;
  distinctCount: number;
  counts: Int32Array;
  termIndexes: Int32Array;
}

/** An article and its passages, whose facts a worker extracts. */
export interface FactsInput {
  article: Article;
  passages: Passage[];
}

/** The facts of one article, or why the extractor threw on it. */
export type FactsOutcome = ArticleFacts | { error: string };

/** A batch of articles whose facts a worker extracts; their passages are sent without their text, which is always a slice of the article's. */
export interface FactsRequest {
  kind: 'facts';
  id: number;
  items: { article: Article; passages: Omit<Passage, 'text'>[] }[];
}

/** A worker's answer to a {@link FactsRequest}: one outcome per article, in order, and each article's story sketch (see `sketchOf`). */
export interface FactsAnswer {
  id: number;
  outcomes: FactsOutcome[];
  sketches: StorySketch[];
}

/** What a worker is started with. */
export interface IngestWorkerData {
  /** URL of the module whose `extractFacts(article, passages)` the worker runs; none extracts no facts. */
  factsModule?: string;
}

/** Separator of the packed distinct terms. */
export const TERM_SEPARATOR = '\u0001';

const TERM_BATCH = 512;
const FACTS_BATCH = 16;
const IN_FLIGHT_PER_WORKER = 3;

/**
 * Each worker's heap, kept small so that its garbage is collected early (a
 * worker holds a few batches and the analysers' caches): left to V8's
 * defaults, the workers' heaps grow to more than the build keeps. A worker
 * that runs out stops, and its batches are done on the calling thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/**
 * Worker threads a pool starts by default: one core is left to the calling
 * thread, which indexes the analysed passages and takes its share of the
 * facts (at most 4, at least 1). A worker more than the cores costs its own
 * start-up, extractor warm-up and heap (about 50 MB) and gains nothing.
 */
export function defaultIngestThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** The worker's module beside this one; from TypeScript sources (tsx, vitest) it registers tsx first, which workers do not inherit. */
function workerEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  const entry = new URL(`../index/ingestWorker${extname(here)}`, import.meta.url);
  if (extname(here) !== '.ts') return entry;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`)}`);
}

interface PoolWorker {
  thread: Worker;
  ready: Promise<void>;
  pending: Map<number, (answer: TermAnalysisAnswer | FactsAnswer | Error) => void>;
  /** The thread stopped: its batches are done on the calling thread. */
  dead: boolean;
}

/**
 * Worker threads, one per core, that do the CPU-bound part of indexing new
 * articles while the calling thread goes on: analysing the terms of their
 * passages (`analyzeTerms`, the terms BM25 indexes) and extracting their
 * facts (the `extractFacts` of the module given). The results are exactly
 * those the calling thread would get; a worker that fails is replaced by
 * doing its batches on the calling thread, so the work never fails.
 */
export class IngestPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 1;
  private nextSlot = 0;
  private closing = false;
  /** One string per distinct term, as the stemmer's cache gives on the calling thread: the terms of 50k passages hold a few million occurrences. */
  private readonly interned = new Map<string, string>();

  /**
   * @param threads worker threads (default {@link defaultIngestThreads})
   * @param factsModule URL of the module exporting `extractFacts(article, passages)`, needed by {@link extractFacts}
   * @param warn told once for each worker that stops before it is closed (its batches are then done on the calling thread)
   */
  constructor(
    private readonly threads = defaultIngestThreads(),
    private readonly factsModule?: URL,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /**
   * Fills `terms` on every document that lacks them. Batches are
   * dispatched at once (a few per worker at a time) and each is handed to
   * `onBatch` in document order as soon as it and those before it are done.
   */
  async analyze(documents: LexicalDocument[], onBatch: (batch: LexicalDocument[]) => void = () => undefined): Promise<void> {
    await this.inOrder(documents, TERM_BATCH, (worker, batch) => this.runTerms(worker, batch), (batch) => onBatch(batch));
  }

  /**
   * Extracts the facts of every item on the workers (and sketches each
   * article's story, so that writing the passage table finds the sketches
   * made, see `sketchOf`), handing each batch's
   * outcomes to `onBatch` in item order; a batch whose worker failed (or
   * without a facts module) comes with an Error instead, for the caller to
   * extract on its own thread. With `extractHere`, this thread takes its
   * share of the batches too (once `hereFrom` settles, when given), one at
   * a time, letting the event loop run between two.
   */
  async extractFacts(
    items: readonly FactsInput[],
    onBatch: (batch: FactsInput[], outcomes: FactsOutcome[] | Error) => void,
    extractHere?: (item: FactsInput) => FactsOutcome,
    hereFrom?: Promise<void>,
  ): Promise<void> {
    const here = extractHere && ((batch: FactsInput[]) => batch.map((item) => {
      sketchOf(item.article);
      return extractHere(item);
    }));
    await this.inOrder(items, FACTS_BATCH, (worker, batch) => this.runFacts(worker, batch), onBatch, here, hereFrom);
  }

  /** The worker threads this pool runs (started on first use). */
  get threadCount(): number {
    return this.threads;
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    this.closing = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
  }

  private async inOrder<T, R>(
    items: readonly T[],
    size: number,
    run: (worker: PoolWorker, batch: T[]) => Promise<R>,
    onBatch: (batch: T[], result: R) => void,
    runHere?: (batch: T[]) => R,
    hereFrom?: Promise<void>,
  ): Promise<void> {
    const batches: T[][] = [];
    for (let from = 0; from < items.length; from += size) batches.push(items.slice(from, from + size));
    const settled = batches.map(() => {
      let resolve: (result: R) => void = () => undefined;
      const promise = new Promise<R>((done) => (resolve = done));
      return { promise, resolve };
    });
    let next = 0;
    const pump = async (): Promise<void> => {
      while (next < batches.length) {
        const index = next++;
        settled[index].resolve(await run(this.nextWorker(), batches[index]));
      }
    };
    const pumpHere = async (): Promise<void> => {
      if (!runHere) return;
      await hereFrom;
      while (next < batches.length) {
        const index = next++;
        settled[index].resolve(runHere(batches[index]));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    const pumps = Array.from({ length: Math.min(batches.length, this.threads * IN_FLIGHT_PER_WORKER) }, pump);
    pumps.push(pumpHere());
    try {
      for (let i = 0; i < batches.length; i += 1) onBatch(batches[i], await settled[i].promise);
    } catch (error) {
      next = batches.length;
      await Promise.allSettled(pumps);
      throw error;
    }
    await Promise.all(pumps);
  }

  private nextWorker(): PoolWorker {
    const slot = this.nextSlot;
    this.nextSlot = (slot + 1) % this.threads;
    this.workers[slot] ??= this.start();
    return this.workers[slot];
  }

  private start(): PoolWorker {
    const workerData: IngestWorkerData = { factsModule: this.factsModule?.href };
    const thread = new Worker(workerEntry(), { workerData, resourceLimits: WORKER_LIMITS });
    thread.unref();
    const pending: PoolWorker['pending'] = new Map();
    let ready: () => void = () => undefined;
    const worker: PoolWorker = { thread, pending, dead: false, ready: new Promise<void>((resolve) => (ready = resolve)) };
    const fail = (error: Error) => {
      if (!worker.dead && !this.closing) this.warn(`an indexing worker stopped (${error.message}); its work goes on on the main thread`);
      worker.dead = true;
      ready();
      for (const settle of pending.values()) settle(error);
      pending.clear();
    };
    thread.on('message', (message: { ready: true } | TermAnalysisAnswer | FactsAnswer) => {
      if ('ready' in message) return ready();
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message);
    });
    thread.on('error', fail);
    thread.on('exit', () => fail(new Error('the ingest worker stopped')));
    return worker;
  }

  private async ask<A>(worker: PoolWorker, request: TermAnalysisRequest | FactsRequest): Promise<A | Error> {
    await worker.ready;
    if (worker.dead) return new Error('no worker');
    return new Promise<A | Error>((resolve) => {
      worker.pending.set(request.id, resolve as (answer: TermAnalysisAnswer | FactsAnswer | Error) => void);
      worker.thread.postMessage(request);
    });
  }

  private async runFacts(worker: PoolWorker, batch: FactsInput[]): Promise<FactsOutcome[] | Error> {
    if (!this.factsModule) return new Error('no facts module');
    const items = batch.map(({ article, passages }) => ({ article, passages: passages.map(({ text: _text, ...span }) => span) }));
    const answer = await this.ask<FactsAnswer>(worker, { kind: 'facts', id: this.nextId++, items });
    if (answer instanceof Error) return answer;
    batch.forEach(({ article }, i) => rememberSketch(article.id, answer.sketches[i]));
    return answer.outcomes;
  }

  private async runTerms(worker: PoolWorker, batch: LexicalDocument[]): Promise<void> {
    const todo = batch.filter((document) => document.terms === undefined);
    if (todo.length === 0) return;
    const request: TermAnalysisRequest = { kind: 'terms', id: this.nextId++, texts: todo.map((d) => d.text), languages: todo.map((d) => d.language) };
    const answer = await this.ask<TermAnalysisAnswer>(worker, request);
    if (answer instanceof Error) {
      for (const document of todo) document.terms = analyzeTerms(document.text, document.language);
      return;
    }
    const distinct = answer.distinctCount === 0 ? [] : answer.distinct.split(TERM_SEPARATOR).map((term) => this.intern(term));
    let at = 0;
    todo.forEach((document, i) => {
      const terms = new Array<string>(answer.counts[i]);
      for (let k = 0; k < terms.length; k += 1) terms[k] = distinct[answer.termIndexes[at + k]];
      at += terms.length;
      document.terms = terms;
    });
  }

  private intern(term: string): string {
    const known = this.interned.get(term);
    if (known !== undefined) return known;
    this.interned.set(term, term);
    return term;
  }
}
