import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';

/** The shape of an HNSW graph to build. */
export interface GraphParameters {
  dimensions: number;
  m: number;
  efConstruction: number;
  seed: number;
  /** Elements the graph is sized for. */
  capacity: number;
}

/**
 * Builds an HNSW graph (cosine space) from vectors fed in batches, each row
 * getting the next label from `firstLabel` on. Feeding and building can
 * overlap: the worker variant inserts on another thread while the caller
 * embeds the next batch.
 */
export interface GraphBuilder {
  /** Adds `vectors` (rows of `dimensions` floats) with labels `firstLabel`, `firstLabel + 1`, ... */
  add(vectors: Float32Array, firstLabel: number): void;
  /** Waits for every row to be inserted and returns the graph. */
  finish(): Promise<HierarchicalNSW>;
  /** Stops building and frees the thread, if any. */
  abort(): void;
}

/** A fresh cosine graph that lets new points take the slots of deleted ones. */
export function newGraph({ dimensions, m, efConstruction, seed, capacity }: GraphParameters): HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
  graph.initIndex({ maxElements: Math.max(1, capacity), m, efConstruction, randomSeed: seed, allowReplaceDeleted: true });
  return graph;
}

/** Adds rows of `vectors` to `graph`, labels counting from `firstLabel`. */
export function addRows(graph: HierarchicalNSW, vectors: Float32Array, firstLabel: number, dimensions: number, replaceDeleted = false): void {
  const rows = vectors.length / dimensions;
  for (let i = 0; i < rows; i += 1) {
    graph.addPoint(Array.from(vectors.subarray(i * dimensions, (i + 1) * dimensions)), firstLabel + i, replaceDeleted);
  }
}

/**
 * A graph builder: on a worker thread when `inWorker` (worth it for large
 * builds, where inserting dominates and the main thread has embedding and
 * BM25 indexing to do meanwhile), else on the calling thread. Both insert the
 * same rows in the same order with the same seed, so they build the same graph.
 */
export function createGraphBuilder(parameters: GraphParameters, { inWorker }: { inWorker: boolean }): GraphBuilder {
  return inWorker ? new WorkerGraphBuilder(parameters) : new InlineGraphBuilder(parameters);
}

class InlineGraphBuilder implements GraphBuilder {
  private readonly graph: HierarchicalNSW;
  constructor(private readonly parameters: GraphParameters) {
    this.graph = newGraph(parameters);
  }
  add(vectors: Float32Array, firstLabel: number): void {
    addRows(this.graph, vectors, firstLabel, this.parameters.dimensions);
  }
  async finish(): Promise<HierarchicalNSW> {
    return this.graph;
  }
  abort(): void {}
}

/** Runs in the worker as CommonJS; requires hnswlib-node by the absolute path the main thread resolved. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { HierarchicalNSW } = require(workerData.hnswlibPath);
const p = workerData.parameters;
const graph = new HierarchicalNSW('cosine', p.dimensions);
graph.initIndex({ maxElements: Math.max(1, p.capacity), m: p.m, efConstruction: p.efConstruction, randomSeed: p.seed, allowReplaceDeleted: true });
parentPort.on('message', async (message) => {
  try {
    if (message.vectors) {
      const v = message.vectors;
      const rows = v.length / p.dimensions;
      for (let i = 0; i < rows; i += 1) graph.addPoint(Array.from(v.subarray(i * p.dimensions, (i + 1) * p.dimensions)), message.firstLabel + i);
    } else if (message.path) {
      await graph.writeIndex(message.path);
      parentPort.postMessage({ written: message.path });
    }
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

class WorkerGraphBuilder implements GraphBuilder {
  private readonly worker: Worker;
  private readonly outcome: Promise<string>;

  constructor(private readonly parameters: GraphParameters) {
    const hnswlibPath = createRequire(import.meta.url).resolve('hnswlib-node');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hnswlibPath, parameters } });
    this.outcome = new Promise<string>((resolve, reject) => {
      this.worker.on('message', (message: { written?: string; error?: string }) => {
        if (message.error) reject(new Error(`HNSW graph build failed: ${message.error}`));
        else if (message.written) resolve(message.written);
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`HNSW graph builder stopped (exit code ${code})`)));
    });
    this.outcome.catch(() => undefined);
  }

  add(vectors: Float32Array, firstLabel: number): void {
    const copy = vectors.slice();
    this.worker.postMessage({ vectors: copy, firstLabel }, [copy.buffer]);
  }

  async finish(): Promise<HierarchicalNSW> {
    const path = join(tmpdir(), `scoop-hnsw-${process.pid}-${randomBytes(6).toString('hex')}.index`);
    try {
      this.worker.postMessage({ path });
      await this.outcome;
      const graph = new hnswlib.HierarchicalNSW('cosine', this.parameters.dimensions);
      await graph.readIndex(path, true);
      return graph;
    } finally {
      await this.worker.terminate();
      await unlink(path).catch(() => undefined);
    }
  }

  abort(): void {
    void this.worker.terminate();
  }
}
