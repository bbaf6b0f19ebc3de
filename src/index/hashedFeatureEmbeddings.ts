import { Embeddings } from '@langchain/core/embeddings';
import type { Language } from '../text/language';
import { type AnalyzedToken, analyzeTokens } from '../text/analyzeTerms';
import { compoundParts } from '../text/compoundParts';
import { expandWithLexicon } from '../text/expandWithLexicon';

/** Options of {@link HashedFeatureEmbeddings}. */
export interface HashedFeatureEmbeddingsOptions {
  /** Vector length. Default 384. */
  dimensions?: number;
  /** Weights of the feature families, for tuning; the defaults are measured (test/retrieval/recall.test.ts). */
  weights?: Partial<Record<Family, number>>;
}

/** Bump when the features or their weights change: a stored index built with another version is rebuilt. */
const FEATURE_VERSION = 3;

/** How much more a name-like term counts than an ordinary word. */
const NAME_BOOST = 2.5;
/** Weight of each part of a hyphenated name (`gpt`, `4.5` of `gpt-4.5`) relative to the whole. */
const PART_SHARE = 0.5;
const FNV_PRIME = 0x01000193;

/** Feature families, each hashed with its own seed and weighted once its counts are damped. */
const FAMILIES = {
  term: { seed: 0x9e3779b1, weight: 1 },
  concept: { seed: 0x85ebca6b, weight: 1.2 },
  ngram: { seed: 0x27d4eb2f, weight: 0.3 },
} as const;
/** A family of features: stemmed terms, lexicon concepts, character n-grams. */
export type Family = keyof typeof FAMILIES;
const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function fnvString(hash: number, text: string, start = 0, end = text.length): number {
  let h = hash;
  for (let i = start; i < end; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** murmur3's finaliser: spreads FNV's weak low bits over the whole word. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Offline embeddings that carry real similarity with nothing to download:
 * each text becomes a bag of features — its accent-folded stemmed terms
 * (see `analyzeTerms`), names and figures counting more and hyphenated
 * names also by their parts (`GPT-4.5` → `gpt`, `4.5`), the bilingual
 * news-lexicon concepts they express (so "launch" meets "lancement") and
 * character 3–5-grams of its words (so "GPT-4.5" meets "GPT 4.5" and
 * misspellings stay close) — hashed with a sign into `dimensions` buckets,
 * counts damped (1 + ln tf) and the vector L2-normalised, so a dot product
 * is a cosine. (Word bigrams were measured and left out: they did not help.) Deterministic and fast
 * (well over 5,000 passages a second on one core).
 */
export class HashedFeatureEmbeddings extends Embeddings {
  /** Names the features and size; an index built under another id must be rebuilt. */
  readonly id: string;
  readonly dimensions: number;
  private readonly counts: Record<Family, Float64Array>;

  private readonly weights: Record<Family, number>;

  constructor({ dimensions = 384, weights = {} }: HashedFeatureEmbeddingsOptions = {}) {
    super({});
    if (!Number.isInteger(dimensions) || dimensions < 8) {
      throw new RangeError(`HashedFeatureEmbeddings: dimensions must be an integer of at least 8, got ${dimensions}`);
    }
    this.dimensions = dimensions;
    this.weights = { term: FAMILIES.term.weight, concept: FAMILIES.concept.weight, ngram: FAMILIES.ngram.weight, ...weights };
    const custom = FAMILY_NAMES.filter((family) => this.weights[family] !== FAMILIES[family].weight);
    const suffix = custom.map((family) => `-${family}${this.weights[family]}`).join('');
    this.id = `hashed-v${FEATURE_VERSION}-${dimensions}${suffix}`;
    this.counts = {
      term: new Float64Array(dimensions),
      concept: new Float64Array(dimensions),
      ngram: new Float64Array(dimensions),
    };
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedText(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }

  /** The vector of `text`, synchronously (the same one `embedDocuments` and `embedQuery` give). */
  embedText(text: string): number[] {
    return this.embedTokens(analyzeTokens(text));
  }

  /**
   * The vector of a text from its tokens, `analyzeTokens(text)` (no
   * language: read as a query is), for callers that analyse the text once
   * for several indexes (see `analyzePassage`). Same vector as {@link embedText}.
   */
  embedTokens(tokens: AnalyzedToken[]): number[] {
    for (const family of FAMILY_NAMES) this.counts[family].fill(0);
    const terms = tokens.map((token) => token.term);
    const language = commonLanguage(tokens);
    for (const token of tokens) {
      const weight = looksLikeName(token.text) ? NAME_BOOST : 1;
      this.count('term', fnvString(FAMILIES.term.seed, token.term), weight);
      for (const part of compoundParts(token.term)) this.count('term', fnvString(FAMILIES.term.seed, part), weight * PART_SHARE);
    }
    const expanded = expandWithLexicon(terms, language);
    for (let i = terms.length; i < expanded.length; i += 1) this.count('concept', fnvString(FAMILIES.concept.seed, expanded[i]));
    for (const { norm } of tokens) this.countNgrams(norm);
    return this.combine();
  }

  private count(family: Family, hash: number, amount = 1): void {
    const mixed = mix(hash);
    this.counts[family][mixed % this.dimensions] += mixed & 0x80000000 ? -amount : amount;
  }

  /** Character 3–5-grams of `<word>`, the angle brackets marking its edges. */
  private countNgrams(word: string): void {
    const padded = `<${word}>`;
    const length = padded.length;
    for (let start = 0; start + 3 <= length; start += 1) {
      let h: number = FAMILIES.ngram.seed;
      for (let n = 1; n <= 5 && start + n <= length; n += 1) {
        h = fnvStep(h, padded.charCodeAt(start + n - 1));
        if (n >= 3) this.count('ngram', h);
      }
    }
  }

  private combine(): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const family of FAMILY_NAMES) {
      const counts = this.counts[family];
      const weight = this.weights[family];
      for (let i = 0; i < counts.length; i += 1) {
        const count = counts[i];
        if (count !== 0) vector[i] += weight * damp(count);
      }
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    if (norm === 0) return vector;
    const scale = 1 / Math.sqrt(norm);
    return vector.map((value) => value * scale);
  }
}

/** Sublinear term frequency, 1 + ln tf, signed; amounts up to 1 pass unchanged. */
function damp(count: number): number {
  const size = Math.abs(count);
  return size <= 1 ? count : Math.sign(count) * (1 + Math.log(size));
}

/** Capitalised words and words with digits (names, models, figures) say most about what a passage is about. */
function looksLikeName(word: string): boolean {
  const first = word.charCodeAt(0);
  return (first >= 65 && first <= 90) || (first >= 48 && first <= 57) || /^\p{Lu}|\p{N}/u.test(word);
}

function commonLanguage(tokens: { language: 'fr' | 'en' }[]): Language | undefined {
  const first = tokens[0]?.language;
  return tokens.every((token) => token.language === first) ? first : undefined;
}
