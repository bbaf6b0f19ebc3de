import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Language } from '../articles/article';
import { analyzeTerms } from '../text/analyzeTerms';
import type { LexicalDocument } from './lexicalIndex';

/** A batch of texts sent to a worker. */
export interface TermAnalysisRequest {
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

/** Separator of the packed distinct terms. */
export const TERM_SEPARATOR = '\u0001';

const BATCH = 512;
const IN_FLIGHT_PER_WORKER = 3;

/** The worker's module beside this one; from TypeScript sources (tsx, vitest) it registers tsx first, which workers do not inherit. */
function workerEntry(): URL {
  const here = fileURLToPath(import.meta.url);
  const entry = new URL(`../index/termAnalysisWorker${extname(here)}`, import.meta.url);
  if (extname(here) !== '.ts') return entry;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`)}`);
}

interface PoolWorker {
  thread: Worker;
  ready: Promise<void>;
  pending: Map<number, (answer: TermAnalysisAnswer | Error) => void>;
  /** The thread stopped: its batches are analysed on the calling thread. */
  dead: boolean;
}

/**
 * Analyses the texts of many passages (`analyzeTerms`, the terms BM25 indexes)
 * on worker threads, one per core, while the calling thread goes on (with
 * fact extraction, then the postings). The terms are exactly those
 * `analyzeTerms` gives on the calling thread; a worker that fails is
 * replaced by analysing its batches here, so an analysis never fails.
 */
export class TermAnalysisPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 1;
  /** One string per distinct term, as the stemmer's cache gives on the calling thread: the terms of 50k passages hold a few million occurrences. */
  private readonly interned = new Map<string, string>();

  constructor(private readonly threads = Math.min(4, availableParallelism())) {}

  /**
   * Fills `terms` on every document that lacks them. Batches are
   * dispatched at once (a few per worker at a time) and each is handed to
   * `onBatch` in document order as soon as it and those before it are done.
   */
  async analyze(documents: LexicalDocument[], onBatch: (batch: LexicalDocument[]) => void = () => undefined): Promise<void> {
    const batches: LexicalDocument[][] = [];
    for (let from = 0; from < documents.length; from += BATCH) batches.push(documents.slice(from, from + BATCH));
    const settled = batches.map(() => {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((done) => (resolve = done));
      return { promise, resolve };
    });
    let next = 0;
    const pump = async (): Promise<void> => {
      while (next < batches.length) {
        const index = next++;
        await this.run(this.workerFor(index), batches[index]);
        settled[index].resolve();
      }
    };
    const pumps = Array.from({ length: Math.min(batches.length, this.threads * IN_FLIGHT_PER_WORKER) }, pump);
    for (let i = 0; i < batches.length; i += 1) {
      await settled[i].promise;
      onBatch(batches[i]);
    }
    await Promise.all(pumps);
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
  }

  private workerFor(batch: number): PoolWorker {
    const slot = batch % this.threads;
    this.workers[slot] ??= this.start();
    return this.workers[slot];
  }

  private start(): PoolWorker {
    const thread = new Worker(workerEntry());
    thread.unref();
    const pending = new Map<number, (answer: TermAnalysisAnswer | Error) => void>();
    let ready: () => void = () => undefined;
    const worker: PoolWorker = { thread, pending, dead: false, ready: new Promise<void>((resolve) => (ready = resolve)) };
    const fail = (error: Error) => {
      worker.dead = true;
      ready();
      for (const settle of pending.values()) settle(error);
      pending.clear();
    };
    thread.on('message', (message: { ready: true } | TermAnalysisAnswer) => {
      if ('ready' in message) return ready();
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message);
    });
    thread.on('error', fail);
    thread.on('exit', () => fail(new Error('the term analysis worker stopped')));
    return worker;
  }

  private async run(worker: PoolWorker, batch: LexicalDocument[]): Promise<void> {
    const todo = batch.filter((document) => document.terms === undefined);
    if (todo.length === 0) return;
    await worker.ready;
    const id = this.nextId++;
    const answer = worker.dead ? new Error('no worker') : await new Promise<TermAnalysisAnswer | Error>((resolve) => {
      worker.pending.set(id, resolve);
      worker.thread.postMessage({ id, texts: todo.map((d) => d.text), languages: todo.map((d) => d.language) } satisfies TermAnalysisRequest);
    });
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
