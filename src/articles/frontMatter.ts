import { parse as parseYaml } from 'yaml';
import { isRecord, readMetadataFields, type ArticleMetadata } from './articleMetadata';

/**
 * The body of a text file and the metadata of its front matter (with the
 * fields left out and why), or why the front matter is unusable.
 */
export type FrontMatterSplit = { body: string; metadata: ArticleMetadata; ignored: string[] } | { reason: string };

const OPENING_FENCE = /^---[ \t]*\r?\n/;
/** A front matter line read as written when the whole block is not valid YAML: a plain key, then a value that opens no YAML quote, list or block. */
const PLAIN_LINE = /^([A-Za-z_][\w-]*):[ \t]+([^"'\[{|>&*!%@`\s].*?)[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Separates optional YAML front matter (between `---` lines at the very top)
 * from the body of a .txt or .md file. The body is everything after the
 * closing fence line, unchanged, because citation offsets point into it.
 * Text without front matter comes back whole with empty metadata.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const opening = OPENING_FENCE.exec(text);
  if (!opening) return { body: text, metadata: {}, ignored: [] };
  const afterOpening = text.slice(opening[0].length);
  const closing = CLOSING_FENCE.exec(afterOpening);
  if (!closing) return { reason: 'front matter opened with --- on line 1 is never closed (add a --- line after it)' };
  const yamlSource = afterOpening.slice(0, closing.index);
  let parsed: unknown;
  try {
    parsed = parseYaml(yamlSource);
  } catch (error) {
    parsed = plainLines(yamlSource);
    if (parsed === null) {
      const message = (error instanceof Error ? error.message.split('\n')[0] : String(error))
        .replace(/:\s*$/, '')
        .replace(/at line (\d+)/, (_, line: string) => `at line ${Number(line) + 1} of the file`);
      return { reason: `unparsable YAML front matter: ${message}` };
    }
  }
  if (parsed !== null && parsed !== undefined && !isRecord(parsed)) {
    return { reason: 'front matter is not a list of "key: value" lines' };
  }
  const ignored: string[] = [];
  return {
    body: afterOpening.slice(closing.index + closing[0].length),
    metadata: parsed ? readMetadataFields(parsed, (reason) => ignored.push(reason)) : {},
    ignored,
  };
}

/**
 * Front matter that is not valid YAML but is plain `key: value` lines, each
 * value read as written: a French title with its colon (« title: Sécurité
 * routière : un mois meurtrier ») is what a writer means, though YAML would
 * need quotes. Null when any line is something else (an unclosed quote, a list).
 */
function plainLines(source: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const line of source.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = PLAIN_LINE.exec(line);
    if (!match) return null;
    fields[match[1]] = match[2];
  }
  return fields;
}
