import type { Embeddings } from '@langchain/core/embeddings';
import type { Article, CorpusLoad, SkippedInput } from '../articles/article';
import { disambiguateIds } from '../articles/articleId';
import type { CorpusFileStat } from '../articles/corpusFiles';
import type { CorpusScan } from '../articles/loadCorpus';
import type { ArticleFacts } from '../facts/fact';
import type { Passage } from '../passages/passage';
import { splitIntoPassages } from '../passages/splitIntoPassages';
import { diffCorpus, diffCorpusFiles, hashCorpusFile, isRacyStamp, type CorpusFileRecord, type CorpusRecord } from './corpusDiff';
import { corpusRecordFiles, readStampCache, restoreCorpusRecord, writeStampCache } from './corpusRecords';
import { FactsStore, type FactsExtraction } from './factsStore';
import { checkIndexFolder, IndexUnreadableError, probeWritable, readCurrentGeneration, readCurrentName, writeGeneration, type GenerationFile, type IndexManifest, type LoadedGeneration, type WriteFaults } from './indexStore';
import { Bm25LexicalStore, type LexicalStore } from './lexicalStore';
import type { LexicalDocument, LexicalSearchOptions } from './lexicalIndex';
import { passageTableFiles, restorePassageTable, type IndexedArticle } from './passageTable';
import { IngestPool, type FactsInput } from './ingestPool';
import type { HnswOptions } from './hnswVectorStore';
import { NoVectorStore, type Ranking, type VectorStore } from './vectorStore';

export type { HnswOptions } from './hnswVectorStore';
export type { ExtractFacts, FactsExtraction } from './factsStore';

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

/** Articles whose facts are extracted between two turns of the event loop (see `extractFacts`). */
const ARTICLES_BETWEEN_YIELDS = 32;

/** Passages indexed between two turns of the event loop while workers extract facts (see `indexInSteps`): a few tens of ms, less than the batches a worker holds. */
const DOCUMENTS_PER_STEP = 128;

/** What one {@link PassageIndex.syncCorpus} did, and every input of the corpus that was not loaded. */
export interface CorpusSyncReport {
  report: SyncReport;
  /** Inputs skipped, read now or when their file was last loaded (sorted by source and line). */
  skipped: SkippedInput[];
  /** Corpus files read (hashed or parsed) because their stamps changed or were new. */
  filesRead: number;
}

/** Loads the articles of some corpus files (`loadCorpusFiles`), with content ids not yet made unique. */
export type LoadCorpusFiles = (files: CorpusFileStat[]) => Promise<CorpusLoad>;

function bySourceThenLine(a: SkippedInput, b: SkippedInput): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/** What a {@link PassageIndex} is built from. */
export interface PassageIndexOptions {
  /** Folder of the persisted index (INDEX_DIR). Created on first write. */
  indexDir: string;
  /**
   * LangChain embeddings for passages and queries, kept in an HNSW vector
   * store. None keeps no vectors at all (nothing embedded, no graph): what
   * the app does when the search that ships does not use them.
   */
  embeddings?: Embeddings;
  /** Names the embedder (provider, model, size); an index built under another id (or with no vectors, `none`) is rebuilt. */
  embedderId?: string;
  /**
   * How the facts of each added or changed article are extracted (stored
   * with the index): a function, run on this thread, or a module (see
   * {@link FactsExtraction}) whose `extractFacts` also runs on worker threads
   * (see {@link IngestPool}) when there are many articles. Facts stored
   * under another `version` are extracted again at the next sync, without
   * re-embedding.
   */
  facts?: FactsExtraction;
  /** Facts are extracted on worker threads (with a facts `module`) from this many articles on. Default 500. */
  factsWorkersFrom?: number;
  logger?: { info(msg: string): void; warn(msg: string): void };
  /** Called while passages are embedded: `done` of `total` passages. */
  onProgress?: (done: number, total: number) => void;
  hnsw?: HnswOptions;
  /** Full graph builds of at least this many passages run on a worker thread, beside embedding. Default 5,000. */
  graphWorkerFrom?: number;
  /** Passages per `embedDocuments` call. Default 256. */
  embedBatchSize?: number;
  /** New passages without terms (no hashed embedder) are analysed on worker threads from this many on. Default 4,000. */
  analysisWorkersFrom?: number;
  /** Worker threads that analyse terms and extract facts. Default: the cores but one, at most 4, at least 1 (see `defaultIngestThreads`). */
  analysisThreads?: number;
  /** Test hooks that make a write fail part way (see {@link WriteFaults}). */
  writeFaults?: WriteFaults;
}

