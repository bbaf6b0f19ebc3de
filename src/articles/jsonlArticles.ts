import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Article, SkippedInput } from './article';
import { isRecord, readMetadataFields } from './articleMetadata';
import { buildArticle } from './buildArticle';
import { articleLengthReason, decodeStrictUtf8, formatBytes, hasWords } from './decodeArticleText';

/** One line of a JSONL file as bytes, or only its size when it was over the limit. */
type RawLine = { line: number; bytes: Buffer } | { line: number; oversizeBytes: number };

/**
 * What one JSONL line gave: an article (with the fields left out of it and
 * why) or a reason to skip it; nothing for a blank line.
 */
export type JsonlLineResult = { article: Article; ignored: SkippedInput[] } | { skipped: SkippedInput } | null;

const TEXT_FIELDS = ['text', 'article', 'content'] as const;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into lines without holding more than one line of at
 * most `maxLineBytes` in memory: a longer line is counted and dropped, not
 * buffered. Lines are numbered from 1; a final `\r` is removed.
 */
async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let lineBytes = 0;
  let line = 1;
  const take = (segment: Buffer): void => {
    lineBytes += segment.length;
    if (lineBytes <= maxLineBytes) parts.push(segment);
    else parts = [];
  };
  const finish = (): RawLine => {
    let result: RawLine;
    if (lineBytes > maxLineBytes) result = { line, oversizeBytes: lineBytes };
    else {
      const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      result = { line, bytes: bytes.at(-1) === CARRIAGE_RETURN ? bytes.subarray(0, -1) : bytes };
    }
    parts = [];
    lineBytes = 0;
    line += 1;
    return result;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  }
  if (lineBytes > 0) yield finish();
}

/**
 * Turns one JSONL line into an article (source `NAME.jsonl#LINE`), or into a
 * skip with the reason: invalid UTF-8, NUL bytes, unparsable JSON, not an
 * object, no text in `text`, `article` or `content`, or a text longer than
 * `maxArticleChars`. Metadata comes from
 * `title`, `url`, `published` or `date`, `lang` or `language`; other fields
 * (OrangeSum's `heading`, say) are ignored, never added to the text.
 */
export function parseJsonlLine(fileSource: string, line: number, bytes: Uint8Array, maxArticleChars = Infinity): JsonlLineResult {
  const skip = (reason: string): JsonlLineResult => ({ skipped: { source: fileSource, line, reason } });
  if (bytes.includes(0)) return skip('binary content (NUL bytes)');
  const json = decodeStrictUtf8(bytes);
  if (json === undefined) return skip('not valid UTF-8: save the file as UTF-8');
  if (json.trim() === '') return null;
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (error) {
    return skip(`unparsable JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isRecord(record)) return skip('not a JSON object (expected {"title": ..., "text": ...})');
  const text = TEXT_FIELDS.map((field) => record[field]).find((value): value is string => typeof value === 'string' && hasWords(value));
  if (text === undefined) return skip('no text: expected a "text", "article" or "content" field with words in it');
  const tooLong = articleLengthReason(text, maxArticleChars);
  if (tooLong) return skip(tooLong);
  const ignored: SkippedInput[] = [];
  const metadata = readMetadataFields(record, (reason) => ignored.push({ source: fileSource, line, reason }));
  return { article: buildArticle(`${fileSource}#${line}`, text, metadata), ignored };
}

/** Thrown through the line splitter when a file has given all the bytes it may. */
class ByteLimitReached extends Error {}

/** The chunks of a stream up to `maxBytes` in all; then `ByteLimitReached`. */
async function* upTo(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    const room = maxBytes - total;
    total += chunk.length;
    if (chunk.length > room) {
      if (room > 0) yield chunk.subarray(0, room);
      throw new ByteLimitReached();
    }
    yield chunk;
  }
}

/** What bounds the reading of one JSONL file. */
export interface JsonlReadOptions {
  gzipped: boolean;
  /** Longest line read, in bytes. */
  maxLineBytes: number;
  /** Most bytes read from the file, counted after decompression; the rest is not read. */
  maxBytes: number;
  /** Longest article text accepted, in characters. */
  maxArticleChars: number;
  onSkip: (skipped: SkippedInput) => void;
}

/**
 * Streams the articles of an open .jsonl or .jsonl.gz file (gunzipped on the
 * fly; the handle is closed at the end), one JSON object a line, so a large
 * file is never read whole into one string. Lines over `maxLineBytes`,
 * broken lines, lines without text and over-long articles are reported
 * through `onSkip`. Reading stops after `maxBytes` decompressed bytes (a
 * small .gz can inflate to gigabytes), and a read or gzip error ends the
 * file, each with a skip that says how many lines were read; nothing is thrown.
 */
export async function* readJsonlArticles(
  handle: FileHandle,
  fileSource: string,
  { gzipped, maxLineBytes, maxBytes, maxArticleChars, onSkip }: JsonlReadOptions,
): AsyncGenerator<Article> {
  const file = handle.createReadStream({ highWaterMark: 1024 * 1024 });
  const bytes = gzipped ? pipeline(file, createGunzip(), () => {}) : file;
  let lastLine = 0;
  try {
    for await (const raw of splitLines(upTo(bytes, maxBytes), maxLineBytes)) {
      lastLine = raw.line;
      if ('oversizeBytes' in raw) {
        onSkip({ source: fileSource, line: raw.line, reason: `line is ${formatBytes(raw.oversizeBytes)}, over the ${formatBytes(maxLineBytes)} limit per JSONL line (MAX_LINE_BYTES)` });
        continue;
      }
      const result = parseJsonlLine(fileSource, raw.line, raw.bytes, maxArticleChars);
      if (result === null) continue;
      if ('skipped' in result) onSkip(result.skipped);
      else {
        for (const ignored of result.ignored) onSkip(ignored);
        yield result.article;
      }
    }
  } catch (error) {
    if (error instanceof ByteLimitReached) {
      const limit = formatBytes(maxBytes);
      onSkip({ source: fileSource, reason: `stopped reading after ${limit}, the limit per JSONL file once decompressed (MAX_JSONL_BYTES); the ${lastLine} lines before it were loaded` });
    } else {
      const message = error instanceof Error ? error.message : String(error);
      const what = gzipped ? 'gzip data' : 'file';
      onSkip({ source: fileSource, reason: `could not read the ${what} after line ${lastLine} (${message}); the lines before it were loaded` });
    }
  } finally {
    bytes.destroy();
    file.destroy();
  }
}
