/** Decoded text, or why the bytes cannot be an article. */
export type DecodedText = { text: string } | { reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Why a text with nothing to read is skipped. */
export const NO_WORDS = 'no text (no letters or digits, only whitespace or punctuation)';

/** True when a text has something to read: at least one letter or digit. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Strict UTF-8 decoding: the text, or undefined when the bytes are not valid UTF-8. */
export function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function lineOfFirstBadByte(bytes: Uint8Array): number {
  const lenient = lenientUtf8.decode(bytes);
  const badAt = lenient.indexOf('\uFFFD');
  return badAt < 0 ? 1 : lenient.slice(0, badAt).split('\n').length;
}

/**
 * Decodes the bytes of an article file as UTF-8, refusing what would
 * silently corrupt citations or cite nothing: empty input, text without a
 * single letter or digit, NUL
 * bytes (a binary file, or UTF-16 text) and invalid UTF-8 such as Latin-1 or
 * Windows-1252. The reason says what to do. A UTF-8 byte order mark is dropped;
 * nothing else is changed.
 */
export function decodeArticleText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (bytes.includes(0)) return { reason: 'binary content (NUL bytes; if this is UTF-16 text, save it as UTF-8)' };
  const text = decodeStrictUtf8(bytes);
  if (text === undefined) {
    return { reason: `not valid UTF-8 (first bad byte on line ${lineOfFirstBadByte(bytes)}; Latin-1 or Windows-1252 perhaps): save it as UTF-8` };
  }
  if (!hasWords(text)) return { reason: NO_WORDS };
  return { text };
}

/** Why an article text is not loaded when it is longer than `maxChars`; undefined when it is within. */
export function articleLengthReason(text: string, maxChars: number): string | undefined {
  if (text.length <= maxChars) return undefined;
  return `article is ${text.length} characters long, over the ${maxChars} limit per article (MAX_ARTICLE_CHARS)`;
}

/** Human-readable byte size for messages ("6.2 MiB", "512 KiB", "90 bytes"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
