import { join } from 'node:path';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { createGraphBuilder, type GraphBuilder } from './hnswGraphBuilder';
import { IndexUnreadableError, type GenerationFile, type IndexManifest, type LoadedGeneration } from './indexStore';
import type { Ranking, VectorSearchOptions, VectorStore, VectorUpdate } from './vectorStore';

/**
 * Parameters of the HNSW graph. Hashed-feature vectors are hard for HNSW
 * (many near-equal neighbours). Measured on 54k OrangeSum passages (384-d
 * hashed vectors, article titles as queries, hnswlib-node built for the local
 * CPU by bin/build-native.js), build CPU and recall@10 against exact search:
 * M 16 / efConstruction 64: 22.7 s, 0.961 at efSearch 512, 0.973 at 768;
 * M 24 / 48 (default): 19.4 s, 0.966 at 512, 0.980 at 768 (vector search p50
 * about 3.6 ms for 40 candidates); M 32 / 64: 0.981 at 512 but a third slower
 * to build. 256-d vectors build ~30% faster but cost retrieval quality (fused
 * dev recall@10 0.92 → 0.81).
 */
export interface HnswOptions {
  /** Links per node. Default 24. */
  m?: number;
  /** Candidate list while building: higher builds slower and finds better links. Default 48. */
  efConstruction?: number;
  /** Candidate list while searching (at least the number of candidates asked for). Default 768. */
  efSearch?: number;
}

/** What an {@link HnswVectorStore} is built with. */
export interface HnswVectorStoreOptions {
  hnsw?: HnswOptions;
  /** Full graph builds of at least this many vectors run on a worker thread, beside embedding. Default 5,000. */
  graphWorkerFrom?: number;
  warn?: (message: string) => void;
}

const FILES = {
  graph: 'hnsw.index',
  vectors: 'vectors.bin',
  labels: 'vector-labels.bin',
} as const;

/** Files of a generation that {@link HnswVectorStore.restore} reads by path (the graph) or only when needed (the vectors). */
export const VECTOR_FILES = { onDisk: [FILES.graph], later: [FILES.vectors] };

const SPACE = 'cosine';
const GRAPH_SEED = 100;
/** Rows per chunk when vectors are streamed to the graph builder or to disk. */
const CHUNK_ROWS = 4096;

function uint32View(buffer: Buffer): Uint32Array {
  if (buffer.byteOffset % 4 !== 0) buffer = Buffer.from(buffer);
  return new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
}

function float32View(buffer: Buffer): Float32Array {
  if (buffer.byteOffset % 4 !== 0) buffer = Buffer.from(buffer);
  return new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
}

/**
 * The vector store Scoop ships: hnswlib-node's HNSW graph (cosine), used
 * through its own API, beside a copy of every vector that this store keeps
 * itself (`vectors.bin`), so rebuilding the graph with other parameters or
 * searching exactly never reads hnswlib's file format. Passages are points
 * with numeric labels (`vector-labels.bin`); deleted points' slots are
 * reused by new ones; when more than half the graph would be deleted points,
 * the update rebuilds it from the kept vectors.
 *
 * The vectors are read from disk on first need (an update or an exact
 * search), not on open: serving never needs them.
 */
export class HnswVectorStore implements VectorStore {
  private readonly m: number;
  private readonly efConstruction: number;
  private readonly efSearch: number;
  private readonly workerFrom: number;
  private readonly warn: (message: string) => void;
  private graph: HierarchicalNSW | null = null;
  private dims = 0;
  private labelOf = new Map<string, number>();
  private idOfLabel: (string | undefined)[] = [];
  private nextLabel = 0;
  /** Vectors by id; null until read from disk by `loadVectors`. */
  private vectors: Map<string, Float32Array> | null = new Map();
  private loadVectors: (() => Promise<Map<string, Float32Array>>) | null = null;
  private loading: Promise<Map<string, Float32Array>> | null = null;
  private stale = false;

