import { stripVTControlCharacters } from 'node:util';

/**
 * Control characters with no place in displayed text: C0 controls but tab
 * and line feed, DEL, C1 controls (U+009B is a CSI for some terminals), and
 * the bidirectional overrides and isolates that reorder what a reader sees.
 */
const DISPLAY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const ESCAPED_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
const ESCAPED_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

function hexEscape(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text made safe to print on a terminal or show in Discord: ANSI escape
 * sequences (colours, cursor moves, window titles, hyperlinks) removed whole
 * with Node's `stripVTControlCharacters`, then every other control character
 * dropped, a carriage return included (it would let a line overwrite
 * itself). Line feeds and tabs stay; everything else is untouched.
 */
export function stripControlCharacters(text: string): string {
  return stripVTControlCharacters(text.replace(/\r\n?/gu, '\n')).replace(DISPLAY_CONTROLS, '');
}

/**
 * True when a text holds something a reader can see: not only whitespace,
 * control characters, escape sequences and invisible format characters
 * (zero-width spaces and joiners, soft hyphens, bidi marks).
 */
export function hasVisibleText(text: string): boolean {
  return /[^\s\p{Cc}\p{Cf}]/u.test(stripVTControlCharacters(text));
}

/** `stripControlCharacters` on one line: line breaks and runs of whitespace become one space. */
export function oneLine(text: string): string {
  return stripControlCharacters(text).replace(/\s+/gu, ' ').trim();
}

/**
 * A name (a file name, a source) shown on one line with nothing lost: control
 * characters written as escapes (`\n`, `\t`, `\x1b`, `\u202e`) and a
 * backslash doubled only when the name needs escaping at all.
 */
export function escapeControlCharacters(name: string): string {
  ESCAPED_IN_NAMES.lastIndex = 0;
  if (!ESCAPED_IN_NAMES.test(name)) return name;
  return name.replace(/[\\]/gu, '\\\\').replace(ESCAPED_IN_NAMES, (character) => NAMED_ESCAPES[character] ?? hexEscape(character));
}

/**
 * `JSON.stringify` for output read on a terminal: the same JSON, with the
 * characters JSON.stringify leaves raw but a terminal may act on (DEL, C1
 * controls, bidirectional overrides, line and paragraph separators) written
 * as `\u` escapes. Parsing it gives back exactly the value.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(ESCAPED_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
