import { detectLanguage } from '../text/detectLanguage';
import type { Article } from './article';
import { computeArticleId } from './articleId';
import { httpUrl, type ArticleMetadata } from './articleMetadata';
import { cleanTitle, deriveTitle } from './deriveTitle';
import { normaliseLanguage } from './normaliseLanguage';
import { normalisePublished } from './normalisePublished';

const LANGUAGE_SAMPLE_CHARS = 200;

/**
 * The opening of a text, cut at a word boundary, that language detection
 * reads: a few sentences decide French or English as well as a whole article
 * does, and trigram statistics over whole articles would dominate the time
 * to load a large corpus.
 */
export function languageSample(text: string): string {
  if (text.length <= LANGUAGE_SAMPLE_CHARS) return text;
  const cut = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  const lastSpace = cut.search(/\s\S*$/);
  return lastSpace > LANGUAGE_SAMPLE_CHARS / 2 ? cut.slice(0, lastSpace) : cut;
}

/**
 * Assembles an article from its citable text and whatever metadata its file
 * gave: the title from metadata or derived from the text, the language from
 * metadata or detected from the opening of the text, the publication date normalised (null when unusable),
 * the URL when it is an absolute http(s) one (a relative canonical link is not),
 * and the content id. `text` is kept exactly as given.
 */
export function buildArticle(source: string, text: string, metadata: ArticleMetadata): Article {
  const title = cleanTitle(metadata.title) ?? deriveTitle(text);
  const language = normaliseLanguage(metadata.language) ?? detectLanguage(languageSample(text));
  const published = normalisePublished(metadata.published);
  const url = httpUrl(metadata.url) ?? null;
  const id = computeArticleId({ text, title, published, url, language });
  return { id, source, title, language, published, url, ...(metadata.outlet !== undefined && { outlet: metadata.outlet }), text };
}
