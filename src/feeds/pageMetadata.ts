import { parseHTML } from 'linkedom';
import { publicationDate } from './publicationDate';

/** What a news page says about itself beyond its text (Readability reads none of the dates). */
export interface PageMetadata {
  /** `<link rel="canonical">`, else og:url, absolute. */
  canonicalUrl: string | null;
  title: string | null;
  /** ISO date or date-time (see `publicationDate`). */
  published: string | null;
  modified: string | null;
  /** The outlet's name: og:site_name, else the JSON-LD publisher. */
  outlet: string | null;
  language: string | null;
}

interface Element {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

interface Document {
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  documentElement: Element | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|LiveBlogPosting)$/;

function attribute(document: Document, selectors: string[], name = 'content'): string | null {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
}

function meta(document: Document, ...keys: string[]): string | null {
  return attribute(document, keys.flatMap((key) => [`meta[property="${key}"]`, `meta[name="${key}"]`, `meta[itemprop="${key}"]`]));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object of the page's JSON-LD blocks, @graph and nested lists flattened. */
function jsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) for (const entry of value) visit(entry, depth + 1);
    else if (isObject(value)) {
      nodes.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph'], depth + 1);
    }
  };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i += 1) {
    try {
      visit(JSON.parse(scripts[i].textContent ?? ''), 0);
    } catch {
      continue;
    }
  }
  return nodes;
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (Array.isArray(value)) return stringOf(value[0]);
  if (isObject(value)) return stringOf(value.name ?? value['@value']);
  return null;
}

function absolute(href: string | null, base: string): string | null {
  if (href === null) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads a news page's metadata: the canonical URL, title, publication and
 * modification dates, outlet and language, from the JSON-LD NewsArticle (or
 * any *Article / BlogPosting) first, then the og: and article: meta tags,
 * itemprop and Dublin Core tags, and the first `<time datetime>`. Relative
 * URLs are resolved against `pageUrl`. Missing fields are null.
 */
export function readPageMetadata(html: string, pageUrl: string): PageMetadata {
  const document = parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
  const nodes = jsonLdNodes(document);
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type))) ?? null;
  const website = nodes.find((node) => typesOf(node).includes('WebSite')) ?? null;
  const fromLd = (key: string): string | null => (article ? stringOf(article[key]) : null);
  const publisher = article && isObject(article.publisher) ? stringOf(article.publisher.name) : null;
  const mainEntity = article && isObject(article.mainEntityOfPage) ? stringOf(article.mainEntityOfPage['@id']) : null;

  const published =
    publicationDate(fromLd('datePublished')) ??
    publicationDate(meta(document, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date')) ??
    publicationDate(attribute(document, ['article time[datetime]', 'time[pubdate][datetime]', 'time[itemprop="datePublished"]', 'time[datetime]'], 'datetime'));
  const modified =
    publicationDate(fromLd('dateModified')) ?? publicationDate(meta(document, 'article:modified_time', 'og:updated_time', 'dateModified', 'dcterms.modified'));
  const canonical = attribute(document, ['link[rel="canonical"]'], 'href') ?? meta(document, 'og:url') ?? mainEntity ?? fromLd('url');
  return {
    canonicalUrl: absolute(canonical, pageUrl),
    title: meta(document, 'og:title', 'twitter:title') ?? fromLd('headline'),
    published,
    modified,
    outlet: meta(document, 'og:site_name', 'application-name') ?? publisher ?? (website ? stringOf(website.name) : null),
    language: document.documentElement?.getAttribute('lang')?.trim() || fromLd('inLanguage') || meta(document, 'og:locale'),
  };
}
