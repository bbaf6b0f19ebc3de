import type { NumberedCitation } from './answer';

/** The outcome of checking a chat model's answer against the citations it was given. */
export type ChatAnswerCheck =
  | { ok: true; answer: string; citations: NumberedCitation[] }
  | { ok: false; reason: string };

const MARKER = /\[(\d+)\]/g;
const QUOTE = /«\s*([^»]+?)\s*»|“([^”]+)”|"([^"]+)"/g;

function squeeze(text: string): string {
  return text.replace(/[\u00a0\u202f\s]+/g, ' ').replace(/[’‘]/g, "'").trim();
}

/**
 * Accepts a chat model's answer only if it is not empty, cites at least one
 * snippet, cites no `[n]` that does not exist, and every quoted passage (in
 * « », “ ” or "…") is verbatim in the snippets it cites. An accepted answer
 * is renumbered in order of first use and keeps exactly the citations it uses.
 */
export function checkChatAnswer(text: string, available: NumberedCitation[]): ChatAnswerCheck {
  const answer = text.trim();
  if (answer === '') return { ok: false, reason: 'empty answer' };
  const byNumber = new Map(available.map((c) => [c.n, c]));
  const used: number[] = [];
  for (const match of answer.matchAll(MARKER)) {
    const n = Number(match[1]);
    if (!byNumber.has(n)) return { ok: false, reason: `cites [${n}], which does not exist` };
    if (!used.includes(n)) used.push(n);
  }
  if (used.length === 0) return { ok: false, reason: 'cites no snippet' };
  const cited = used.map((n) => squeeze(byNumber.get(n)!.snippet));
  for (const match of answer.matchAll(QUOTE)) {
    const quoted = squeeze(match[1] ?? match[2] ?? match[3] ?? '');
    if (quoted === '') continue;
    if (!cited.some((snippet) => snippet.includes(quoted))) {
      return { ok: false, reason: `quotes "${quoted.slice(0, 80)}", which is not verbatim in the snippets it cites` };
    }
  }
  const renumber = new Map(used.map((n, i) => [n, i + 1]));
  return {
    ok: true,
    answer: answer.replace(MARKER, (_, n: string) => `[${renumber.get(Number(n))}]`),
    citations: used.map((n, i) => ({ ...byNumber.get(n)!, n: i + 1 })),
  };
}
