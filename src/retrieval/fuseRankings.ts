/** How rankings are fused. */
export interface FuseOptions {
  /** RRF constant: larger values flatten the advantage of top ranks. Default 60. */
  k?: number;
  /** One weight per ranking (default 1 each). */
  weights?: number[];
}

/**
 * Weighted reciprocal-rank fusion: each ranking gives an id
 * `weight / (k + rank)` (rank from 1) and the sums are sorted, best first.
 * Only ranks matter, so scores on different scales (BM25, cosine) combine
 * without calibration. An id repeated inside one ranking counts at its best
 * rank; ties keep the order of first appearance.
 */
export function fuseRankings(rankings: { id: string }[][], options: FuseOptions = {}): { id: string; score: number }[] {
  const k = options.k ?? 60;
  const weights = options.weights;
  if (!Number.isFinite(k) || k < 0) throw new RangeError(`fuseRankings: k must be a non-negative number, got ${k}`);
  if (weights && weights.length !== rankings.length) {
    throw new RangeError(`fuseRankings: got ${weights.length} weights for ${rankings.length} rankings`);
  }
  const scores = new Map<string, number>();
  rankings.forEach((ranking, which) => {
    const weight = weights?.[which] ?? 1;
    const seen = new Set<string>();
    ranking.forEach(({ id }, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  });
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
