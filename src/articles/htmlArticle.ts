import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleMetadata } from './articleMetadata';
import { boundHtmlNesting } from './boundHtmlNesting';
import { DEFAULT_MAX_HTML_DEPTH } from './corpusLimits';

/** The readable text of an HTML page and the metadata its head declares. */
export interface HtmlArticle {
  /** Main text, one paragraph (or heading, list item) a line, blank lines between blocks. */
  text: string;
  metadata: ArticleMetadata;
}

/** How an HTML page is read. */
export interface HtmlArticleOptions {
  /** Deepest element nesting kept; deeper elements are unwrapped (see `boundHtmlNesting`). */
  maxDepth?: number;
}

/** The small slice of the DOM this module walks (linkedom's nodes have it). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

interface DomDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
  documentElement: { getAttribute(name: string): string | null } | null;
  body: DomNode | null;
}

const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const DROPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'IFRAME', 'SVG', 'BUTTON', 'FORM']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Walks a subtree in document order without recursion, through
 * firstChild/nextSibling (linkedom builds `childNodes` afresh on every read,
 * so indexing it in a loop is quadratic in the number of children).
 */
function collectBlocks(root: DomNode, blocks: string[], current: string[]): void {
  const isBlock = (element: DomNode) => BLOCK_ELEMENTS.has(element.nodeName.toUpperCase());
  const open: DomNode[] = [];
  let node: DomNode | null = root;
  for (;;) {
    if (node !== null) {
      if (node.nodeType === TEXT_NODE) current.push(node.textContent ?? '');
      else if (node.nodeType === ELEMENT_NODE && !DROPPED_ELEMENTS.has(node.nodeName.toUpperCase())) {
        if (isBlock(node)) flush(blocks, current);
        open.push(node);
        node = node.firstChild;
        continue;
      }
      if (open.length === 0) return;
      node = node.nextSibling;
      continue;
    }
    const finished = open.pop();
    if (finished === undefined) return;
    if (isBlock(finished)) flush(blocks, current);
    if (open.length === 0) return;
    node = finished.nextSibling;
  }
}

function flush(blocks: string[], current: string[]): void {
  const block = current.join('').replace(/\s+/g, ' ').trim();
  current.length = 0;
  if (block !== '') blocks.push(block);
}

/** Text of a DOM subtree with block structure kept: one block a paragraph, separated by blank lines. */
function blockText(root: DomNode): string {
  const blocks: string[] = [];
  const current: string[] = [];
  collectBlocks(root, blocks, current);
  flush(blocks, current);
  return blocks.join('\n\n');
}

function metaContent(document: DomDocument, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = (element?.getAttribute('content') ?? element?.getAttribute('href') ?? element?.getAttribute('datetime'))?.trim();
    if (value) return value;
  }
  return undefined;
}

function headMetadata(document: DomDocument): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const title = metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  if (title) metadata.title = title;
  const url = metaContent(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  if (url) metadata.url = url;
  const published = metaContent(document, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="dc.date"]',
    'time[datetime]',
  ]);
  if (published) metadata.published = published;
  const language = document.documentElement?.getAttribute('lang')?.trim() || metaContent(document, ['meta[property="og:locale"]']);
  if (language) metadata.language = language;
  return metadata;
}

/**
 * A page title without the site name around it ("Grève à la SNCF - Le
 * Quotidien", "Le Quotidien | Tech | Grève..."): the longest part between
 * separators, when the title has them.
 */
function withoutSiteName(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = title.split(/\s+(?:[|\-–—»]{1,2})\s+/).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  return parts.reduce((longest, part) => (part.length > longest.length ? part : longest));
}

function withoutChrome(document: DomDocument): DomNode | null {
  for (const selector of ['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form']) {
    const found = document.querySelectorAll(selector);
    for (let i = found.length - 1; i >= 0; i -= 1) (found[i] as unknown as { remove(): void }).remove();
  }
  return document.body;
}

/**
 * Extracts the article from an HTML page: the main text found by Mozilla's
 * Readability (the Firefox reader view) over linkedom, with navigation,
 * scripts, styles and page chrome dropped, and the metadata of the head
 * (og:title, else the page title, from JSON-LD or <title>, without
 * the site name, else the first <h1>; canonical URL; published
 * time; `<html lang>`). When Readability finds no article the body's text,
 * minus navigation, header, footer and asides, is used instead. Elements
 * nested deeper than `maxDepth` are unwrapped first, their text kept.
 */
export function extractHtmlArticle(page: string, { maxDepth = DEFAULT_MAX_HTML_DEPTH }: HtmlArticleOptions = {}): HtmlArticle {
  const wrapped = /<html[\s>]|<body[\s>]/i.test(page) ? page : `<!DOCTYPE html><html><body>${page}</body></html>`;
  const { html } = boundHtmlNesting(wrapped, maxDepth);
  const untouched = parseHTML(html).document as unknown as DomDocument;
  const metadata = headMetadata(untouched);
  const titleTag = untouched.querySelector('title')?.textContent?.trim();
  const h1 = untouched.querySelector('h1')?.textContent?.trim();
  const { document } = parseHTML(html);
  let text = '';
  let readableTitle: string | undefined;
  try {
    const parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
    if (parsed?.content) text = blockText(parsed.content);
    readableTitle = parsed?.title?.trim() || undefined;
    if (!metadata.published && parsed?.publishedTime) metadata.published = parsed.publishedTime;
  } catch {
    text = '';
  }
  const title = metadata.title || withoutSiteName(readableTitle || titleTag) || h1;
  if (title) metadata.title = title;
  if (text === '') {
    const body = withoutChrome(parseHTML(html).document as unknown as DomDocument);
    if (body) text = blockText(body);
  }
  return { text, metadata };
}
