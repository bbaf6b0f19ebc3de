import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HtmlArticle } from './htmlArticle';

/** A page sent to the HTML worker. */
export interface HtmlParseRequest {
  id: number;
  html: string;
  maxDepth: number;
}

/** What the HTML worker answers: the article, or the error extraction threw. */
export type HtmlParseResponse = { ready: true } | { id: number; article: HtmlArticle } | { id: number; error: string };

/** The article of a page, or why it could not be read. */
export type HtmlExtraction = { article: HtmlArticle } | { reason: string };

/** How pages are read: the deadline per page, the nesting bound, the worker's heap. */
export interface HtmlExtractorOptions {
  /** Longest a page may take to parse, in milliseconds (PARSE_TIMEOUT_MS). */
  timeoutMs: number;
  /** Deepest element nesting kept (see `boundHtmlNesting`). */
  maxDepth: number;
  /** Heap of the worker thread, in MiB: a page that needs more is skipped, not the process. Default 1024. */
  maxHeapMb?: number;
}

const HERE = fileURLToPath(import.meta.url);

/**
 * The worker's entry point beside this file. From TypeScript sources (tsx,
 * vitest) the worker first registers tsx, which worker threads do not
 * inherit; from compiled JavaScript it is loaded as is.
 */
function workerEntry(): URL {
  const extension = extname(HERE);
  const entry = new URL(`../articles/htmlWorker${extension}`, import.meta.url);
  if (extension !== '.ts') return entry;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

interface Pending {
  resolve(result: HtmlExtraction): void;
  timer: NodeJS.Timeout;
}

/**
 * Reads HTML pages in a worker thread with a deadline per page: Readability
 * is synchronous and, on some pages, far slower than linear, so a page that
 * takes longer than `timeoutMs` is given up (the thread is terminated and a
 * fresh one serves the next page) and reported with its reason, and the
 * load goes on. One page is parsed at a time. The thread starts with the
 * first page and does not keep the process alive; `close()` stops it.
 */
export class HtmlExtractor {
  private worker: { thread: Worker; ready: Promise<boolean> } | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: HtmlExtractorOptions) {}

  /** The article of one page, or the reason it was not read (too slow, too large, or extraction failed). */
  extract(html: string): Promise<HtmlExtraction> {
    const result = this.queue.then(() => this.send(html));
    this.queue = result;
    return result;
  }

  /** Stops the worker thread; a later `extract` starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.thread.terminate();
  }

  private async send(html: string): Promise<HtmlExtraction> {
    const worker = this.worker ?? this.start();
    if (!(await worker.ready)) return { reason: 'the HTML parser could not start' };
    const id = this.nextId++;
    return new Promise<HtmlExtraction>((resolve) => {
      const timer = setTimeout(() => {
        this.settle(id, { reason: `parsing took longer than ${this.options.timeoutMs} ms (PARSE_TIMEOUT_MS), so it was stopped` });
        void this.close();
      }, this.options.timeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.thread.postMessage({ id, html, maxDepth: this.options.maxDepth } satisfies HtmlParseRequest);
    });
  }

  private start(): { thread: Worker; ready: Promise<boolean> } {
    const heapMb = this.options.maxHeapMb ?? 1024;
    const thread = new Worker(workerEntry(), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    thread.unref();
    let started: (ok: boolean) => void = () => {};
    const worker = { thread, ready: new Promise<boolean>((resolve) => (started = resolve)) };
    const failAll = (why: string) => {
      started(false);
      if (this.worker === worker) this.worker = undefined;
      for (const id of [...this.pending.keys()]) this.settle(id, { reason: why });
    };
    thread.on('message', (response: HtmlParseResponse) => {
      if ('ready' in response) started(true);
      else this.settle(response.id, 'article' in response ? { article: response.article } : { reason: `could not parse the HTML (${response.error})` });
    });
    thread.on('error', (error: Error & { code?: string }) => {
      failAll(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `parsing needed more than ${heapMb} MiB of memory, so it was stopped`
          : `could not parse the HTML (${error.message})`,
      );
    });
    thread.on('exit', () => failAll('the HTML parser stopped before reading the page'));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, result: HtmlExtraction): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(result);
  }
}
