import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { HybridSearch, type FusionOptions, type SearchableIndex } from './hybridSearch';
import type { SearchHit } from './searchHit';

export { DEFAULT_FUSION, HybridSearch, MODEL_EMBEDDINGS_FUSION, type FusionOptions, type Ranking, type SearchableIndex } from './hybridSearch';

/** What a {@link HybridRetriever} is built from. */
export interface HybridRetrieverOptions extends BaseRetrieverInput {
  index: SearchableIndex;
  fusion?: FusionOptions;
  /** Passages a LangChain `invoke` returns. Default 5. */
  k?: number;
}

/** Metadata of the LangChain documents a {@link HybridRetriever} returns. */
export interface PassageMetadata {
  passageId: string;
  articleId: string;
  source: string;
  title: string;
  published: string | null;
  url: string | null;
  /** Offsets of the passage in its article's text (UTF-16 code units). */
  start: number;
  end: number;
  /** Fused score, higher is better. */
  score: number;
}

/**
 * Scoop's hybrid search ({@link HybridSearch}) as a LangChain
 * `BaseRetriever`, so it plugs into LangChain chains: `invoke` returns
 * passages as `Document`s with their article in the metadata. {@link search}
 * returns typed hits without the Runnable machinery.
 */
export class HybridRetriever extends BaseRetriever<PassageMetadata> {
  lc_namespace = ['scoop', 'retrieval'];
  private readonly hybrid: HybridSearch;
  private readonly k: number;

  static lc_name(): string {
    return 'HybridRetriever';
  }

  constructor({ index, fusion, k, ...fields }: HybridRetrieverOptions) {
    super(fields);
    this.hybrid = new HybridSearch({ index, fusion });
    this.k = k ?? 5;
  }

  /** The `k` passages that best answer `query`, best first (see {@link HybridSearch.search}). */
  search(query: string, k: number, options: { excludePassageIds?: string[] } = {}): Promise<SearchHit[]> {
    return this.hybrid.search(query, k, options);
  }

  async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document<PassageMetadata>[]> {
    const hits = await this.search(query, this.k);
    return hits.map(({ passage, article, score }) => {
      const metadata: PassageMetadata = {
        passageId: passage.id,
        articleId: article.id,
        source: article.source,
        title: article.title,
        published: article.published,
        url: article.url,
        start: passage.start,
        end: passage.end,
        score,
      };
      return new Document({ pageContent: passage.text, metadata, id: passage.id });
    });
  }
}
