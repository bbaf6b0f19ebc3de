import type { GenerationFile, IndexManifest, LoadedGeneration } from './indexStore';

/** Passage ids by score, best first. */
export type Ranking = { id: string; score: number }[];

/** Options of {@link VectorStore.search}. */
export interface VectorSearchOptions {
  /** Ids never returned. */
  exclude?: Set<string>;
  /** Score every stored vector instead of walking the graph (to measure the graph's recall). */
  exact?: boolean;
}

/**
 * A change to a {@link VectorStore}, started by {@link VectorStore.beginUpdate}:
 * vectors are added batch by batch (a full rebuild builds the graph while
 * the caller embeds the next batch); nothing is visible until `commit`.
 */
export interface VectorUpdate {
  /** Adds the vectors (rows of the store's dimensions) of new passages. */
  add(ids: string[], vectors: Float32Array): void;
  /** Makes the change live: the kept ids and the added ones, nothing else. */
  commit(): Promise<void>;
  /** Drops the change; the store stays as it was. */
  abort(): void;
}

/** Passage vectors by id, searchable by cosine similarity, persisted in an index generation. */
export interface VectorStore {
  /** Length of the stored vectors; 0 while the store has never held one. */
  readonly dimensions: number;
  /** Number of stored vectors. */
  readonly size: number;
  /** True when the store must be rebuilt although nothing changed (it was built with other parameters). */
  readonly needsRebuild: boolean;
  /** The `k` stored vectors closest to `query` by cosine, best first (score = cosine similarity). */
  search(query: number[], k: number, options?: VectorSearchOptions): Promise<Ranking>;
  /** Starts a change that keeps the vectors of `keep` and adds `adding` new ones; every other id leaves. */
  beginUpdate(keep: readonly string[], adding: number): Promise<VectorUpdate>;
  /** The store's files for a new generation, rows in the order of `ids` (every stored id once). */
  files(ids: readonly string[]): GenerationFile[];
  /** What the manifest records about the vectors. */
  manifestFields(): Pick<IndexManifest, 'dimensions' | 'hnsw'>;
  /** Restores the store from a verified generation whose passages are `ids`; throws `IndexUnreadableError` when its files do not hold together. */
  restore(generation: LoadedGeneration, ids: readonly string[]): Promise<void>;
}

/**
 * The vector store of an index that keeps no vectors: what Scoop builds
 * when the search that ships does not use them (the offline default ranks by
 * BM25 alone), so nothing is embedded and no graph is built.
 */
export class NoVectorStore implements VectorStore {
  readonly dimensions = 0;
  readonly size = 0;
  readonly needsRebuild = false;

  async search(): Promise<Ranking> {
    return [];
  }

  async beginUpdate(): Promise<VectorUpdate> {
    return { add: () => undefined, commit: async () => undefined, abort: () => undefined };
  }

  files(): GenerationFile[] {
    return [];
  }

  manifestFields(): Pick<IndexManifest, 'dimensions' | 'hnsw'> {
    return { dimensions: 0, hnsw: { space: 'cosine', m: 0, efConstruction: 0, elements: 0, nextLabel: 0 } };
  }

  async restore(): Promise<void> {}
}
