import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import type { Article, CorpusLoad } from '../articles/article';
import { UserFacingError } from '../errors';
import type { ArticleFacts } from '../facts/fact';
import type { Passage } from '../passages/passage';
import { splitIntoPassages } from '../passages/splitIntoPassages';
import { analyzePassage } from '../text/analyzeTerms';
import {
  IndexUnreadableError,
  readCurrentGeneration,
  readCurrentName,
  writeGeneration,
  type GenerationFile,
  type IndexManifest,
  type LoadedGeneration,
  type WriteFaults,
} from './indexStore';
import { addRows, createGraphBuilder, readGraphVectors, type GraphBuilder } from './hnswGraphBuilder';
import { HashedFeatureEmbeddings } from './hashedFeatureEmbeddings';
import { type LexicalDocument, LexicalIndex, type LexicalSearchOptions } from './lexicalIndex';

/** What one {@link PassageIndex.sync} did (the CLI prints it; `--json` as is). */
export interface SyncReport {
  /** Articles indexed after the sync. */
  articles: number;
  /** Passages indexed after the sync. */
  passages: number;
  /** Articles whose source is new. */
  added: number;
  /** Articles whose source was indexed with other content. */
  updated: number;
  /** Indexed sources no longer in the corpus. */
  removed: number;
  /** Inputs the corpus loader skipped. */
  skipped: number;
  ms: number;
}

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

/** What a {@link PassageIndex} is built from. */
export interface PassageIndexOptions {
  /** Folder of the persisted index (INDEX_DIR). Created on first write. */
  indexDir: string;
  /** LangChain embeddings for passages and queries. */
  embeddings: Embeddings;
  /** Names the embedder (provider, model, size); an index built under another id is rebuilt (re-embedded). */
  embedderId: string;
  /** Run on each added or changed article; the result is stored with the index. */
  extractFacts?: (article: Article, passages: Passage[]) => ArticleFacts;
  /**
   * Names the version of `extractFacts` (`FACTS_VERSION` from src/facts): when
   * the stored facts were extracted under another one, the next sync
   * re-extracts the facts of every article, without re-embedding.
   */
  factsVersion?: string;
  logger?: { info(msg: string): void; warn(msg: string): void };
  /** Called while passages are embedded: `done` of `total` passages. */
  onProgress?: (done: number, total: number) => void;
  hnsw?: HnswOptions;
  /** Full graph builds of at least this many passages run on a worker thread, beside embedding. Default 5,000. */
  graphWorkerFrom?: number;
  /** Passages per `embedDocuments` call. Default 256. */
  embedBatchSize?: number;
  /** Test hooks that make a write fail part way (see {@link WriteFaults}). */
  writeFaults?: WriteFaults;
}

/**
 * One indexed article with its passages and their labels in the HNSW graph.
 * The graph holds the passages' vectors; `vectors` (row-major Float32) holds
 * them only while they are not in the live graph yet.
 */
interface IndexedArticle {
  article: Article;
  passages: Passage[];
  labels: number[];
  vectors?: Float32Array;
}

const FILES = {
  articles: 'articles.json',
  passages: 'passages.bin',
  graph: 'hnsw.index',
  lexical: 'lexical.bin',
  facts: 'facts.json',
} as const;

/** Each passage is stored as four uint32: article index, start, end, graph label. */
const PASSAGE_FIELDS = 4;
const SPACE = 'cosine';
const GRAPH_SEED = 100;

interface PassageMetadata {
  passageId: string;
}

function uint32View(buffer: Buffer): Uint32Array {
  if (buffer.byteOffset % 4 !== 0) buffer = Buffer.from(buffer);
  return new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
}

function bytesOf(view: Float32Array | Uint32Array): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function isArticle(value: unknown): value is Article {
  const a = value as Article;
  return typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.source === 'string' && typeof a.text === 'string';
}

