import { Embeddings } from '@langchain/core/embeddings';
import type { Language } from '../articles/article';
import { analyzeTokens } from '../text/analyzeTerms';
import { expandWithLexicon } from '../text/expandWithLexicon';

/** Options of {@link HashedFeatureEmbeddings}. */
export interface HashedFeatureEmbeddingsOptions {
  /** Vector length. Default 384. */
  dimensions?: number;
}

/** Bump when the features or their weights change: a stored index built with another version is rebuilt. */
const FEATURE_VERSION = 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Feature families, each hashed with its own seed and weighted once its counts are damped. */
const FAMILIES = {
  term: { seed: 0x9e3779b1, weight: 1 },
  concept: { seed: 0x85ebca6b, weight: 1.2 },
  bigram: { seed: 0xc2b2ae35, weight: 0.5 },
  ngram: { seed: 0x27d4eb2f, weight: 0.3 },
} as const;
type Family = keyof typeof FAMILIES;
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
 * (see `analyzeTerms`), the bilingual news-lexicon concepts they express (so
 * "launch" meets "lancement"), word bigrams and character 3–5-grams of its
 * words (so "GPT-4.5" meets "GPT 4.5" and misspellings stay close) — hashed
 * with a sign into `dimensions` buckets, counts damped (1 + ln tf) and the
 * vector L2-normalised, so a dot product is a cosine. Deterministic and fast
 * (well over 5,000 passages a second on one core).
 */
export class HashedFeatureEmbeddings extends Embeddings {
  /** Names the features and size; an index built under another id must be rebuilt. */
  readonly id: string;
  readonly dimensions: number;
  private readonly counts: Record<Family, Float64Array>;

  constructor({ dimensions = 384 }: HashedFeatureEmbeddingsOptions = {}) {
    super({});
    if (!Number.isInteger(dimensions) || dimensions < 8) {
      throw new RangeError(`HashedFeatureEmbeddings: dimensions must be an integer of at least 8, got ${dimensions}`);
    }
    this.dimensions = dimensions;
    this.id = `hashed-v${FEATURE_VERSION}-${dimensions}`;
    this.counts = {
      term: new Float64Array(dimensions),
      concept: new Float64Array(dimensions),
      bigram: new Float64Array(dimensions),
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
    for (const family of FAMILY_NAMES) this.counts[family].fill(0);
    const tokens = analyzeTokens(text);
    const terms = tokens.map((token) => token.term);
    const language = commonLanguage(tokens);
    let previous: string | undefined;
    for (const term of terms) {
      this.count('term', fnvString(FAMILIES.term.seed, term));
      if (previous !== undefined) {
        this.count('bigram', fnvString(fnvStep(fnvString(FAMILIES.bigram.seed, previous), 32), term));
      }
      previous = term;
    }
    const expanded = expandWithLexicon(terms, language);
    for (let i = terms.length; i < expanded.length; i += 1) this.count('concept', fnvString(FAMILIES.concept.seed, expanded[i]));
    for (const { norm } of tokens) this.countNgrams(norm);
    return this.combine();
  }

  private count(family: Family, hash: number): void {
    const mixed = mix(hash);
    this.counts[family][mixed % this.dimensions] += mixed & 0x80000000 ? -1 : 1;
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
      const weight = FAMILIES[family].weight;
      for (let i = 0; i < counts.length; i += 1) {
        const count = counts[i];
        if (count !== 0) vector[i] += weight * Math.sign(count) * (1 + Math.log(Math.abs(count)));
      }
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    if (norm === 0) return vector;
    const scale = 1 / Math.sqrt(norm);
    return vector.map((value) => value * scale);
  }
}

function commonLanguage(tokens: { language: 'fr' | 'en' }[]): Language | undefined {
  const first = tokens[0]?.language;
  return tokens.every((token) => token.language === first) ? first : undefined;
}
