import type { PassageIndex } from '../src/index/passageIndex';

/** HNSW recall@k against exact search, averaged over the queries that rank anything. */
export interface HnswRecall {
  queries: number;
  /** Share of the exact top k the graph returns, a returned passage scoring as high as the exact k-th counting as found (ties). */
  recallAt10: number;
  /** The same, counting only the very passages of the exact top k. */
  strictRecallAt10: number;
  vectors: number;
}

/** Cosine scores from the graph and from the exact scan differ in the last float32 digits. */
const SCORE_TOLERANCE = 1e-5;

/**
 * Measures how much of the exact top-k (every stored vector scored by cosine)
 * the HNSW graph returns, over the same vectors and queries, through
 * {@link PassageIndex.vectorSearch} with and without `exact`. Passages tied
 * with the exact k-th score are interchangeable, so a graph hit scoring at
 * least that much counts as found; the strict figure is kept beside it.
 */
export async function measureHnswRecall(
  index: Pick<PassageIndex, 'vectorSearch' | 'passageCount'>,
  queries: readonly string[],
  k = 10,
): Promise<HnswRecall> {
  let tieAware = 0;
  let strict = 0;
  let counted = 0;
  for (const query of queries) {
    const exact = await index.vectorSearch(query, k, { exact: true });
    if (exact.length === 0) continue;
    const approximate = await index.vectorSearch(query, k);
    const exactIds = new Set(exact.map((hit) => hit.id));
    const floor = exact[exact.length - 1].score - SCORE_TOLERANCE;
    strict += approximate.filter((hit) => exactIds.has(hit.id)).length / exact.length;
    tieAware += Math.min(exact.length, approximate.filter((hit) => exactIds.has(hit.id) || hit.score >= floor).length) / exact.length;
    counted += 1;
  }
  return {
    queries: counted,
    recallAt10: counted === 0 ? Number.NaN : tieAware / counted,
    strictRecallAt10: counted === 0 ? Number.NaN : strict / counted,
    vectors: index.passageCount(),
  };
}