function passageOf(article: Article, ordinal: number, start: number, end: number): Passage {
  return { id: `${article.id}:${ordinal}`, articleId: article.id, ordinal, start, end, text: article.text.slice(start, end) };
}

/**
 * The persisted passage index Scoop searches: every article cut into
 * passages, each passage's vector in an HNSW graph (hnswlib-node through
 * LangChain's HNSWLib) and its terms in a BM25 {@link LexicalIndex}; plus the
 * facts extracted at ingest. The retriever in src/retrieval fuses its two
 * rankings ({@link vectorSearch}, {@link lexicalSearch}).
 *
 * {@link sync} brings it up to date with a corpus, embedding only new and
 * changed articles (the vectors of the others are kept in the graph), and
 * persists a new generation atomically (see `indexStore`). {@link open}
 * verifies what is on disk; anything unusable is reported in one warning
 * and the index starts empty, so the next sync rebuilds it from the corpus.
 */
export class PassageIndex {
  private readonly embeddings: Embeddings;
  private readonly logger: { info(msg: string): void; warn(msg: string): void };
  private readonly m: number;
  private readonly efConstruction: number;
  private readonly efSearch: number;
  private readonly workerThreshold: number;

  /** Indexed articles in corpus order. */
  private entries: IndexedArticle[] = [];
  private entryById = new Map<string, IndexedArticle>();
  private passageById = new Map<string, { passage: Passage; entry: IndexedArticle }>();
  private factsById = new Map<string, ArticleFacts>();
  private lexical = new LexicalIndex();
  private store: HNSWLib | null = null;
  /** The graph's vectors by label, read on first need (exact search); dropped when the graph changes. */
  private graphVectors: Promise<Map<number, Float32Array>> | null = null;
  private dimensions = 0;
  private nextLabel = 0;
  /** Memory holds what disk does not (a reset after an unusable index, or a failed write): the next sync writes. */
  private dirty = false;
  /** The graph was built with other parameters: the next sync rebuilds it from the vectors it holds. */
  private graphStale = false;
  /** The stored facts come from another fact extractor (version): the next sync extracts them all again. */
  private factsStale = false;
  /** Syncs of this instance run one after the other. */
  private syncQueue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: PassageIndexOptions) {
    this.embeddings = options.embeddings;
    this.logger = options.logger ?? { info: () => undefined, warn: () => undefined };
    this.m = options.hnsw?.m ?? 24;
    this.efConstruction = options.hnsw?.efConstruction ?? 48;
    this.efSearch = options.hnsw?.efSearch ?? 768;
    this.workerThreshold = options.graphWorkerFrom ?? 5_000;
  }

  /**
   * Opens the index in `options.indexDir`: loads and verifies the live
   * generation (sizes and checksums of every file, counts, offsets). No index
   * yet gives an empty one; a corrupt, partial or incompatible one (other
   * format, other embedder) gives one warning and an empty index, which the
   * next {@link sync} rebuilds from the corpus.
   */
  static async open(options: PassageIndexOptions): Promise<PassageIndex> {
    const index = new PassageIndex(options);
    for (let attempt = 1; ; attempt += 1) {
      const name = await readCurrentName(options.indexDir).catch(() => null);
      try {
        const loaded = await readCurrentGeneration(options.indexDir, [FILES.graph]);
        if (loaded) await index.restore(loaded);
        return index;
      } catch (error) {
        index.reset();
        const now = await readCurrentName(options.indexDir).catch(() => null);
        if (now !== name && attempt < 3) continue;
        const reason = error instanceof Error ? error.message : String(error);
        index.logger.warn(`Index in ${options.indexDir} is unusable (${reason}); starting empty, the next sync rebuilds it from the corpus.`);
        index.dirty = true;
        return index;
      }
    }
  }

  /**
   * Brings the index up to date with `corpus`, article by source: a new
   * source is added, a source with new content (new id) is updated, a source
   * no longer there is removed; unchanged articles are not re-embedded (a
   * renamed file keeps its vectors too). Writes a new generation atomically,
   * and nothing at all when nothing changed. If embedding fails, nothing
   * changes; if writing fails, the error is thrown, the last good index stays
   * on disk and this index keeps the new state (the next sync writes it).
   */
  sync(corpus: CorpusLoad): Promise<SyncReport> {
    const run = this.syncQueue.then(() => this.syncNow(corpus));
    this.syncQueue = run.catch(() => undefined);
    return run;
  }

  private async syncNow(corpus: CorpusLoad): Promise<SyncReport> {
    const started = performance.now();
    const previous = new Map(this.entries.map((entry) => [entry.article.source, entry]));
    const seen = new Set<string>();
    const plan: { article: Article; kept?: IndexedArticle }[] = [];
    const changed: Article[] = [];
    let added = 0;
    let updated = 0;
    for (const article of corpus.articles) {
      if (seen.has(article.source)) {
        this.logger.warn(`skipped a second article from ${article.source}: sources must be unique`);
        continue;
      }
      seen.add(article.source);
      const old = previous.get(article.source);
      if (old && old.article.id === article.id) {
        plan.push({ article, kept: old });
        continue;
      }
      if (old) updated += 1;
      else added += 1;
      plan.push({ article });
      changed.push(article);
    }
    const gone = this.entries.filter((entry) => !seen.has(entry.article.source));
    const keptEntries = new Set(plan.map((item) => item.kept));
    const replaced = this.entries.filter((entry) => seen.has(entry.article.source) && !keptEntries.has(entry));
    const report = (): SyncReport => ({
      articles: this.entries.length,
      passages: this.passageById.size,
      added,
      updated,
      removed: gone.length,
      skipped: corpus.skipped.length,
      ms: Math.round(performance.now() - started),
    });
    if (changed.length === 0 && gone.length === 0 && !this.dirty && !this.graphStale && !this.factsStale) return report();

    const reusable = new Map([...gone, ...replaced].map((entry) => [entry.article.id, entry]));
    const fresh: { article: Article; passages: Passage[] }[] = [];
    for (const item of plan) {
      if (item.kept) continue;
      const moved = reusable.get(item.article.id);
      if (moved) {
        reusable.delete(item.article.id);
        item.kept = { ...moved, article: item.article };
      } else {
        fresh.push({ article: item.article, passages: splitIntoPassages(item.article) });
      }
    }
    const dropped = [...reusable.values()];
    const kept = plan.flatMap((item) => (item.kept ? [item.kept] : []));
    const keptCount = passageTotal(kept);
    const freshCount = passageTotal(fresh);
    const live = keptCount + freshCount;
    const deletedAfterUpdate = (this.store ? this.store.index.getCurrentCount() - this.passageById.size : 0) + passageTotal(dropped) - freshCount;
    const rebuild = this.store === null || this.graphStale || deletedAfterUpdate > Math.max(100, live / 2);
    const relabelled = new Map<IndexedArticle, number[]>();
    const keptVectors = rebuild ? await this.vectorsOfEntries(kept) : new Map<IndexedArticle, Float32Array>();
    let builder: GraphBuilder | null = null;
    const startBuilder = (): GraphBuilder => {
      const started = createGraphBuilder(
        { dimensions: this.dimensions, m: this.m, efConstruction: this.efConstruction, seed: GRAPH_SEED, capacity: live },
        { inWorker: live >= this.workerThreshold },
      );
      let label = 0;
      for (const entry of kept) {
        started.add(keptVectors.get(entry) as Float32Array, label);
        relabelled.set(entry, labelRange(label, entry.passages.length));
        label += entry.passages.length;
      }
      builder = started;
      return started;
    };

    let vectors: Float32Array;
    let lexicalDocuments: LexicalDocument[];
    let facts: Map<string, ArticleFacts | undefined>;
    try {
      if (rebuild && live > 0 && this.dimensions > 0) startBuilder();
      ({ vectors, lexicalDocuments } = await this.embedPassages(
        fresh.flatMap(({ article, passages }) => passages.map(({ id, text }) => ({ id, text, language: article.language }))),
        (batch, firstRow) => rebuild && (builder ?? startBuilder()).add(batch, keptCount + firstRow),
      ));
      facts = new Map(fresh.map(({ article, passages }) => [article.id, this.factsOf(article, passages)]));
      if (this.factsStale) {
        for (const entry of kept) facts.set(entry.article.id, this.factsOf(entry.article, entry.passages));
        this.logger.info(`index: facts extracted again for ${kept.length} unchanged articles (fact extractor ${this.factsVersion() ?? 'none'})`);
      }
    } catch (error) {
      (builder as GraphBuilder | null)?.abort();
      throw error;
    }

    const freshEntries: IndexedArticle[] = [];
    let row = 0;
    for (const { article, passages } of fresh) {
      const entryVectors = vectors.subarray(row * this.dimensions, (row + passages.length) * this.dimensions);
      freshEntries.push({ article, passages, labels: rebuild ? labelRange(keptCount + row, passages.length) : [], vectors: entryVectors });
      row += passages.length;
    }
    const freshByArticle = new Map(freshEntries.map((entry) => [entry.article.id, entry]));
    this.entries = plan.map((item) => item.kept ?? (freshByArticle.get(item.article.id) as IndexedArticle));
    if (this.factsStale) this.factsById = new Map();
    this.reindexMaps(facts, dropped);
    this.factsStale = false;
    this.lexical.remove(dropped.flatMap((entry) => entry.passages.map((passage) => passage.id)));
    this.lexical.add(lexicalDocuments);
    this.dirty = true;
    if (rebuild) {
      try {
        const graph = builder ? await (builder as GraphBuilder).finish() : null;
        for (const [entry, labels] of relabelled) entry.labels = labels;
        this.installGraph(graph, live);
        for (const entry of this.entries) delete entry.vectors;
      } catch (error) {
        this.graphStale = true;
        throw error;
      }
    } else {
      this.updateGraph(dropped, freshEntries);
      for (const entry of freshEntries) delete entry.vectors;
    }
    this.graphStale = false;

    this.dirty = true;
    await this.persist();
    this.dirty = false;
    const result = report();
    this.logger.info(
      `index: ${result.articles} articles, ${result.passages} passages (${added} added, ${updated} updated, ${gone.length} removed) in ${result.ms} ms`,
    );
    return result;
  }

  /**
   * The vector ranking alone (cosine similarity, best first): through the
   * HNSW graph, or with `exact` by scoring every stored vector (for
   * measuring the graph's recall). A query without features ranks nothing.
   */
  async vectorSearch(query: string, k: number, options: { exact?: boolean; exclude?: Set<string> } = {}): Promise<{ id: string; score: number }[]> {
    const store = this.store;
    if (!store || !(k > 0) || this.passageById.size === 0) return [];
    const vector = await this.embeddings.embedQuery(query);
    if (vector.length !== this.dimensions) {
      throw new Error(`The embedder returned a query vector of length ${vector.length}; the index holds vectors of length ${this.dimensions}`);
    }
    if (vector.every((value) => value === 0)) return [];
    const exclude = options.exclude ?? new Set<string>();
    if (options.exact) return this.exactSearch(vector, k, exclude);
    const wanted = Math.min(k, this.passageById.size);
    store.index.setEf(Math.max(this.efSearch, wanted));
    const filter = exclude.size > 0 ? (doc: Document) => !exclude.has((doc.metadata as PassageMetadata).passageId) : undefined;
    const results = await store.similaritySearchVectorWithScore(vector, wanted, filter);
    return results.map(([doc, distance]) => ({ id: (doc.metadata as PassageMetadata).passageId, score: 1 - distance }));
  }

  /** The BM25 ranking alone (see {@link LexicalIndex.search}). */
  lexicalSearch(query: string, k: number, options: LexicalSearchOptions = {}): { id: string; score: number }[] {
    return this.lexical.search(query, k, options);
  }

  /** The indexed passage with this id, with its article. */
  passage(id: string): { passage: Passage; article: Article } | undefined {
    const found = this.passageById.get(id);
    return found && { passage: found.passage, article: found.entry.article };
  }

  /** Indexed articles, in corpus order. */
  articles(): Article[] {
    return this.entries.map((entry) => entry.article);
  }

  /** How many articles are indexed (without building the list). */
  articleCount(): number {
    return this.entries.length;
  }

  /** The indexed article with this id. */
  article(id: string): Article | undefined {
    return this.entryById.get(id)?.article;
  }

  /** The passages of an article, in order; empty for an unknown id. */
  passagesOf(articleId: string): Passage[] {
    return this.entryById.get(articleId)?.passages ?? [];
  }

  /** Facts extracted from every indexed article (empty without an `extractFacts` option). */
  facts(): ArticleFacts[] {
    return this.entries.flatMap((entry) => this.factsById.get(entry.article.id) ?? []);
  }

  /** Number of indexed passages. */
  passageCount(): number {
    return this.passageById.size;
  }

  private async exactSearch(vector: number[], k: number, exclude: Set<string>): Promise<{ id: string; score: number }[]> {
    let norm = 0;
    for (const value of vector) norm += value * value;
    const query = Float32Array.from(vector, (value) => value / Math.sqrt(norm));
    const dims = this.dimensions;
    const vectors = await this.vectorsByLabel();
    const scored: { id: string; score: number }[] = [];
    for (const entry of this.entries) {
      entry.passages.forEach((passage, i) => {
        const stored = vectors.get(entry.labels[i]);
        if (exclude.has(passage.id) || !stored) return;
        let dot = 0;
        let length = 0;
        for (let d = 0; d < dims; d += 1) {
          const x = stored[d];
          dot += query[d] * x;
          length += x * x;
        }
        scored.push({ id: passage.id, score: length === 0 ? 0 : dot / Math.sqrt(length) });
      });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  }

  /** Every live vector of the graph by label, read once and kept until the graph changes. */
  private vectorsByLabel(): Promise<Map<number, Float32Array>> {
    const store = this.store;
    if (!store) return Promise.resolve(new Map());
    this.graphVectors ??= readGraphVectors(store.index, this.dimensions, this.entries.flatMap((entry) => entry.labels));
    return this.graphVectors;
  }

  /** The vectors of `entries` (rows in passage order): those not yet in the graph from memory, the others from the graph. */
  private async vectorsOfEntries(entries: IndexedArticle[]): Promise<Map<IndexedArticle, Float32Array>> {
    const result = new Map<IndexedArticle, Float32Array>();
    const inGraph = entries.filter((entry) => !entry.vectors);
    const byLabel = inGraph.length > 0 && this.store ? await readGraphVectors(this.store.index, this.dimensions, inGraph.flatMap((entry) => entry.labels)) : null;
    for (const entry of entries) {
      if (entry.vectors) {
        result.set(entry, entry.vectors.subarray(0, entry.passages.length * this.dimensions));
        continue;
      }
      const rows = new Float32Array(entry.passages.length * this.dimensions);
      entry.labels.forEach((label, i) => {
        const vector = byLabel?.get(label);
        if (!vector) throw new Error(`The HNSW graph lost the vector of passage ${entry.passages[i].id}; delete the index folder to rebuild it`);
        rows.set(vector, i * this.dimensions);
      });
      result.set(entry, rows);
    }
    return result;
  }

  /**
   * Embeds passages in batches into one row-major Float32Array, reporting
   * progress and handing each batch to `onBatch`; returns them with their
   * lexical documents. With the hashed embedder each passage is analysed once
   * for both (see `analyzePassage`).
   */
  private async embedPassages(
    documents: LexicalDocument[],
    onBatch?: (vectors: Float32Array, firstRow: number) => void,
  ): Promise<{ vectors: Float32Array; lexicalDocuments: LexicalDocument[] }> {
    const total = documents.length;
    const batchSize = Math.max(1, this.options.embedBatchSize ?? 256);
    const hashed = this.embeddings instanceof HashedFeatureEmbeddings ? this.embeddings : null;
    let vectors = new Float32Array(0);
    for (let from = 0; from < total; from += batchSize) {
      const expected = Math.min(batchSize, total - from);
      const slice = documents.slice(from, from + batchSize);
      const batch = hashed
        ? slice.map((document) => {
            const analysis = analyzePassage(document.text, document.language);
            document.terms = analysis.inLanguage.map((token) => token.term);
            return hashed.embedTokens(analysis.bySelf);
          })
        : await this.embeddings.embedDocuments(slice.map((document) => document.text));
      if (batch.length !== expected) throw new Error(`The embedder returned ${batch.length} vectors for ${expected} passages`);
      if (this.dimensions === 0) this.dimensions = batch[0].length;
      if (vectors.length === 0) vectors = new Float32Array(total * this.dimensions);
      batch.forEach((vector, i) => {
        if (vector.length !== this.dimensions) {
          throw new Error(`The embedder returned a vector of length ${vector.length}; the index holds vectors of length ${this.dimensions}`);
        }
        vectors.set(vector, (from + i) * this.dimensions);
      });
      onBatch?.(vectors.subarray(from * this.dimensions, (from + expected) * this.dimensions), from);
      this.options.onProgress?.(from + expected, total);
      if (hashed) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { vectors, lexicalDocuments: documents };
  }

  private factsOf(article: Article, passages: Passage[]): ArticleFacts | undefined {
    if (!this.options.extractFacts) return undefined;
    try {
      return this.options.extractFacts(article, passages);
    } catch (error) {
      this.logger.warn(`facts of ${article.source} not extracted: ${error instanceof Error ? error.message : String(error)}`);
      return { articleId: article.id, dates: [], partnerships: [], aliases: [] };
    }
  }

  /** Rebuilds the id maps and facts from `entries`. */
  private reindexMaps(newFacts: Map<string, ArticleFacts | undefined>, dropped: IndexedArticle[]): void {
    for (const entry of dropped) this.factsById.delete(entry.article.id);
    for (const [id, facts] of newFacts) if (facts) this.factsById.set(id, facts);
    this.entryById = new Map(this.entries.map((entry) => [entry.article.id, entry]));
    this.passageById = new Map();
    for (const entry of this.entries) for (const passage of entry.passages) this.passageById.set(passage.id, { passage, entry });
    for (const id of [...this.factsById.keys()]) if (!this.entryById.has(id)) this.factsById.delete(id);
  }

  private wrapGraph(graph: HierarchicalNSW, docs: Map<string, Document>): HNSWLib {
    return new HNSWLib(this.embeddings, { space: SPACE, numDimensions: this.dimensions, index: graph, docstore: new SynchronousInMemoryDocstore(docs) });
  }

  private addToGraph(store: HNSWLib, entry: IndexedArticle): void {
    addRows(store.index, entry.vectors as Float32Array, this.nextLabel, this.dimensions, true);
    entry.labels = labelRange(this.nextLabel, entry.passages.length);
    this.nextLabel += entry.passages.length;
    entry.passages.forEach((passage, i) => store.docstore._docs.set(String(entry.labels[i]), passageDocument(passage)));
  }

  /** Makes `graph` (labels 0 to `elements - 1`, as `entries` now hold them) the live one, with its docstore. */
  private installGraph(graph: HierarchicalNSW | null, elements: number): void {
    this.graphVectors = null;
    this.nextLabel = graph ? elements : 0;
    if (!graph) {
      this.store = null;
      return;
    }
    const docs = new Map<string, Document>();
    for (const entry of this.entries) entry.passages.forEach((passage, i) => docs.set(String(entry.labels[i]), passageDocument(passage)));
    this.store = this.wrapGraph(graph, docs);
  }

  /** Marks the dropped passages deleted and adds the fresh ones, reusing deleted slots. */
  private updateGraph(dropped: IndexedArticle[], fresh: IndexedArticle[]): void {
    const store = this.store as HNSWLib;
    this.graphVectors = null;
    for (const entry of dropped) {
      for (const label of entry.labels) {
        store.index.markDelete(label);
        store.docstore._docs.delete(String(label));
      }
    }
    const adding = fresh.reduce((sum, entry) => sum + entry.passages.length, 0);
    const needed = store.index.getCurrentCount() + adding;
    if (needed > store.index.getMaxElements()) store.index.resizeIndex(Math.max(needed, Math.ceil(store.index.getMaxElements() * 1.25)));
    for (const entry of fresh) this.addToGraph(store, entry);
  }

  private reset(): void {
    this.entries = [];
    this.entryById = new Map();
    this.passageById = new Map();
    this.factsById = new Map();
    this.lexical = new LexicalIndex();
    this.store = null;
    this.graphVectors = null;
    this.dimensions = 0;
    this.nextLabel = 0;
    this.graphStale = false;
    this.factsStale = false;
  }

  private async persist(): Promise<void> {
    const passageCount = this.passageById.size;
    const table = new Uint32Array(passageCount * PASSAGE_FIELDS);
    let row = 0;
    this.entries.forEach((entry, articleIndex) => {
      entry.passages.forEach((passage, i) => {
        table.set([articleIndex, passage.start, passage.end, entry.labels[i]], (row + i) * PASSAGE_FIELDS);
      });
      row += entry.passages.length;
    });
    const facts = this.facts();
    const files: GenerationFile[] = [
      { name: FILES.articles, data: JSON.stringify(this.articles()) },
      { name: FILES.passages, data: bytesOf(table) },
      { name: FILES.lexical, data: this.lexical.toBinary() },
      { name: FILES.facts, data: JSON.stringify(facts) },
    ];
    const store = this.store;
    if (store) files.push({ name: FILES.graph, writeTo: (path) => store.index.writeIndex(path).then(() => undefined) });
    const written = writeGeneration(
      this.options.indexDir,
      files,
      {
        embedderId: this.options.embedderId,
        dimensions: this.dimensions,
        factsVersion: this.factsVersion(),
        counts: { articles: this.entries.length, passages: passageCount, facts: facts.length },
        hnsw: { space: SPACE, m: this.m, efConstruction: this.efConstruction, elements: store ? store.index.getCurrentCount() : 0, nextLabel: this.nextLabel },
      },
      { faults: this.options.writeFaults },
    );
    await written.catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'ENOTDIR') {
        throw new UserFacingError(`Cannot write the index in ${this.options.indexDir} (${code}); choose another folder with --index or INDEX_DIR.`, 'index_unwritable');
      }
      throw error;
    });
  }

  /** Rebuilds memory from a verified generation; throws {@link IndexUnreadableError} when its content does not hold together. */
  private async restore({ manifest, files, dir }: LoadedGeneration): Promise<void> {
    if (manifest.embedderId !== this.options.embedderId) {
      throw new IndexUnreadableError(`it was built with embedder ${manifest.embedderId}, not ${this.options.embedderId}`);
    }
    const file = (name: string): Buffer => {
      const data = files.get(name);
      if (!data) throw new IndexUnreadableError(`${name} is not in the manifest`);
      return data;
    };
    const parse = (name: string): unknown => {
      try {
        return JSON.parse(file(name).toString('utf8'));
      } catch (error) {
        if (error instanceof IndexUnreadableError) throw error;
        throw new IndexUnreadableError(`${name} is not valid JSON`);
      }
    };
    const articles = parse(FILES.articles);
    if (!Array.isArray(articles) || !articles.every(isArticle) || articles.length !== manifest.counts.articles) {
      throw new IndexUnreadableError(`${FILES.articles} does not hold ${manifest.counts.articles} articles`);
    }
    const dims = manifest.dimensions;
    const table = uint32View(file(FILES.passages));
    const passageCount = manifest.counts.passages;
    if (table.length !== passageCount * PASSAGE_FIELDS) throw new IndexUnreadableError('passage table does not match the passage count');
    const entries: IndexedArticle[] = articles.map((article) => ({ article, passages: [], labels: [] }));
    const firstRow = new Array<number>(entries.length).fill(-1);
    for (let row = 0; row < passageCount; row += 1) {
      const [articleIndex, start, end, label] = table.subarray(row * PASSAGE_FIELDS, (row + 1) * PASSAGE_FIELDS);
      const entry = entries[articleIndex];
      if (!entry || start > end || end > entry.article.text.length || label >= manifest.hnsw.nextLabel) {
        throw new IndexUnreadableError(`passage ${row} points outside its article or graph`);
      }
      if (firstRow[articleIndex] === -1) firstRow[articleIndex] = row;
      else if (firstRow[articleIndex] + entry.passages.length !== row) throw new IndexUnreadableError(`passages of article ${articleIndex} are not contiguous`);
      entry.passages.push(passageOf(entry.article, entry.passages.length, start, end));
      entry.labels.push(label);
    }
    const facts = parse(FILES.facts);
    if (!Array.isArray(facts)) throw new IndexUnreadableError(`${FILES.facts} is not a list`);
    let lexical: LexicalIndex;
    try {
      lexical = LexicalIndex.fromBinary(file(FILES.lexical));
    } catch (error) {
      throw new IndexUnreadableError(error instanceof Error ? error.message : String(error));
    }
    if (lexical.size !== passageCount) throw new IndexUnreadableError(`${FILES.lexical} holds ${lexical.size} passages, not ${passageCount}`);

    this.dimensions = dims;
    this.entries = entries;
    this.nextLabel = manifest.hnsw.nextLabel;
    this.lexical = lexical;
    this.factsById = new Map((facts as ArticleFacts[]).map((f) => [f.articleId, f]));
    this.reindexMaps(new Map(), []);
    this.store = passageCount > 0 ? await this.readGraph(join(dir, FILES.graph), manifest) : null;
    this.graphStale = manifest.hnsw.m !== this.m || manifest.hnsw.efConstruction !== this.efConstruction;
    this.factsStale = manifest.factsVersion !== this.factsVersion();
  }

  /** The version the facts of this index are extracted with: null without an extractor, `unversioned` without a version. */
  private factsVersion(): string | null {
    if (!this.options.extractFacts) return null;
    return this.options.factsVersion ?? 'unversioned';
  }

  private async readGraph(path: string, manifest: IndexManifest): Promise<HNSWLib> {
    if (!manifest.files[FILES.graph]) throw new IndexUnreadableError(`${FILES.graph} is not in the manifest`);
    const graph = new hnswlib.HierarchicalNSW(SPACE, this.dimensions);
    try {
      await graph.readIndex(path, true);
    } catch (error) {
      throw new IndexUnreadableError(`${FILES.graph} cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    if (graph.getCurrentCount() !== manifest.hnsw.elements) {
      throw new IndexUnreadableError(`${FILES.graph} holds ${graph.getCurrentCount()} elements, not ${manifest.hnsw.elements}`);
    }
    const docs = new Map<string, Document>();
    for (const entry of this.entries) {
      entry.passages.forEach((passage, i) => docs.set(String(entry.labels[i]), passageDocument(passage)));
    }
    return this.wrapGraph(graph, docs);
  }
}

function passageTotal(list: { passages: Passage[] }[]): number {
  return list.reduce((sum, item) => sum + item.passages.length, 0);
}

function labelRange(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

function passageDocument(passage: Passage): Document<PassageMetadata> {
  return new Document<PassageMetadata>({ pageContent: passage.text, metadata: { passageId: passage.id }, id: passage.id });
}