  constructor(options: HnswVectorStoreOptions = {}) {
    this.m = options.hnsw?.m ?? 24;
    this.efConstruction = options.hnsw?.efConstruction ?? 48;
    this.efSearch = options.hnsw?.efSearch ?? 768;
    this.workerFrom = options.graphWorkerFrom ?? 5_000;
    this.warn = options.warn ?? (() => undefined);
  }

  get dimensions(): number {
    return this.dims;
  }

  get size(): number {
    return this.labelOf.size;
  }

  get needsRebuild(): boolean {
    return this.stale;
  }

  /**
   * Restores the store from a verified generation whose passages are `ids`
   * (in the order the labels file lists them). Throws {@link IndexUnreadableError}
   * when the files do not hold together.
   */
  async restore(generation: LoadedGeneration, ids: readonly string[]): Promise<void> {
    const { manifest, files, dir } = generation;
    this.dims = manifest.dimensions;
    const { elements, nextLabel } = manifest.hnsw;
    const labelFile = files.get(FILES.labels);
    if (!labelFile) throw new IndexUnreadableError(`${FILES.labels} is not in the manifest`);
    const labels = uint32View(labelFile);
    if (labels.length !== ids.length) throw new IndexUnreadableError(`${FILES.labels} holds ${labels.length} labels, not ${ids.length}`);
    const idOfLabel: (string | undefined)[] = new Array(nextLabel);
    const labelOf = new Map<string, number>();
    ids.forEach((id, i) => {
      const label = labels[i];
      if (label >= nextLabel || idOfLabel[label] !== undefined) throw new IndexUnreadableError(`passage ${i} points outside the graph`);
      idOfLabel[label] = id;
      labelOf.set(id, label);
    });
    let graph: HierarchicalNSW | null = null;
    if (ids.length > 0 && manifest.files[FILES.graph]) {
      graph = new hnswlib.HierarchicalNSW(SPACE, this.dims);
      try {
        await graph.readIndex(join(dir, FILES.graph), true);
      } catch (error) {
        throw new IndexUnreadableError(`${FILES.graph} cannot be read (${error instanceof Error ? error.message : String(error)})`);
      }
      if (graph.getCurrentCount() !== elements) {
        throw new IndexUnreadableError(`${FILES.graph} holds ${graph.getCurrentCount()} elements, not ${elements}`);
      }
    }
    if (ids.length > 0 && !manifest.files[FILES.vectors]) throw new IndexUnreadableError(`${FILES.vectors} is not in the manifest`);
    this.graph = graph;
    this.labelOf = labelOf;
    this.idOfLabel = idOfLabel;
    this.nextLabel = nextLabel;
    this.stale = ids.length > 0 && (graph === null || manifest.hnsw.m !== this.m || manifest.hnsw.efConstruction !== this.efConstruction);
    this.vectors = ids.length === 0 ? new Map() : null;
    this.loading = null;
    this.loadVectors = () => this.readVectors(generation, ids, graph && ((id) => graph.getPoint(labelOf.get(id) as number)));
  }

  async search(query: number[], k: number, options: VectorSearchOptions = {}): Promise<Ranking> {
    if (!(k > 0) || this.size === 0) return [];
    const exclude = options.exclude ?? new Set<string>();
    const graph = this.graph;
    if (options.exact || !graph) return this.exactSearch(query, k, exclude);
    const wanted = Math.min(k, this.size);
    graph.setEf(Math.max(this.efSearch, wanted));
    const filter = exclude.size > 0 ? (label: number) => !exclude.has(this.idOfLabel[label] as string) : undefined;
    const { neighbors, distances } = graph.searchKnn(query, wanted, filter);
    return neighbors.map((label, i) => ({ id: this.idOfLabel[label] as string, score: 1 - distances[i] }));
  }

