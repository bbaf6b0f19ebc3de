import type { Embeddings } from '@langchain/core/embeddings';
import { analyzePassage } from '../text/analyzeTerms';
import { HashedFeatureEmbeddings } from './hashedFeatureEmbeddings';
import type { LexicalDocument } from './lexicalIndex';

/** Options of {@link embedPassages}. */
export interface EmbedPassagesOptions {
  /** Length the vectors must have (the index's); 0 takes the first vector's. */
  dimensions: number;
  /** Passages per `embedDocuments` call. Default 256. */
  batchSize?: number;
  /** Called with each batch's vectors (rows of `dimensions` floats), the row of its first passage and its documents. */
  onBatch?: (vectors: Float32Array, firstRow: number, documents: LexicalDocument[]) => void;
  /** Called after each batch: `done` of `total` passages. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Embeds passages in batches into one row-major Float32Array (row `i` is
 * `documents[i]`), handing each batch on as it is ready. With the hashed
 * embedder each passage is analysed once for both its vector and its BM25
 * terms (see `analyzePassage`), which are stored on the document.
 *
 * @throws Error when the embedder returns too few vectors or vectors of another length.
 */
export async function embedPassages(
  embeddings: Embeddings,
  documents: LexicalDocument[],
  options: EmbedPassagesOptions,
): Promise<{ vectors: Float32Array; dimensions: number }> {
  const total = documents.length;
  const batchSize = Math.max(1, options.batchSize ?? 256);
  const hashed = embeddings instanceof HashedFeatureEmbeddings ? embeddings : null;
  let dimensions = options.dimensions;
  let vectors = new Float32Array(0);
  for (let from = 0; from < total; from += batchSize) {
    const expected = Math.min(batchSize, total - from);
    const slice = documents.slice(from, from + batchSize);
    const batch = hashed
      ? slice.map((document) => {
          const analysis = analyzePassage(document.text, document.language);
          document.terms = analysis.inLanguage.map((token) => token.term);
          return hashed.embedTokens(analysis.bySelf);
        })
      : await embeddings.embedDocuments(slice.map((document) => document.text));
    if (batch.length !== expected) throw new Error(`The embedder returned ${batch.length} vectors for ${expected} passages`);
    if (dimensions === 0) dimensions = batch[0].length;
    if (vectors.length === 0) vectors = new Float32Array(total * dimensions);
    batch.forEach((vector, i) => {
      if (vector.length !== dimensions) {
        throw new Error(`The embedder returned a vector of length ${vector.length}; the index holds vectors of length ${dimensions}`);
      }
      vectors.set(vector, (from + i) * dimensions);
    });
    options.onBatch?.(vectors.subarray(from * dimensions, (from + expected) * dimensions), from, slice);
    options.onProgress?.(from + expected, total);
    if (hashed) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { vectors, dimensions };
}
