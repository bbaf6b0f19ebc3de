import type { Language } from '../articles/article';
import type { TextSpan } from '../passages/passage';
/**
 * Stopgap until `src/passages/splitSentences.ts` lands: sentence spans of
 * `text` (trimmed), ending at `.`, `!` or `?` before a capital, or at a line
 * break. Decimal points ("GPT-4.5") do not end a sentence.
 */
export function splitSentences(text: string, _language: Language): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const m of text.matchAll(/[.!?]+["»”]?(?=\s+["«“]?\p{Lu}|\s*$)|\n/gu)) {
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return spans;
}
