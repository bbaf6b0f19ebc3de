import type { GenerationFile, LoadedGeneration } from './indexStore';
import { IndexUnreadableError } from './indexStore';
import { type LexicalDocument, LexicalIndex, type LexicalSearchOptions } from './lexicalIndex';
import type { Ranking } from './vectorStore';

/** Passage terms by id, ranked by BM25 for a query, persisted in an index generation. */
export interface LexicalStore {
  /** Number of stored passages. */
  readonly size: number;
  /** Adds (or replaces, same id) passages. */
  add(documents: LexicalDocument[]): void;
  remove(ids: Iterable<string>): void;
  search(query: string, k: number, options?: LexicalSearchOptions): Ranking;
  /** The share of stored passages holding an analysed term (how common it is: the answerer weighs question words by it). */
  documentShare(term: string): number;
  /** The store's files for a new generation. */
  files(): GenerationFile[];
}

const LEXICAL_FILE = 'lexical.bin';

/** The lexical store Scoop ships: a {@link LexicalIndex} saved in its binary layout. */
export class Bm25LexicalStore implements LexicalStore {
  constructor(private readonly index = new LexicalIndex()) {}

  /** Restores the store of a verified generation holding `passages` passages; throws {@link IndexUnreadableError} when it does not. */
  static restore(generation: LoadedGeneration, passages: number): Bm25LexicalStore {
    const bytes = generation.files.get(LEXICAL_FILE);
    if (!bytes) throw new IndexUnreadableError(`${LEXICAL_FILE} is not in the manifest`);
    let index: LexicalIndex;
    try {
      index = LexicalIndex.fromBinary(bytes);
    } catch (error) {
      throw new IndexUnreadableError(error instanceof Error ? error.message : String(error));
    }
    if (index.size !== passages) throw new IndexUnreadableError(`${LEXICAL_FILE} holds ${index.size} passages, not ${passages}`);
    return new Bm25LexicalStore(index);
  }

  get size(): number {
    return this.index.size;
  }

  add(documents: LexicalDocument[]): void {
    this.index.add(documents);
  }

  remove(ids: Iterable<string>): void {
    this.index.remove(ids);
  }

  search(query: string, k: number, options: LexicalSearchOptions = {}): Ranking {
    return this.index.search(query, k, options);
  }

  documentShare(term: string): number {
    return this.index.documentShare(term);
  }

  files(): GenerationFile[] {
    return [{ name: LEXICAL_FILE, chunks: () => this.index.binaryChunks() }];
  }
}
