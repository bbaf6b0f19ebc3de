import { Parser } from 'htmlparser2';

/** A page with its element nesting bounded, and how deep the original went. */
export interface BoundedHtml {
  /** The page, unchanged when it was within the bound. */
  html: string;
  /** Deepest element nesting of the original page (html = 1). */
  deepest: number;
  /** True when elements were unwrapped to respect the bound. */
  flattened: boolean;
}

/** Elements whose content is never text to read: removed whole when they are too deep. */
const CONTENTLESS_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'iframe', 'svg', 'button', 'form']);

/** Elements that end a paragraph: unwrapped into a `<br>` so their text stays a block of its own. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

interface Cut {
  start: number;
  end: number;
  replacement: string;
}

interface OpenElement {
  name: string;
  start: number;
  deep: boolean;
}

function scanNesting(html: string, maxDepth: number): { deepest: number; cuts: Cut[] } {
  const stack: OpenElement[] = [];
  const cuts: Cut[] = [];
  let deepest = 0;
  let removedUntilDepth = Infinity;
  const parser = new Parser(
    {
      onopentag(name) {
        const depth = stack.length + 1;
        deepest = Math.max(deepest, depth);
        const deep = depth > maxDepth;
        stack.push({ name, start: parser.startIndex, deep });
        if (!deep || depth > removedUntilDepth) return;
        if (CONTENTLESS_ELEMENTS.has(name)) removedUntilDepth = depth;
        else cuts.push({ start: parser.startIndex, end: parser.endIndex + 1, replacement: BLOCK_ELEMENTS.has(name) ? '<br>' : '' });
      },
      onclosetag(_name, isImplied) {
        const depth = stack.length;
        const element = stack.pop();
        if (!element?.deep || depth > removedUntilDepth) return;
        if (depth === removedUntilDepth) {
          cuts.push({ start: element.start, end: isImplied ? parser.startIndex : parser.endIndex + 1, replacement: '' });
          removedUntilDepth = Infinity;
        } else if (!isImplied) {
          cuts.push({ start: parser.startIndex, end: parser.endIndex + 1, replacement: BLOCK_ELEMENTS.has(element.name) ? '<br>' : '' });
        }
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.end(html);
  return { deepest, cuts };
}

function applyCuts(html: string, cuts: Cut[]): string {
  const ordered = [...cuts].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let at = 0;
  let breakPending = false;
  for (const cut of ordered) {
    if (cut.start < at) continue;
    const between = html.slice(at, cut.start);
    if (/\S/.test(between)) {
      if (breakPending) parts.push('<br>');
      breakPending = false;
    }
    parts.push(between);
    breakPending ||= cut.replacement !== '';
    at = cut.end;
  }
  if (breakPending) parts.push('<br>');
  parts.push(html.slice(at));
  return parts.join('');
}

/**
 * Bounds how deeply the elements of an HTML page nest, before any DOM is
 * built: a page of thousands of nested elements would exhaust the stack of a
 * recursive DOM walk and makes Readability's scoring cubic in the depth.
 * Elements nested deeper than `maxDepth` are unwrapped (their tags removed,
 * their text kept where it was, a block element leaving a `<br>` so its
 * paragraph stays apart); scripts, styles, forms and other elements with no
 * readable text are removed whole. The page is tokenised with htmlparser2,
 * the parser linkedom builds its DOM with, so depths are counted as the DOM
 * will have them; text and tags within the bound are kept byte for byte.
 */
export function boundHtmlNesting(html: string, maxDepth: number): BoundedHtml {
  const { deepest, cuts } = scanNesting(html, maxDepth);
  if (deepest <= maxDepth) return { html, deepest, flattened: false };
  return { html: applyCuts(html, cuts), deepest, flattened: true };
}
