import type { Article } from '../articles/article';
import type { TextSpan } from './passage';

/**
 * A verbatim quote of an article: `snippet === article.text.slice(start, end)`.
 * Citations are built from article data, never from generated text.
 */
export interface Citation extends TextSpan {
  articleId: string;
  source: string;
  title: string;
  published: string | null;
  url: string | null;
  snippet: string;
}

/** Builds the citation of `span` in `article`, slicing the snippet from the article itself. */
export function citeSpan(article: Article, span: TextSpan): Citation {
  if (span.start < 0 || span.end > article.text.length || span.start >= span.end) {
    throw new RangeError(`span ${span.start}-${span.end} is outside article ${article.id}`);
  }
  return {
    articleId: article.id,
    source: article.source,
    title: article.title,
    published: article.published,
    url: article.url,
    start: span.start,
    end: span.end,
    snippet: article.text.slice(span.start, span.end),
  };
}