  async beginUpdate(keep: readonly string[], adding: number): Promise<VectorUpdate> {
    const vectors = await this.vectorMap();
    for (const id of keep) {
      if (!vectors.has(id)) throw new Error(`The vector store lost the vector of passage ${id}; delete the index folder to rebuild it`);
    }
    const live = keep.length + adding;
    const deletedAfter = (this.graph ? this.graph.getCurrentCount() : 0) - keep.length - adding;
    const rebuild = this.graph === null || this.stale || deletedAfter > Math.max(100, live / 2);
    return rebuild ? this.rebuildUpdate(keep, vectors, live) : this.incrementalUpdate(keep, vectors);
  }

  files(ids: readonly string[]): GenerationFile[] {
    const labels = Uint32Array.from(ids, (id) => {
      const label = this.labelOf.get(id);
      if (label === undefined) throw new Error(`The vector store holds no vector for passage ${id}`);
      return label;
    });
    const files: GenerationFile[] = [
      { name: FILES.labels, data: new Uint8Array(labels.buffer) },
      { name: FILES.vectors, chunks: () => this.vectorChunks(ids) },
    ];
    const graph = this.graph;
    if (graph) files.push({ name: FILES.graph, writeTo: (path) => graph.writeIndex(path).then(() => undefined) });
    return files;
  }

  manifestFields(): Pick<IndexManifest, 'dimensions' | 'hnsw'> {
    return {
      dimensions: this.dims,
      hnsw: { space: SPACE, m: this.m, efConstruction: this.efConstruction, elements: this.graph ? this.graph.getCurrentCount() : 0, nextLabel: this.nextLabel },
    };
  }

