import { createHash } from 'node:crypto';
import type { Article } from './article';

/** What an article's id is computed from: its text and the metadata users see. */
export type ArticleIdFields = Pick<Article, 'text' | 'title' | 'published' | 'url' | 'language'>;

function sha256Hex16(input: string): string {
  return createHash('sha256').update(input).digest('hex').slice(0, 16);
}

/**
 * The content id of an article: the first 16 hex characters of a sha256 over
 * its text and visible metadata (title, published, url, language). The same
 * content gives the same id on every run, and any change gives a new one, so
 * an index can tell added, changed and unchanged articles apart.
 */
export function computeArticleId({ text, title, published, url, language }: ArticleIdFields): string {
  return sha256Hex16(JSON.stringify([text, title, published, url, language]));
}

/**
 * Makes ids unique when two sources hold identical content (a copied file,
 * a repeated JSONL line): the first keeps its content id, each later one
 * gets an id hashed from that id and its own source. Stable as long as the
 * articles come in the same (sorted) order.
 */
export function disambiguateIds(articles: Article[]): Article[] {
  const seen = new Set<string>();
  return articles.map((article) => {
    let id = article.id;
    while (seen.has(id)) id = sha256Hex16(`${id}\u0000${article.source}`);
    seen.add(id);
    return id === article.id ? article : { ...article, id };
  });
}
