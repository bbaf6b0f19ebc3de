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
/** Articles per grouping (2^20): a hash and an article index share one exact double. */
const ARTICLE_SLOTS = 2 ** 20;

/** A bottom-k MinHash sketch of an article's word shingles: its `SKETCH_SIZE` smallest shingle hashes, ascending. */
export interface StorySketch {
  hashes: Uint32Array;
  /** Hash of the whole normalised text: equal texts are one story whatever their length. */
  exact: number;
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

const WORD_CHAR = /[\p{L}\p{N}]/u;
const wordCharCache = new Map<number, boolean>();

/** Whether a UTF-16 code unit belongs to a word (letters and digits of any script), cached outside ASCII. */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let known = wordCharCache.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCharCode(code));
    wordCharCache.set(code, known);
  }
  return known;
}

/** The FNV-1a hashes of a text's lower-cased words, in one pass without building the words. */
function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  const hashes: number[] = [];
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < lower.length; i += 1) {
    const code = lower.charCodeAt(i);
    if (isWordChar(code)) {
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
    } else if (inWord) {
      hashes.push(hash >>> 0);
      hash = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) hashes.push(hash >>> 0);
  return Uint32Array.from(hashes);
}

/**
 * The MinHash sketch of a text: lower-cased words, every window of three
 * consecutive words hashed, the smallest distinct hashes kept.
 */
export function sketchStory(text: string): StorySketch {
  const words = wordHashes(text);
  const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    let h = 0;
    for (let j = 0; j < SHINGLE_WORDS; j += 1) h = mix((h ^ words[i + j]) + j);
    shingles[i] = h;
  }
  shingles.sort();
  const distinct: number[] = [];
  for (let i = 0; i < shingles.length && distinct.length < SKETCH_SIZE; i += 1) if (i === 0 || shingles[i] !== shingles[i - 1]) distinct.push(shingles[i]);
  let unique = 0;
  for (let i = 0; i < shingles.length; i += 1) if (i === 0 || shingles[i] !== shingles[i - 1]) unique += 1;
  let exact = 0x811c9dc5;
  for (const word of words) exact = mix(exact ^ word);
  return { hashes: unique < MIN_SHINGLES ? new Uint32Array(0) : Uint32Array.from(distinct), exact: exact >>> 0 };
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

/**
 * The story sketch of an article, computed once per article id (ids come
 * from the content, so a changed article is sketched again).
 */
export function sketchOf(article: Article): StorySketch {
  let sketch = sketchCache.get(article.id);
  if (!sketch) {
    sketch = sketchStory(article.text);
    if (sketchCache.size >= CACHE_LIMIT) sketchCache.clear();
    sketchCache.set(article.id, sketch);
  }
  return sketch;
}

/** Remembers a sketch computed earlier (kept with the index), so {@link sketchOf} need not compute it again. */
export function rememberSketch(articleId: string, sketch: StorySketch): void {
  if (sketchCache.has(articleId) || sketchCache.size >= CACHE_LIMIT) return;
  sketchCache.set(articleId, sketch);
}

/**
 * Groups articles that tell the same story: the same text in two files, or
 * the same agency story in several outlets (estimated Jaccard similarity of
 * their three-word shingles at least {@link SAME_STORY_SIMILARITY}).
 * Candidates are found through the sketches' shared hashes, so the cost
 * grows with the corpus, not with its square. Returns groups of two or more
 * articles (as indexes into `articles`); an article alone is in none (past
 * 2^20 articles only equal texts are grouped). Sketches
 * are kept by article id, so a corpus that changes is re-sketched only where
 * it changed.
 */
export function findNearDuplicates(articles: readonly Article[]): number[][] {
  const sketches = articles.map(sketchOf);
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
  let total = 0;
  sketches.forEach((sketch, i) => {
    const same = byExact.get(sketch.exact);
    if (same !== undefined) union(same, i);
    else byExact.set(sketch.exact, i);
    total += sketch.hashes.length;
  });
  // Every (hash, article) as one sortable number: articles sharing a hash end up side by side.
  const keyed = new Float64Array(articles.length < ARTICLE_SLOTS ? total : 0);
  let at = 0;
  if (keyed.length > 0) {
    sketches.forEach((sketch, i) => {
      for (const hash of sketch.hashes) keyed[at++] = hash * ARTICLE_SLOTS + i;
    });
  }
  keyed.sort();
  const shared = new Map<number, number>();
  for (let start = 0; start < keyed.length; ) {
    const hash = Math.floor(keyed[start] / ARTICLE_SLOTS);
    let end = start + 1;
    while (end < keyed.length && Math.floor(keyed[end] / ARTICLE_SLOTS) === hash) end += 1;
    if (end - start > 1 && end - start <= MAX_POSTING) {
      for (let a = start; a < end; a += 1) {
        for (let b = a + 1; b < end; b += 1) {
          const pair = (keyed[a] % ARTICLE_SLOTS) * ARTICLE_SLOTS + (keyed[b] % ARTICLE_SLOTS);
          shared.set(pair, (shared.get(pair) ?? 0) + 1);
        }
      }
    }
    start = end;
  }
  const minShared = Math.ceil(SKETCH_SIZE * SAME_STORY_SIMILARITY * 0.5);
  for (const [pair, count] of shared) {
    const i = Math.floor(pair / ARTICLE_SLOTS);
    const j = pair % ARTICLE_SLOTS;
    if (count < Math.min(minShared, sketches[i].hashes.length, sketches[j].hashes.length)) continue;
    if (sketchSimilarity(sketches[i], sketches[j]) >= SAME_STORY_SIMILARITY) union(i, j);
  }
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}
