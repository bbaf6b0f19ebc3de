import { escapeMarkdown } from 'discord.js';
import { stripControlCharacters } from '../src/text/controlCharacters';

/**
 * Discord's size limits for what a message may carry. Going over any of them
 * makes Discord reject the whole message, so everything Scoop renders is cut to fit.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footerText: 2048,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';
const TRAILING_JOINERS = /[\s,;:\-–—([{«"'`\\]+$/u;

function dropDanglingSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * Shortens `text` to at most `limit` characters (UTF-16 units, as Discord counts),
 * cutting at a word boundary when one is near and ending with "…". Text that fits
 * is returned unchanged; it never throws, whatever the input.
 */
export function fitText(text: string, limit: number): string {
  if (limit <= 0) return '';
  if (text.length <= limit) return text;
  if (limit === 1) return ELLIPSIS;
  const room = limit - 1;
  const hardCut = dropDanglingSurrogate(text.slice(0, room));
  const lastSpace = /\s/u.test(text[hardCut.length] ?? '') ? hardCut.length : hardCut.search(/\s\S*$/u);
  const atWord = lastSpace >= room * 0.6 ? hardCut.slice(0, lastSpace) : hardCut;
  const tidy = atWord.replace(TRAILING_JOINERS, '');
  return `${tidy === '' ? hardCut : tidy}${ELLIPSIS}`;
}

/**
 * Shortens `raw` so that `format(shortened)` fits in `limit`: for text whose
 * formatting (escaping, quoting) makes it longer than the raw text.
 */
export function fitFormatted(raw: string, limit: number, format: (text: string) => string): string {
  let budget = Math.min(raw.length, limit);
  for (;;) {
    const formatted = format(fitText(raw, budget));
    if (formatted.length <= limit) return formatted;
    if (budget <= 1) return fitText(formatted, limit);
    budget = Math.max(1, budget - Math.max(1, formatted.length - limit));
  }
}

/**
 * Escapes Markdown (including headings, lists and masked links) so quoted text
 * shows as written, and strips the terminal escapes and other control
 * characters an article may hold. discord.js's italic and underline escapes
 * look behind each character across the whole text (quadratic in its length,
 * most of the Discord layer's CPU per answer); they run only when the text has
 * the `*`, `_` or `__` they escape, which gives the same result.
 */
export function escapeAll(text: string): string {
  const clean = stripControlCharacters(text);
  return escapeMarkdown(clean, {
    italic: /[*_]/u.test(clean),
    underline: clean.includes('__'),
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
}

/** Quotes text as a Markdown block quote, escaped, line by line, within `limit` characters. */
export function quoteBlock(text: string, limit: number): string {
  const flat = stripControlCharacters(text).replace(/\s*\n\s*/gu, '\n').trim();
  return fitFormatted(flat, limit, (shown) =>
    shown
      .split('\n')
      .map((line) => `> ${escapeAll(line)}`)
      .join('\n'),
  );
}

/** Link text for a masked link: no brackets that would end it early. */
export function linkText(text: string): string {
  return escapeAll(text.replace(/[[\]]/gu, ''));
}

/** The URL when it is safe to use in a masked link (http or https, no spaces or parentheses), else null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href.replaceAll('(', '%28').replaceAll(')', '%29');
  } catch {
    return null;
  }
}

/** The host name of a URL without "www.", for a short link label. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./u, '');
}