/**
 * The persisted passage index Scoop searches: every article cut into
 * passages (the passage table), each passage's vector in a
 * {@link VectorStore} (an HNSW graph), its terms in a {@link LexicalStore}
 * (BM25), and the facts extracted at ingest in a {@link FactsStore}. The
 * retriever in src/retrieval fuses its two rankings ({@link vectorSearch},
 * {@link lexicalSearch}).
 *
 * {@link sync} brings it up to date with a corpus (see `diffCorpus`),
 * embedding only new and changed articles, and persists a new generation
 * atomically (see `indexStore`). {@link open} verifies what is on disk;
 * anything unusable is reported in one warning and the index starts empty,
 * so the next sync rebuilds it from the corpus.
 */
export class PassageIndex {
  private readonly logger: { info(msg: string): void; warn(msg: string): void };
  /** Indexed articles in corpus order. */
  private entries: IndexedArticle[] = [];
  private entryById = new Map<string, IndexedArticle>();
  /** The entries by their article's source, for the up-to-date check (rebuilt with the other maps). */
  private entryBySource = new Map<string, IndexedArticle>();
  private passageById = new Map<string, { passage: Passage; entry: IndexedArticle }>();
  private vectors!: VectorStore;
  private lexical!: LexicalStore;
  private factStore!: FactsStore;
  /** The corpus files the index was last synced with (null after a sync from articles, or with none yet). */
  private corpusRecord: CorpusRecord | null = null;
  /** The live generation this index was read from or last wrote. */
  private generation: string | null = null;
  /** Memory holds what disk does not (a reset after an unusable index, or a failed write): the next sync writes. */
  private dirty = false;
  /** Syncs of this instance run one after the other. */
  private syncQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: PassageIndexOptions,
    /** The HNSW store's module, loaded only for an index that keeps vectors (hnswlib-node is native code to load). */
    private readonly hnsw: typeof import('./hnswVectorStore') | null,
  ) {
    this.logger = options.logger ?? { info: () => undefined, warn: () => undefined };
    this.reset();
  }

  /**
   * Opens the index in `options.indexDir`: loads and verifies the live
   * generation (sizes and checksums of every file, counts, offsets). No index
   * yet gives an empty one; a corrupt, partial or incompatible one (other
   * format, other embedder) gives one warning and an empty index, which the
   * next {@link sync} rebuilds from the corpus.
   *
   * @throws IndexWriteError when `indexDir` is a file (or inside one), not a folder.
   */
  static async open(options: PassageIndexOptions): Promise<PassageIndex> {
    await checkIndexFolder(options.indexDir);
    const index = new PassageIndex(options, options.embeddings ? await import('./hnswVectorStore') : null);
    for (let attempt = 1; ; attempt += 1) {
      const name = await readCurrentName(options.indexDir).catch(() => null);
      try {
        const loaded = await readCurrentGeneration(options.indexDir, {
          ...index.hnsw?.VECTOR_FILES,
          checkManifest: (manifest) => index.checkEmbedder(manifest),
        });
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
   * and nothing at all when nothing changed. If embedding fails, or the
   * index folder cannot be written at all (checked first), nothing changes;
   * if writing fails, the error is thrown ({@link IndexWriteError} for a full
   * or read-only disk), the last good index stays on disk and this index
   * keeps the new state (the next sync writes it).
   */
  sync(corpus: CorpusLoad): Promise<SyncReport> {
    return this.queued(() => this.syncNow(corpus, null, false));
  }

  /**
   * Brings the index up to date with a scanned corpus at the cost of a
   * `stat` per file when nothing changed: a file whose size and modification
   * time (and its sidecar's) are those recorded at the last sync is not
   * read; one whose stamps changed is hashed, and loaded (`load`) only when
   * its content hash changed. Only the articles of loaded files are
   * compared and indexed (see {@link sync}); a file that left the corpus
   * takes its articles along. Stamps that changed without the content are
   * cached beside the index, so the file is not hashed again.
   */
  syncCorpus(scan: CorpusScan, load: LoadCorpusFiles): Promise<CorpusSyncReport> {
    return this.queued(() => this.syncCorpusNow(scan, load));
  }

  private queued<T>(task: () => Promise<T>): Promise<T> {
    const run = this.syncQueue.then(task);
    this.syncQueue = run.catch(() => undefined);
    return run;
  }

  private async syncCorpusNow(scan: CorpusScan, load: LoadCorpusFiles): Promise<CorpusSyncReport> {
    const started = performance.now();
    const now = Date.now();
    const diff = diffCorpusFiles(this.corpusRecord, scan);
    const entryBySource = this.entryBySource;
    const holdsArticles = (record: CorpusFileRecord) => {
      for (const article of record.articles) if (!entryBySource.has(article[0])) return false;
      return true;
    };
    const skippedOf = (records: Iterable<CorpusFileRecord>) => [...scan.skipped, ...[...records].flatMap((record) => record.skipped)].sort(bySourceThenLine);
    const asRecorded = diff.suspect.length === 0 && diff.added.length === 0 && diff.removed.length === 0;
    if (asRecorded && !this.mustWrite() && diff.unchanged.every(({ record }) => holdsArticles(record))) {
      const skipped = skippedOf(this.corpusRecord?.files ?? []);
      return { report: this.report({ added: 0, updated: 0, removed: 0 }, skipped.length, started), skipped, filesRead: 0 };
    }
    const kept = new Map<string, CorpusFileRecord>();
    const toLoad: CorpusFileStat[] = [];
    const hashes = new Map<string, string>();
    let restamped = false;
    for (const { file, record } of diff.unchanged) {
      if (holdsArticles(record)) kept.set(file.source, record);
      else toLoad.push(file);
    }
    for (const { file, record } of diff.suspect) {
      const hash = await hashCorpusFile(scan.root, file).catch(() => null);
      if (hash !== record.hash || !holdsArticles(record)) {
        if (hash !== null) hashes.set(file.source, hash);
        toLoad.push(file);
        continue;
      }
      const { source, size, mtimeMs, sidecar } = file;
      kept.set(source, { ...record, size, mtimeMs, sidecar, racy: isRacyStamp(file, now) || undefined });
      restamped = true;
    }
    toLoad.push(...diff.added);

    if (toLoad.length === 0 && diff.removed.length === 0 && !this.mustWrite()) {
      const record: CorpusRecord = { root: scan.root, files: scan.files.map((file) => kept.get(file.source) as CorpusFileRecord) };
      if (restamped) {
        this.corpusRecord = record;
        if (this.generation) await writeStampCache(this.options.indexDir, this.generation, record);
      }
      const skipped = skippedOf(record.files);
      const report = this.report({ added: 0, updated: 0, removed: 0 }, skipped.length, started);
      return { report, skipped, filesRead: diff.suspect.length };
    }

    const loaded = new Map<string, { load: CorpusLoad; hash: string }>();
    for (const file of toLoad) {
      const hash = hashes.get(file.source) ?? (await hashCorpusFile(scan.root, file).catch(() => ''));
      loaded.set(file.source, { load: await load([file]), hash });
    }
    const articles: Article[] = [];
    const files: CorpusFileRecord[] = [];
    for (const file of scan.files) {
      const record = kept.get(file.source);
      if (record) {
        for (const [source, contentId] of record.articles) articles.push({ ...(entryBySource.get(source) as IndexedArticle).article, id: contentId });
        files.push(record);
        continue;
      }
      const { load: result, hash } = loaded.get(file.source) as { load: CorpusLoad; hash: string };
      articles.push(...result.articles);
      const { source, size, mtimeMs, sidecar } = file;
      files.push({
        source,
        size,
        mtimeMs,
        ...(sidecar && { sidecar }),
        hash,
        ...(isRacyStamp(file, now) && { racy: true }),
        articles: result.articles.map((article) => [article.source, article.id]),
        skipped: result.skipped,
      });
    }
    const skipped = skippedOf(files);
    const report = await this.syncNow({ articles: disambiguateIds(articles), skipped }, { root: scan.root, files }, true);
    return { report: { ...report, ms: Math.round(performance.now() - started) }, skipped, filesRead: diff.suspect.length + toLoad.length };
  }

  /**
   * The worker threads for this sync (see {@link IngestPool}), when there is
   * enough work for them: the terms of many new passages (none when the
   * hashed embedder already gave them their terms), the facts of many
   * articles (with a facts `module`).
   */
  private poolFor(termsToAnalyze: number, factsToExtract: number): IngestPool | null {
    if (!this.termsOnWorkers(termsToAnalyze) && !this.factsOnWorkers(factsToExtract)) return null;
    return new IngestPool(this.options.analysisThreads, this.factStore.module, (message) => this.logger.warn(message));
  }

  private termsOnWorkers(passages: number): boolean {
    return passages >= (this.options.analysisWorkersFrom ?? 4_000);
  }

  private factsOnWorkers(articles: number): boolean {
    return this.factStore.module !== undefined && articles >= (this.options.factsWorkersFrom ?? 500);
  }

  /**
   * Extracts the facts of these articles: on the pool's workers and this
   * thread (from `shareFrom` on), batch by batch, when there are many (a batch whose worker
   * failed is done here), otherwise on this thread alone, letting the event
   * loop run every few articles so the pool's term analysis is handed its
   * next batches meanwhile.
   */
  private async extractFacts(articles: readonly FactsInput[], pool: IngestPool | null, shareFrom?: Promise<void>): Promise<void> {
    if (pool && this.factsOnWorkers(articles.length)) {
      await pool.extractFacts(
        articles,
        (batch, outcomes) => {
          if (outcomes instanceof Error) for (const { article, passages } of batch) this.factStore.extract(article, passages);
          else batch.forEach(({ article }, i) => this.factStore.record(article, outcomes[i]));
        },
        ({ article, passages }) => this.factStore.outcomeOf(article, passages),
        shareFrom,
      );
      return;
    }
    for (let i = 0; i < articles.length; i += 1) {
      this.factStore.extract(articles[i].article, articles[i].passages);
      if (i % ARTICLES_BETWEEN_YIELDS === ARTICLES_BETWEEN_YIELDS - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Indexes documents on this thread a few at a time, letting the event
   * loop run between two steps so the workers are handed their next batches
   * of facts meanwhile.
   */
  private async indexInSteps(documents: LexicalDocument[], post: (documents: LexicalDocument[]) => void): Promise<void> {
    for (let from = 0; from < documents.length; from += DOCUMENTS_PER_STEP) {
      post(documents.slice(from, from + DOCUMENTS_PER_STEP));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Whether memory holds what disk does not, or the stores must be rebuilt: the next sync writes whatever the corpus says. */
  private mustWrite(): boolean {
    return this.dirty || this.vectors.needsRebuild || this.factStore.stale;
  }

  private report(counts: Pick<SyncReport, 'added' | 'updated' | 'removed'>, skipped: number, started: number): SyncReport {
    return {
      articles: this.entries.length,
      passages: this.passageById.size,
      ...counts,
      skipped,
      ms: Math.round(performance.now() - started),
    };
  }

  private async syncNow(corpus: CorpusLoad, record: CorpusRecord | null, recordChanged: boolean): Promise<SyncReport> {
    const started = performance.now();
    const diff = diffCorpus(this.entries, corpus.articles);
    for (const source of diff.duplicates) this.logger.warn(`skipped a second article from ${source}: sources must be unique`);
    const report = () => this.report(diff, corpus.skipped.length, started);
    const refactor = this.factStore.stale;
    if (!diff.changed && !recordChanged && !this.mustWrite()) {
      this.corpusRecord = record;
      return report();
    }

    await probeWritable(this.options.indexDir, this.options.writeFaults);
    await this.factStore.load();
    const plan = diff.plan.map(({ article, reuse }) => ({
      article,
      kept: reuse && (reuse.article.source === article.source ? reuse : { article, passages: reuse.passages }),
      passages: reuse ? reuse.passages : splitIntoPassages(article),
    }));
    const kept = plan.filter((item) => item.kept).map((item) => item.kept as IndexedArticle);
    const fresh = plan.filter((item) => !item.kept);
    const freshDocuments: LexicalDocument[] = fresh.flatMap(({ article, passages }) =>
      passages.map(({ id, text }) => ({ id, text, language: article.language, title: article.title })),
    );
    const update = await this.vectors.beginUpdate(
      kept.flatMap((entry) => entry.passages.map((passage) => passage.id)),
      freshDocuments.length,
    );
    try {
      const embeddings = this.options.embeddings;
      if (embeddings) await (await import('./embedPassages')).embedPassages(embeddings, freshDocuments, {
        dimensions: this.vectors.dimensions,
        batchSize: this.options.embedBatchSize,
        onProgress: this.options.onProgress,
        onBatch: (batch, _firstRow, documents) => update.add(documents.map((document) => document.id), batch),
      });
    } catch (error) {
      update.abort();
      throw error;
    }

    this.entries = plan.map((item) => item.kept ?? { article: item.article, passages: item.passages });
    const factsToExtract: readonly FactsInput[] = refactor ? this.entries : fresh;
    const unanalysed = freshDocuments.filter((document) => document.terms === undefined);
    const pool = this.poolFor(unanalysed.length, factsToExtract.length);
    const factsOnWorkers = pool !== null && this.factsOnWorkers(factsToExtract.length);
    // With a single worker extracting facts, this thread analyses the terms itself (none cross threads), then helps with the facts.
    const termsOnWorkers = pool !== null && this.termsOnWorkers(unanalysed.length) && (pool.threadCount > 1 || !factsOnWorkers);
    const indexHere = factsOnWorkers && !termsOnWorkers;
    // Analysed batches are posted as they come, in order, while the workers go on; this thread takes its share of the facts between two.
    const streamed = termsOnWorkers && unanalysed.length === freshDocuments.length;
    const post = (documents: LexicalDocument[]) => {
      this.lexical.add(documents);
      for (const document of documents) document.terms = undefined;
    };
    this.lexical.remove(diff.dropped.flatMap((entry) => entry.passages.map((passage) => passage.id)));
    try {
      const analysis = termsOnWorkers ? pool.analyze(unanalysed, streamed ? post : undefined) : Promise.resolve();
      analysis.catch(() => undefined);
      this.reindexMaps();
      this.corpusRecord = record;
      if (refactor) this.factStore.clear();
      let indexed: () => void = () => undefined;
      const indexedHere = new Promise<void>((resolve) => (indexed = resolve));
      const facts = this.extractFacts(factsToExtract, pool, indexHere ? indexedHere : undefined);
      facts.catch(() => undefined);
      try {
        if (indexHere) await this.indexInSteps(freshDocuments, post);
      } finally {
        indexed();
      }
      await facts;
      if (refactor) this.logger.info(`index: facts extracted again for ${kept.length} unchanged articles (fact extractor ${this.factStore.version ?? 'none'})`);
      else this.factStore.retain(new Set(this.entryById.keys()));
      await analysis;
    } finally {
      await pool?.close();
    }
    if (!streamed && !indexHere) post(freshDocuments);
    this.dirty = true;
    await update.commit();

    await this.persist();
    this.dirty = false;
    const result = report();
    this.logger.info(
      `index: ${result.articles} articles, ${result.passages} passages (${diff.added} added, ${diff.updated} updated, ${diff.removed} removed) in ${result.ms} ms`,
    );
    return result;
  }

  /**
   * The vector ranking alone (cosine similarity, best first): through the
   * HNSW graph, or with `exact` by scoring every stored vector (for
   * measuring the graph's recall). A query without features ranks nothing.
   */
  async vectorSearch(query: string, k: number, options: { exact?: boolean; exclude?: Set<string> } = {}): Promise<Ranking> {
    const embeddings = this.options.embeddings;
    if (!(k > 0) || this.vectors.size === 0 || !embeddings) return [];
    const vector = await embeddings.embedQuery(query);
    if (vector.length !== this.vectors.dimensions) {
      throw new Error(`The embedder returned a query vector of length ${vector.length}; the index holds vectors of length ${this.vectors.dimensions}`);
    }
    if (vector.every((value) => value === 0)) return [];
    return this.vectors.search(vector, k, options);
  }

  /** The BM25 ranking alone (see `LexicalIndex.search`). */
  lexicalSearch(query: string, k: number, options: LexicalSearchOptions = {}): Ranking {
    return this.lexical.search(query, k, options);
  }

  /** The share of indexed passages holding an analysed term (see `LexicalIndex.documentShare`). */
  termShare(term: string): number {
    return this.lexical.documentShare(term);
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

  /** Facts extracted from every indexed article (empty without a `facts` option). */
  facts(): ArticleFacts[] {
    return this.factStore.inOrder(this.entries.map((entry) => entry.article.id));
  }

  /** Number of passages with a stored vector: 0 for an index that keeps none. */
  vectorCount(): number {
    return this.vectors.size;
  }

  /** Number of indexed passages. */
  passageCount(): number {
    return this.passageById.size;
  }

  /** Throws {@link IndexUnreadableError} when the stored vectors come from another embedder (checked before any file is read). */
  private checkEmbedder(manifest: IndexManifest): void {
    if (manifest.embedderId !== this.embedderId()) {
      throw new IndexUnreadableError(`it was built with embedder ${manifest.embedderId}, not ${this.embedderId()}`);
    }
  }

  /** The embedder id the manifest records: `none` for an index that keeps no vectors. */
  private embedderId(): string {
    return this.options.embeddings ? (this.options.embedderId ?? 'unnamed') : 'none';
  }

  private passageIds(): string[] {
    return this.entries.flatMap((entry) => entry.passages.map((passage) => passage.id));
  }

  private reindexMaps(): void {
    this.entryById = new Map(this.entries.map((entry) => [entry.article.id, entry]));
    this.entryBySource = new Map(this.entries.map((entry) => [entry.article.source, entry]));
    this.passageById = new Map();
    for (const entry of this.entries) for (const passage of entry.passages) this.passageById.set(passage.id, { passage, entry });
  }

  private reset(): void {
    const warn = (message: string) => this.logger.warn(message);
    this.entries = [];
    this.entryById = new Map();
    this.entryBySource = new Map();
    this.passageById = new Map();
    this.vectors = this.hnsw
      ? new this.hnsw.HnswVectorStore({ hnsw: this.options.hnsw, graphWorkerFrom: this.options.graphWorkerFrom, warn })
      : new NoVectorStore();
    this.lexical = new Bm25LexicalStore();
    this.factStore = new FactsStore({ extraction: this.options.facts, warn });
    this.corpusRecord = null;
    this.generation = null;
  }

  private async persist(): Promise<void> {
    const articleIds = this.entries.map((entry) => entry.article.id);
    const facts = this.factStore.inOrder(articleIds);
    // Each store's files are made when the writer comes to them, so no two stores' serialised forms are held at once.
    const stores: Array<() => GenerationFile[]> = [
      () => passageTableFiles(this.entries),
      () => this.lexical.files(),
      () => this.factStore.files(articleIds),
      () => this.vectors.files(this.passageIds()),
      () => corpusRecordFiles(this.corpusRecord),
    ];
    const written = await writeGeneration(
      this.options.indexDir,
      (function* files() {
        for (const filesOf of stores) yield* filesOf();
      })(),
      {
        embedderId: this.embedderId(),
        factsVersion: this.factStore.version,
        counts: { articles: this.entries.length, passages: this.passageById.size, facts: facts.length },
        ...this.vectors.manifestFields(),
      },
      { faults: this.options.writeFaults },
    );
    this.generation = written.name;
  }

  /** Rebuilds memory from a verified generation; throws {@link IndexUnreadableError} when its content does not hold together. */
  private async restore(generation: LoadedGeneration): Promise<void> {
    const { manifest } = generation;
    this.entries = restorePassageTable(generation);
    this.reindexMaps();
    this.factStore.restore(generation);
    this.lexical = Bm25LexicalStore.restore(generation, manifest.counts.passages);
    await this.vectors.restore(generation, this.passageIds());
    this.corpusRecord = (await readStampCache(this.options.indexDir, generation.name)) ?? restoreCorpusRecord(generation);
    this.generation = generation.name;
  }
}
