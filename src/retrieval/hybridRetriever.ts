import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Article } from '../articles/article';
import type { Passage } from '../passages/passage';
import { fuseRankings } from './fuseRankings';
import type { SearchHit } from './searchHit';

/** How the vector and lexical rankings are combined. */
export interface FusionOptions {
  /** Reciprocal-rank-fusion constant. Default 60. */
  k?: number;
  /** Weights of the vector and the lexical ranking; a weight of 0 leaves that ranking out (not searched). Default `[0, 1]` (see {@link DEFAULT_FUSION}). */
  weights?: [number, number];
  /** Candidates each ranking contributes, as a multiple of the k asked for (at least `minCandidates`). Default 4. */
  candidateFactor?: number;
  /** Fewest candidates each ranking contributes. Default 40. */
  minCandidates?: number;
}

/** One ranking of passage ids, best first. */
export type Ranking = { id: string; score: number }[];

/**
 * What the retriever searches: an index's two rankings and its passages
 * (`PassageIndex` is one; tests may pass a simple fake).
 */
export interface SearchableIndex {
  passageCount(): number;
  /** Passages by vector similarity to the query, best first, none of `exclude`. */
  vectorSearch(query: string, k: number, options?: { exclude?: Set<string> }): Promise<Ranking>;
  /** Passages by BM25 score for the query, best first, none of `exclude`. */
  lexicalSearch(query: string, k: number, options?: { exclude?: Set<string> }): Ranking;
  /** The passage with this id and its article. */
  passage(id: string): { passage: Passage; article: Article } | undefined;
}

/** What a {@link HybridRetriever} is built from. */
export interface HybridRetrieverOptions extends BaseRetrieverInput {
  index: SearchableIndex;
  fusion?: FusionOptions;
  /** Passages a LangChain `invoke` returns. Default 5. */
  k?: number;
}

/** Metadata of the LangChain documents a {@link HybridRetriever} returns. */
export interface PassageMetadata {
  passageId: string;
  articleId: string;
  source: string;
  title: string;
  published: string | null;
  url: string | null;
  /** Offsets of the passage in its article's text (UTF-16 code units). */
  start: number;
  end: number;
  /** Fused score, higher is better. */
  score: number;
}

/**
 * The fusion that ships with the offline embedder (the default): the BM25
 * ranking alone, the hashed-feature vectors left out of the search. Measured
 * (recall@5): on PIAF dev amid the 10,000 OrangeSum articles the vectors cost
 * at every weight (BM25 alone 0.668, reciprocal-rank fusion [1, 1] 0.564,
 * [0.2, 1] 0.635; adding scaled cosines at 0.1-0.5 gave -0.4 to +0.4 points);
 * on the retrieval question set BM25 alone is as good on every row,
 * English questions over French articles included (0.783 against 0.739 fused).
 */
export const DEFAULT_FUSION: Required<FusionOptions> = { k: 60, weights: [0, 1], candidateFactor: 4, minCandidates: 40 };

/** The fusion that ships with a model embedder (EMBEDDINGS_PROVIDER openai or ollama): both rankings, equal weights. */
export const MODEL_EMBEDDINGS_FUSION: Required<FusionOptions> = { ...DEFAULT_FUSION, weights: [1, 1] };

/**
 * Scoop's hybrid search: the vector ranking and the BM25 ranking of an
 * index, each over a few times `k` candidates, fused by reciprocal rank; a
 * ranking weighted 0 is not searched at all (the offline default searches
 * BM25 alone, see {@link DEFAULT_FUSION}).
 *
 * A LangChain `BaseRetriever`, so it plugs into LangChain chains (`invoke`
 * returns passages as `Document`s with their article in the metadata); the
 * app calls {@link search} directly, which returns typed hits without the
 * Runnable machinery.
 */
export class HybridRetriever extends BaseRetriever<PassageMetadata> {
  lc_namespace = ['scoop', 'retrieval'];
  private readonly index: SearchableIndex;
  private readonly fusion: Required<FusionOptions>;
  private readonly k: number;

  static lc_name(): string {
    return 'HybridRetriever';
  }

  constructor({ index, fusion, k, ...fields }: HybridRetrieverOptions) {
    super(fields);
    this.index = index;
    this.fusion = { ...DEFAULT_FUSION, ...fusion };
    this.k = k ?? 5;
  }

  /**
   * The `k` passages that best answer `query`, best first. Passages in
   * `excludePassageIds` are never returned.
   */
  async search(query: string, k: number, options: { excludePassageIds?: string[] } = {}): Promise<SearchHit[]> {
    if (!(k > 0) || this.index.passageCount() === 0 || query.trim() === '') return [];
    const exclude = new Set(options.excludePassageIds ?? []);
    const [vectorWeight, lexicalWeight] = this.fusion.weights;
    let fused: Ranking;
    if (vectorWeight === 0) fused = this.index.lexicalSearch(query, k, { exclude });
    else if (lexicalWeight === 0) fused = await this.index.vectorSearch(query, k, { exclude });
    else {
      const candidates = Math.max(Math.ceil(k * this.fusion.candidateFactor), this.fusion.minCandidates);
      const [byVector, byTerms] = await Promise.all([
        this.index.vectorSearch(query, candidates, { exclude }),
        Promise.resolve(this.index.lexicalSearch(query, candidates, { exclude })),
      ]);
      fused = fuseRankings([byVector, byTerms], { k: this.fusion.k, weights: this.fusion.weights });
    }
    const hits: SearchHit[] = [];
    for (const { id, score } of fused) {
      const found = this.index.passage(id);
      if (!found || exclude.has(id)) continue;
      hits.push({ passage: found.passage, article: found.article, score });
      if (hits.length === k) break;
    }
    return hits;
  }

  async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document<PassageMetadata>[]> {
    const hits = await this.search(query, this.k);
    return hits.map(({ passage, article, score }) => {
      const metadata: PassageMetadata = {
        passageId: passage.id,
        articleId: article.id,
        source: article.source,
        title: article.title,
        published: article.published,
        url: article.url,
        start: passage.start,
        end: passage.end,
        score,
      };
      return new Document({ pageContent: passage.text, metadata, id: passage.id });
    });
  }
}
