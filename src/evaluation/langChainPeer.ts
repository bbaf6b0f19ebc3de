import { EnsembleRetriever } from '@langchain/classic/retrievers/ensemble';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { BaseRetriever } from '@langchain/core/retrievers';
import type { Article } from '../articles/article';
import type { Passage } from '../passages/passage';
import type { SearchHit } from '../retrieval/searchHit';

/** The three retrievers a LangChain user builds first. */
export type PeerRetrieverName = 'bm25' | 'vector' | 'hybrid';

/** Every peer retriever, in the order reports show them. */
export const PEER_RETRIEVERS: readonly PeerRetrieverName[] = ['hybrid', 'bm25', 'vector'];

/** What each peer retriever is, for report footnotes. */
export const PEER_DESCRIPTIONS: Record<PeerRetrieverName, string> = {
  bm25: 'BM25Retriever (@langchain/community/retrievers/bm25)',
  vector: 'MemoryVectorStore (@langchain/classic/vectorstores/memory) with the same embedder, as a retriever',
  hybrid: 'EnsembleRetriever (@langchain/classic) fusing the two with reciprocal ranks, equal weights',
};

/** The peer's stand-in for an answer: its top passage, quoted whole. It never declines. */
export interface PeerAnswer {
  text: string;
  abstained: false;
  citations: { articleId: string; source: string; start: number; end: number; snippet: string }[];
}

/** What the peer is built from: the same passages, articles and embedder Scoop uses. */
export interface LangChainPeerInput {
  articles: readonly Article[];
  passages: readonly Passage[];
  embeddings: EmbeddingsInterface;
  /** Largest k any search will ask for (BM25Retriever fixes k when it is built). */
  maxK?: number;
}

interface PassageMetadata {
  passageId: string;
}

/**
 * The pipeline a LangChain user would build first over the same passages:
 * LangChain's BM25Retriever, a MemoryVectorStore with the same embedder, and the
 * two fused by LangChain's EnsembleRetriever. It is the peer `npm run eval` and
 * `npm run bench` measure Scoop against; it is used as the libraries ship it.
 */
export class LangChainPeer {
  private constructor(
    private readonly retrievers: Record<PeerRetrieverName, BaseRetriever>,
    private readonly passagesById: Map<string, Passage>,
    private readonly articlesById: Map<string, Article>,
  ) {}

  /** Builds all three retrievers; the vector store embeds every passage once. */
  static async build({ articles, passages, embeddings, maxK = 10 }: LangChainPeerInput): Promise<LangChainPeer> {
    const documents = passages.map(
      (passage) => new Document<PassageMetadata>({ pageContent: passage.text, metadata: { passageId: passage.id }, id: passage.id }),
    );
    const bm25 = BM25Retriever.fromDocuments(documents, { k: maxK });
    const store = await MemoryVectorStore.fromDocuments(documents, embeddings);
    const vector = store.asRetriever(maxK);
    const hybrid = new EnsembleRetriever({ retrievers: [bm25, vector], weights: [0.5, 0.5] });
    return new LangChainPeer(
      { bm25, vector, hybrid },
      new Map(passages.map((passage) => [passage.id, passage])),
      new Map(articles.map((article) => [article.id, article])),
    );
  }

  /** The top-k passages one retriever finds, as Scoop's SearchHit (score 1/rank: the retrievers return ranks, not comparable scores). */
  async search(retriever: PeerRetrieverName, query: string, k: number): Promise<SearchHit[]> {
    const documents = await this.retrievers[retriever].invoke(query);
    const hits: SearchHit[] = [];
    for (const document of documents) {
      const passage = this.passagesById.get((document.metadata as PassageMetadata).passageId);
      const article = passage && this.articlesById.get(passage.articleId);
      if (passage && article) hits.push({ passage, article, score: 1 / (hits.length + 1) });
      if (hits.length === k) break;
    }
    return hits;
  }

  /** The peer's "answer": its top passage for the question, never a refusal (an empty text when nothing is found). */
  async answer(retriever: PeerRetrieverName, question: string): Promise<PeerAnswer> {
    const [top] = await this.search(retriever, question, 1);
    if (!top) return { text: '', abstained: false, citations: [] };
    const { passage, article } = top;
    return {
      text: passage.text,
      abstained: false,
      citations: [{ articleId: article.id, source: article.source, start: passage.start, end: passage.end, snippet: passage.text }],
    };
  }
}
