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
 * What the hybrid search searches: an index's two rankings and its passages
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
 * BM25 alone, see {@link DEFAULT_FUSION}). Plain and typed, it is what the app calls (it loads no LangChain code, so
 * the CLI starts fast); {@link HybridRetriever} puts it behind LangChain's
 * `BaseRetriever` for chains.
 */
export class HybridSearch {
  private readonly index: SearchableIndex;
  private readonly fusion: Required<FusionOptions>;

  constructor({ index, fusion }: { index: SearchableIndex; fusion?: FusionOptions }) {
    this.index = index;
    this.fusion = { ...DEFAULT_FUSION, ...fusion };
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
}
