/** A character range `[start, end)` in an article's text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * A few consecutive sentences of one article: the unit Scoop indexes and
 * cites. `text` always equals `article.text.slice(start, end)`.
 */
export interface Passage extends TextSpan {
  /** `${articleId}:${ordinal}` */
  id: string;
  articleId: string;
  /** Position of the passage in its article, from 0. */
  ordinal: number;
  text: string;
}
