import { Parser, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** A page with its element nesting bounded, and how deep the original went. */
export interface BoundedHtml {
  /** The page, unchanged when it was within the bound. */
  html: string;
  /**
   * Deepest element nesting of the original page (html = 1), counting an
   * element that is never closed as open: an upper bound on the DOM's depth.
   */
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

/** HTML's void elements: never open, so never nesting anything. */
const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

/**
 * Past this naive depth, a first linear pass unwraps elements before the
 * tree-building pass: htmlparser2's Parser keeps its open elements in an
 * array it shifts at the front, quadratic in the depth (20,000 levels: 0.7 s;
 * 100,000: 44 s).
 */
const PARSER_DEPTH_BUDGET = 2_000;

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

/**
 * Follows the open elements of a page as a parser reports them and records
 * the source ranges to cut so that none is nested deeper than `maxDepth`.
 */
class NestingCutter {
  readonly cuts: Cut[] = [];
  deepest = 0;
  private readonly stack: OpenElement[] = [];
  private readonly openNames = new Map<string, number>();
  private removedAtDepth = Infinity;

  constructor(private readonly maxDepth: number) {}

  get top(): string | undefined {
    return this.stack.at(-1)?.name;
  }

  isOpen(name: string): boolean {
    return (this.openNames.get(name) ?? 0) > 0;
  }

  /** An element opened by the tag at [start, end). */
  open(name: string, start: number, end: number): void {
    const depth = this.stack.length + 1;
    this.deepest = Math.max(this.deepest, depth);
    const deep = depth > this.maxDepth;
    this.stack.push({ name, start, deep });
    this.openNames.set(name, (this.openNames.get(name) ?? 0) + 1);
    if (!deep || depth > this.removedAtDepth) return;
    if (CONTENTLESS_ELEMENTS.has(name)) this.removedAtDepth = depth;
    else this.cuts.push({ start, end, replacement: BLOCK_ELEMENTS.has(name) ? '<br>' : '' });
  }

  /** The innermost element closed: by the tag at [start, end), or implied by what comes at `start`. */
  close(implied: boolean, start: number, end: number): void {
    const depth = this.stack.length;
    const element = this.stack.pop();
    if (element === undefined) return;
    this.openNames.set(element.name, this.openNames.get(element.name)! - 1);
    if (!element.deep || depth > this.removedAtDepth) return;
    if (depth === this.removedAtDepth) {
      this.cuts.push({ start: element.start, end: implied ? start : end, replacement: '' });
      this.removedAtDepth = Infinity;
    } else if (!implied) {
      this.cuts.push({ start, end, replacement: BLOCK_ELEMENTS.has(element.name) ? '<br>' : '' });
    }
  }

  /** Closes what is still open at the end of the page. */
  finish(length: number): void {
    while (this.stack.length > 0) this.close(true, length, length);
  }
}

/**
 * The nesting as htmlparser2's Parser builds it, the parser linkedom builds
 * its DOM with (implied closes of <p>, <li>, <td> and the like included).
 */
function followParser(html: string, cutter: NestingCutter): void {
  const parser = new Parser(
    {
      onopentag(name) {
        cutter.open(name, parser.startIndex, parser.endIndex + 1);
      },
      onclosetag(_name, isImplied) {
        cutter.close(isImplied, parser.startIndex, parser.endIndex + 1);
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.end(html);
}

/**
 * A linear upper bound of the nesting, from htmlparser2's Tokenizer alone:
 * an element stays open until its own closing tag (or that of an element
 * around it), so the depth is never less than the DOM's.
 */
function followTags(html: string, cutter: NestingCutter): void {
  let tag = { name: '', start: 0 };
  const ignore = () => {};
  const openTag = (endIndex: number) => {
    cutter.open(tag.name, tag.start, endIndex + 1);
    if (VOID_ELEMENTS.has(tag.name)) cutter.close(true, endIndex + 1, endIndex + 1);
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = { name: html.slice(start, end).toLowerCase(), start: start - 1 };
    },
    onopentagend: openTag,
    onselfclosingtag: openTag,
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (VOID_ELEMENTS.has(name) || !cutter.isOpen(name)) return;
      const tagStart = html.lastIndexOf('</', start);
      const closing = html.indexOf('>', end);
      const tagEnd = closing < 0 ? html.length : closing + 1;
      while (cutter.top !== name) cutter.close(true, tagStart, tagStart);
      cutter.close(false, tagStart, tagEnd);
    },
    onattribdata: ignore,
    onattribentity: ignore,
    onattribend: ignore,
    onattribname: ignore,
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onprocessinginstruction: ignore,
    ontext: ignore,
    ontextentity: ignore,
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  cutter.finish(html.length);
}

function cutNesting(html: string, maxDepth: number, follow: (html: string, cutter: NestingCutter) => void): NestingCutter {
  const cutter = new NestingCutter(maxDepth);
  follow(html, cutter);
  return cutter;
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
 * their text kept where it was, a run of unwrapped blocks leaving one `<br>`
 * so their paragraphs stay apart); scripts, styles, forms and other elements
 * with no readable text are removed whole. Text and tags within the bound
 * are kept byte for byte, and a page within it is returned as it came.
 *
 * Depths are counted as linkedom will build the DOM, with the parser it uses
 * (htmlparser2), after a linear first pass over its tokens that settles the
 * common case (no element that deep even counting unclosed ones) and
 * unwraps what lies beyond a few thousand levels, so the whole stays linear.
 */
export function boundHtmlNesting(html: string, maxDepth: number): BoundedHtml {
  const tags = cutNesting(html, Math.max(maxDepth, PARSER_DEPTH_BUDGET), followTags);
  if (tags.deepest <= maxDepth) return { html, deepest: tags.deepest, flattened: false };
  const shallower = tags.deepest > PARSER_DEPTH_BUDGET ? applyCuts(html, tags.cuts) : html;
  const parsed = cutNesting(shallower, maxDepth, followParser);
  if (parsed.cuts.length === 0 && shallower === html) return { html, deepest: tags.deepest, flattened: false };
  return { html: applyCuts(shallower, parsed.cuts), deepest: tags.deepest, flattened: true };
}
