import { DetectError, MalformedError, parseFeed as parseAnyFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';

/** One item of a feed, the same whatever the format. */
export interface FeedItem {
  /** What identifies the item across polls: its guid / id, else its link, else its title. */
  key: string;
  /** The article's page, absolute. */
  link: string | null;
  title: string | null;
  /** Publication date as the feed writes it. */
  published: string | null;
  /** The feed's own copy of the article (HTML): full content when it has one, else the summary. */
  contentHtml: string | null;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json' | 'rdf';
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  items: FeedItem[];
}

/** The body is not a feed at all, or a feed that does not parse; the message says which. */
export class FeedParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FeedParseError';
  }
}

type Loose = Record<string, unknown> | undefined;

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The text of an HTML fragment (a title written as HTML), entities decoded and tags dropped. */
export function fragmentText(html: string | null): string | null {
  if (html === null) return null;
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim() || null;
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
}

function absolute(link: string | null, base: string): string | null {
  if (link === null) return null;
  try {
    return new URL(link, base).href;
  } catch {
    return null;
  }
}

function atomText(value: unknown): string | null {
  if (typeof value === 'string') return text(value);
  const node = value as Loose;
  return text(node?.value);
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  const alternate = links.find((link: Loose) => (link?.rel ?? 'alternate') === 'alternate') ?? links[0];
  return text((alternate as Loose)?.href);
}

function item(key: string | null, link: string | null, title: string | null, published: string | null, contentHtml: string | null, base: string): FeedItem | null {
  const absoluteLink = absolute(link, base);
  const itemKey = key ?? absoluteLink ?? title;
  if (itemKey === null) return null;
  return { key: itemKey, link: absoluteLink, title: fragmentText(title), published, contentHtml };
}

function rssItems(items: unknown, base: string): FeedItem[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((entry: Loose) => {
    const guid = entry?.guid as Loose;
    const content = entry?.content as Loose;
    const dc = entry?.dc as Loose;
    const guidValue = text(guid?.value);
    const permalink = guid?.isPermaLink !== false && guidValue !== null && /^https?:\/\//i.test(guidValue) ? guidValue : null;
    const published = text(entry?.pubDate) ?? text(dc?.date) ?? text((dc?.dates as unknown[] | undefined)?.[0]);
    const found = item(guidValue, text(entry?.link) ?? permalink, text(entry?.title), published, text(content?.encoded) ?? text(entry?.description), base);
    return found ? [found] : [];
  });
}

function atomItems(entries: unknown, base: string): FeedItem[] {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: Loose) => {
    const published = text(entry?.published) ?? text(entry?.updated);
    const found = item(text(entry?.id), atomLink(entry?.links), atomText(entry?.title), published, atomText(entry?.content) ?? atomText(entry?.summary), base);
    return found ? [found] : [];
  });
}

function jsonItems(items: unknown, base: string): FeedItem[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((entry: Loose) => {
    const plain = text(entry?.content_text);
    const html = text(entry?.content_html) ?? (plain === null ? text(entry?.summary) : `<p>${escapeHtml(plain)}</p>`);
    const found = item(text(entry?.id), text(entry?.url) ?? text(entry?.external_url), text(entry?.title), text(entry?.date_published) ?? text(entry?.date_modified), html, base);
    return found ? [found] : [];
  });
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n{2,}/g, '</p><p>');
}

/**
 * Parses an RSS 2.0 (and RSS 1.0 / RDF), Atom or JSON Feed document with
 * feedsmith, and maps every format onto one {@link ParsedFeed}: item links
 * made absolute against `baseUrl`, titles as plain text, the feed's own
 * content (content:encoded, Atom content, content_html) kept as the fallback
 * copy of each article.
 *
 * @throws FeedParseError when the body is not a feed, or is malformed.
 */
export function parseFeedDocument(body: string, baseUrl: string): ParsedFeed {
  const trimmed = body.replace(/^\uFEFF/, '').trim();
  let input: unknown = trimmed;
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed);
    } catch (error) {
      throw new FeedParseError(`it looks like JSON but does not parse (${(error as Error).message})`);
    }
  }
  let parsed;
  try {
    parsed = parseAnyFeed(input);
  } catch (error) {
    if (error instanceof MalformedError) throw new FeedParseError('it is malformed XML (the feed does not parse)');
    if (error instanceof DetectError) throw new FeedParseError('it is not an RSS, Atom or JSON feed');
    throw new FeedParseError(`it does not parse as a feed (${(error as Error).message})`);
  }
  const feed = parsed.feed as Loose;
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const link = absolute(text(feed?.link), baseUrl);
      return { format: parsed.format, title: fragmentText(text(feed?.title)), link, items: rssItems(feed?.items, link ?? baseUrl) };
    }
    case 'atom': {
      const link = absolute(atomLink(feed?.links), baseUrl);
      return { format: 'atom', title: fragmentText(atomText(feed?.title)), link, items: atomItems(feed?.entries, baseUrl) };
    }
    case 'json': {
      const link = absolute(text(feed?.home_page_url), baseUrl);
      return { format: 'json', title: fragmentText(text(feed?.title)), link, items: jsonItems(feed?.items, baseUrl) };
    }
  }
}
