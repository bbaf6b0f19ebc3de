/**
 * A fixed sample of `size` items, the same for the same seed on every machine
 * (a seeded Fisher-Yates shuffle, mulberry32), in the order of the input.
 * The whole list when `size` is at least its length.
 */
export function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (size >= items.length) return [...items];
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const indices = items.map((_, index) => index);
  for (let i = indices.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices
    .slice(0, Math.max(0, size))
    .sort((a, b) => a - b)
    .map((index) => items[index]);
}
