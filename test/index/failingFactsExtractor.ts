import type { Article } from '../../src/articles/article';
import type { ArticleFacts } from '../../src/facts/fact';
import { extractFacts as extractAll } from '../../src/facts/extractFacts';
import type { Passage } from '../../src/passages/passage';

/** Scoop's fact extractor, except that it throws on articles titled with "Mistral": a module worker threads can load. */
export function extractFacts(article: Article, passages: Passage[]): ArticleFacts {
  if (article.title.includes('Mistral')) throw new Error('the extractor broke on this article');
  return extractAll(article, passages);
}