  private async *vectorChunks(ids: readonly string[]): AsyncGenerator<Uint8Array> {
    const vectors = await this.vectorMap();
    const dims = this.dims;
    for (let from = 0; from < ids.length; from += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, ids.length - from);
      const chunk = new Float32Array(rows * dims);
      for (let i = 0; i < rows; i += 1) chunk.set(vectors.get(ids[from + i]) as Float32Array, i * dims);
      yield new Uint8Array(chunk.buffer);
    }
  }

  private rebuildUpdate(keep: readonly string[], vectors: Map<string, Float32Array>, live: number): VectorUpdate {
    const added: { ids: string[]; vectors: Float32Array }[] = [];
    let dims = this.dims;
    let builder: GraphBuilder | null = null;
    let row = keep.length;
    const startBuilder = (): GraphBuilder => {
      const started = createGraphBuilder(
        { dimensions: dims, m: this.m, efConstruction: this.efConstruction, seed: GRAPH_SEED, capacity: live },
        { inWorker: live >= this.workerFrom },
      );
      for (let from = 0; from < keep.length; from += CHUNK_ROWS) {
        const rows = Math.min(CHUNK_ROWS, keep.length - from);
        const chunk = new Float32Array(rows * dims);
        for (let i = 0; i < rows; i += 1) chunk.set(vectors.get(keep[from + i]) as Float32Array, i * dims);
        started.add(chunk, from);
      }
      builder = started;
      return started;
    };
    if (live > 0 && dims > 0) startBuilder();
    return {
      add: (ids, batch) => {
        if (ids.length === 0) return;
        if (dims === 0) dims = batch.length / ids.length;
        (builder ?? startBuilder()).add(batch, row);
        row += ids.length;
        added.push({ ids, vectors: batch });
      },
      commit: async () => {
        const labelOf = new Map<string, number>();
        const idOfLabel: string[] = [];
        const next = new Map<string, Float32Array>();
        const place = (id: string, vector: Float32Array) => {
          labelOf.set(id, idOfLabel.length);
          idOfLabel.push(id);
          next.set(id, vector);
        };
        for (const id of keep) place(id, vectors.get(id) as Float32Array);
        for (const batch of added) batch.ids.forEach((id, i) => place(id, batch.vectors.subarray(i * dims, (i + 1) * dims)));
        this.dims = dims;
        this.labelOf = labelOf;
        this.idOfLabel = idOfLabel;
        this.nextLabel = idOfLabel.length;
        this.vectors = next;
        this.loadVectors = null;
        this.graph = null;
        this.stale = idOfLabel.length > 0;
        this.graph = builder ? await (builder as GraphBuilder).finish() : null;
        this.stale = false;
      },
      abort: () => (builder as GraphBuilder | null)?.abort(),
    };
  }

  private incrementalUpdate(keep: readonly string[], vectors: Map<string, Float32Array>): VectorUpdate {
    const added: { ids: string[]; vectors: Float32Array }[] = [];
    return {
      add: (ids, batch) => {
        if (ids.length > 0) added.push({ ids, vectors: batch });
      },
      commit: async () => {
        const graph = this.graph as HierarchicalNSW;
        const dims = this.dims;
        const kept = new Set(keep);
        for (const [id, label] of [...this.labelOf]) {
          if (kept.has(id)) continue;
          graph.markDelete(label);
          this.labelOf.delete(id);
          this.idOfLabel[label] = undefined;
          vectors.delete(id);
        }
        const adding = added.reduce((sum, batch) => sum + batch.ids.length, 0);
        const needed = graph.getCurrentCount() + adding;
        if (needed > graph.getMaxElements()) graph.resizeIndex(Math.max(needed, Math.ceil(graph.getMaxElements() * 1.25)));
        for (const batch of added) {
          batch.ids.forEach((id, i) => {
            const vector = batch.vectors.subarray(i * dims, (i + 1) * dims);
            graph.addPoint(Array.from(vector), this.nextLabel, true);
            this.labelOf.set(id, this.nextLabel);
            this.idOfLabel[this.nextLabel] = id;
            this.nextLabel += 1;
            vectors.set(id, vector);
          });
        }
      },
      abort: () => undefined,
    };
  }

  private exactSearch(vector: number[], k: number, exclude: Set<string>): Promise<Ranking> {
    return this.vectorMap().then((vectors) => {
      let norm = 0;
      for (const value of vector) norm += value * value;
      const query = Float32Array.from(vector, (value) => value / Math.sqrt(norm));
      const dims = this.dims;
      const scored: Ranking = [];
      for (const id of this.idOfLabel) {
        if (id === undefined || exclude.has(id)) continue;
        const stored = vectors.get(id) as Float32Array;
        let dot = 0;
        let length = 0;
        for (let d = 0; d < dims; d += 1) {
          const x = stored[d];
          dot += query[d] * x;
          length += x * x;
        }
        scored.push({ id, score: length === 0 ? 0 : dot / Math.sqrt(length) });
      }
      return scored.sort((a, b) => b.score - a.score).slice(0, k);
    });
  }

  /** Every stored vector by id, read from disk once when the store was restored. */
  private vectorMap(): Promise<Map<string, Float32Array>> {
    if (this.vectors) return Promise.resolve(this.vectors);
    this.loading ??= (this.loadVectors as () => Promise<Map<string, Float32Array>>)().then((vectors) => {
      this.vectors = vectors;
      this.loading = null;
      return vectors;
    });
    return this.loading;
  }

  /**
   * The vectors of a restored generation: from its vectors file; should that
   * be gone (another process replaced the generation) or corrupt, from the
   * graph point by point (slower, through hnswlib's `getPoint`).
   */
  private async readVectors(
    generation: LoadedGeneration,
    ids: readonly string[],
    pointOf: ((id: string) => number[]) | null,
  ): Promise<Map<string, Float32Array>> {
    const dims = generation.manifest.dimensions;
    const vectors = new Map<string, Float32Array>();
    try {
      const rows = float32View(await generation.readLater(FILES.vectors));
      if (rows.length !== ids.length * dims) throw new IndexUnreadableError(`${FILES.vectors} holds ${rows.length / dims} vectors, not ${ids.length}`);
      ids.forEach((id, i) => vectors.set(id, rows.subarray(i * dims, (i + 1) * dims)));
      return vectors;
    } catch (error) {
      if (!pointOf) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      this.warn(`index: ${reason}; reading the vectors back from the HNSW graph instead`);
      for (const id of ids) vectors.set(id, Float32Array.from(pointOf(id)));
      return vectors;
    }
  }
}
