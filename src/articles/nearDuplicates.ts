import type { Article } from './article';

/** Words per shingle: three-word windows survive an outlet's light edits of an agency story. */
const SHINGLE_WORDS = 3;
/** Size of the bottom-k MinHash sketch. */
export const SKETCH_SIZE = 64;
/** Estimated Jaccard similarity of shingle sets from which two articles are one story. */
export const SAME_STORY_SIMILARITY = 0.5;
/** Fewest shingles for a text to be compared at all (shorter ones only match exactly). */
const MIN_SHINGLES = 12;
/** A sketch value shared by more articles than this is boilerplate, not a story. */
const MAX_POSTING = 20;

/** A bottom-k MinHash sketch of an article's word shingles: its `SKETCH_SIZE` smallest shingle hashes, ascending. */
export interface StorySketch {
  hashes: Uint32Array;
  /** Hash of the whole normalised text: equal texts are one story whatever their length. */
  exact: number;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The MinHash sketch of a text: lower-cased words, every window of three
 * consecutive words hashed, the smallest distinct hashes kept.
 */
export function sketchStory(text: string): StorySketch {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wordHashes = words.map(fnv1a);
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i += 1) {
    let h = 0;
    for (let j = 0; j < SHINGLE_WORDS; j += 1) h = mix((h ^ wordHashes[i + j]) + j);
    shingles.add(h);
  }
  const sorted = Uint32Array.from(shingles).sort();
  return { hashes: shingles.size < MIN_SHINGLES ? new Uint32Array(0) : sorted.slice(0, SKETCH_SIZE), exact: fnv1a(words.join(' ')) };
}

/**
 * The Jaccard similarity of two texts' shingle sets as their bottom-k
 * sketches estimate it: among the k smallest hashes of the union, the share
 * that both sketches hold.
 */
export function sketchSimilarity(a: StorySketch, b: StorySketch): number {
  if (a.hashes.length === 0 || b.hashes.length === 0) return a.exact === b.exact ? 1 : 0;
  const k = Math.min(SKETCH_SIZE, Math.max(a.hashes.length, b.hashes.length));
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < k && (i < a.hashes.length || j < b.hashes.length)) {
    const x = i < a.hashes.length ? a.hashes[i] : Infinity;
    const y = j < b.hashes.length ? b.hashes[j] : Infinity;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
    taken += 1;
  }
  return shared / taken;
}

const sketchCache = new Map<string, StorySketch>();
const CACHE_LIMIT = 100_000;

function cachedSketch(article: Article): StorySketch {
  let sketch = sketchCache.get(article.id);
  if (!sketch) {
    sketch = sketchStory(article.text);
    if (sketchCache.size >= CACHE_LIMIT) sketchCache.clear();
    sketchCache.set(article.id, sketch);
  }
  return sketch;
}

/**
 * Groups articles that tell the same story: the same text in two files, or
 * the same agency story in several outlets (estimated Jaccard similarity of
 * their three-word shingles at least {@link SAME_STORY_SIMILARITY}).
 * Candidates are found through the sketches' shared hashes, so the cost
 * grows with the corpus, not with its square. Returns groups of two or more
 * articles (as indexes into `articles`); an article alone is in none. Sketches
 * are kept by article id, so a corpus that changes is re-sketched only where
 * it changed.
 */
export function findNearDuplicates(articles: readonly Article[]): number[][] {
  const sketches = articles.map(cachedSketch);
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byExact = new Map<number, number>();
  const postings = new Map<number, number[]>();
  sketches.forEach((sketch, i) => {
    const same = byExact.get(sketch.exact);
    if (same !== undefined) union(same, i);
    else byExact.set(sketch.exact, i);
    for (const hash of sketch.hashes) {
      const list = postings.get(hash);
      if (list) list.push(i);
      else postings.set(hash, [i]);
    }
  });
  const minShared = Math.ceil(SKETCH_SIZE * SAME_STORY_SIMILARITY * 0.5);
  sketches.forEach((sketch, i) => {
    const counts = new Map<number, number>();
    for (const hash of sketch.hashes) {
      const list = postings.get(hash) as number[];
      if (list.length > MAX_POSTING) continue;
      for (const j of list) if (j > i) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    for (const [j, count] of counts) {
      if (count < Math.min(minShared, sketch.hashes.length, sketches[j].hashes.length)) continue;
      if (sketchSimilarity(sketch, sketches[j]) >= SAME_STORY_SIMILARITY) union(i, j);
    }
  });
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}
