import { hasWords } from '../articles/decodeArticleText';
import { extractHtmlArticle } from '../articles/htmlArticle';
import { canonicalUrl } from './canonicalUrl';
import { FetchFailedError, FetchRefusedError, fetchErrorReason } from './fetchErrors';
import { readPageMetadata } from './pageMetadata';
import type { FeedItem } from './parseFeed';
import { publicationDate } from './publicationDate';
import type { RobotsRules } from './robotsRules';
import type { SafeFetcher } from './safeFetch';

/** Where an article's text comes from: its page (Readability), or the feed's own copy when the page could not be extracted. */
export type ArticleContentSource = 'page' | 'feed';

/** An article fetched from the web, ready to be stored in the corpus. */
export interface FetchedArticle {
  /** The canonical URL the article is filed under. */
  url: string;
  /** Other URLs that led to it (the feed's link, the URL redirected from), canonicalised. */
  aliases: string[];
  title: string | null;
  /** ISO date or date-time, or null. */
  published: string | null;
  outlet: string | null;
  language: string | null;
  text: string;
  content: ArticleContentSource;
  /** Why the feed's copy was used instead of the page (when `content` is `feed`). */
  fallbackReason?: string;
}

/** What fetching an article page needs. */
export interface ArticleFetchDeps {
  fetcher: SafeFetcher;
  robots: RobotsRules;
}

/** Fewest words of main text for a page to count as extracted (below it, the page is a stub, a paywall or a consent wall). */
export const MIN_PAGE_WORDS = 40;

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function hostOutlet(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

function unique(urls: (string | null)[], except: string): string[] {
  return [...new Set(urls.filter((url): url is string => url !== null).map(canonicalUrl))].filter((url) => url !== except);
}

function fromFeed(item: FeedItem | undefined, link: string, feedTitle: string | null, reason: string): FetchedArticle {
  const text = item?.contentHtml ? extractHtmlArticle(item.contentHtml).text : '';
  if (!hasWords(text)) throw new FetchFailedError(link, `${reason}, and the feed carries no text for it`);
  const url = canonicalUrl(link);
  return {
    url,
    aliases: [],
    title: item?.title ?? null,
    published: publicationDate(item?.published),
    outlet: feedTitle ?? hostOutlet(link),
    language: null,
    text,
    content: 'feed',
    fallbackReason: reason,
  };
}

/**
 * Fetches one article page (robots.txt honoured, through the safe fetcher),
 * extracts its main text with Readability (`extractHtmlArticle`) and its
 * metadata (`readPageMetadata`): canonical URL, title, dates, outlet. The
 * feed item, when there is one, supplies the title first and the date and
 * outlet where the page has none. A page that cannot be fetched or has no
 * main text falls back to the feed's own copy, marked `content: 'feed'`; a
 * refused URL (address, scheme) never does.
 *
 * @throws FetchRefusedError for a URL that must not be fetched; FetchFailedError when neither the page nor the feed gives text.
 */
export async function fetchArticle(
  link: string,
  deps: ArticleFetchDeps,
  feed: { item?: FeedItem; title?: string | null } = {},
): Promise<FetchedArticle> {
  let page;
  try {
    page = await deps.fetcher.fetch({ url: link, kind: 'page', beforeRequest: (url) => deps.robots.check(url) });
  } catch (error) {
    const robots = error instanceof FetchRefusedError && /robots\.txt/.test(error.reason);
    if ((error instanceof FetchRefusedError && !robots) || !feed.item) throw error;
    return fromFeed(feed.item, link, feed.title ?? null, `the page could not be fetched (${fetchErrorReason(error)})`);
  }
  const extracted = extractHtmlArticle(page.text);
  const metadata = readPageMetadata(page.text, page.url);
  if (wordCount(extracted.text) < MIN_PAGE_WORDS) {
    if (feed.item?.contentHtml) return fromFeed(feed.item, link, feed.title ?? null, 'the page has no readable main text');
    if (!hasWords(extracted.text)) throw new FetchFailedError(link, 'the page has no readable text');
  }
  const url = canonicalUrl(metadata.canonicalUrl ?? page.url);
  return {
    url,
    aliases: unique([link, page.url], url),
    title: feed.item?.title ?? metadata.title ?? extracted.metadata.title ?? null,
    published: metadata.published ?? publicationDate(feed.item?.published) ?? publicationDate(extracted.metadata.published as string | undefined),
    outlet: metadata.outlet ?? feed.title ?? hostOutlet(page.url),
    language: metadata.language ?? extracted.metadata.language ?? null,
    text: extracted.text,
    content: 'page',
  };
}
