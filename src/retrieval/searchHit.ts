import type { Article } from '../articles/article';
import type { Passage } from '../passages/passage';

/** One passage found for a query, with its article and fused score (higher is better). */
export interface SearchHit {
  passage: Passage;
  article: Article;
  score: number;
}
