import { escapeAll, fitText, hostOf, linkText, quoteBlock, safeUrl } from './discordLimits';
import type { EmbedText } from './embedDraft';

/** Where a quoted snippet comes from, as shown under the quote. */
export interface SourceRef {
  source: string;
  title: string;
  published: string | null;
  url: string | null;
}

const SOURCE_LINE_LIMIT = 300;

/**
 * The line under a quote: the article's site linked to the article when it has
 * a URL (else its file name), and its date when known.
 */
export function sourceLine(ref: SourceRef): string {
  const url = safeUrl(ref.url);
  const where = url ? `[${linkText(hostOf(url))}](${url})` : escapeAll(ref.source);
  const line = ref.published ? `${where} · ${ref.published}` : where;
  return line.length <= SOURCE_LINE_LIMIT ? line : fitText(escapeAll(ref.source), SOURCE_LINE_LIMIT);
}

/**
 * A field value: the snippet quoted (shortened to fit) and the source line kept
 * whole under it, followed by `note` (already escaped) when given.
 */
export function quotedSource(snippet: string, ref: SourceRef, maxSnippet = Infinity, note?: string): EmbedText {
  const line = note ? `${sourceLine(ref)} · ${note}` : sourceLine(ref);
  return (limit) => {
    const room = limit - line.length - 1;
    if (room < 8) return fitText(line, limit);
    return `${quoteBlock(snippet, Math.min(room, maxSnippet))}\n${line}`;
  };
}

/** A field name `[n] title`, or just the title. */
export function sourceTitle(title: string, n?: number): string {
  const clean = escapeAll(title.replace(/\s+/gu, ' ').trim()) || 'Untitled article';
  return n === undefined ? clean : `[${n}] ${clean}`;
}
