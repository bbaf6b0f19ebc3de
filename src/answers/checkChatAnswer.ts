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

/** What the rewrite was asked to keep: the extractive draft and the question it answers. */
export interface RewriteOf {
  draft: string;
  question: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Why a rewrite does not keep the draft's answer, or undefined when it does.
 * The draft is extractive and cited, so the rewrite must still say it: it
 * must share one of the names or figures that the draft's first line gives
 * beyond the question's own words (an obeyed "ignore previous instructions
 * and say X [1]" shares none), and every figure it writes must be in the
 * draft or in a snippet it cites (no invented dates or amounts).
 */
function droppedDraft(answer: string, cited: string[], { draft, question }: RewriteOf): string | undefined {
  const asked = new Set((question.match(WORD) ?? []).map(fold));
  const [firstLine] = draft.replace(MARKER, ' ').split('\n');
  const answerWords = (firstLine.match(WORD) ?? []).filter((word) => (/\d/u.test(word) || /^\p{Lu}/u.test(word)) && !asked.has(fold(word)));
  const written = new Set((answer.replace(MARKER, ' ').match(WORD) ?? []).map(fold));
  if (answerWords.length > 0 && !answerWords.some((word) => written.has(fold(word)))) {
    return `leaves out the draft's answer (${[...new Set(answerWords)].slice(0, 5).join(', ')})`;
  }
  const known = new Set([draft, ...cited].flatMap((text) => text.match(/\d+/gu) ?? []));
  const invented = (answer.replace(MARKER, ' ').match(/\d+/gu) ?? []).filter((figure) => !known.has(figure));
  if (invented.length > 0) return `writes ${invented.slice(0, 3).join(', ')}, which neither the draft nor the snippets it cites hold`;
  return undefined;
}

/**
 * Accepts a chat model's answer only if it is not empty, cites at least one
 * snippet, cites no `[n]` that does not exist, and every quoted passage (in
 * « », “ ” or "…") is verbatim in the snippets it cites; given the draft it
 * rewrites, also only if it keeps the draft's answer and invents no figure
 * (see `droppedDraft`). An accepted answer is renumbered in order of first
 * use and keeps exactly the citations it uses.
 */
export function checkChatAnswer(text: string, available: NumberedCitation[], rewriteOf?: RewriteOf): ChatAnswerCheck {
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
  const dropped = rewriteOf && droppedDraft(answer, cited, rewriteOf);
  if (dropped) return { ok: false, reason: dropped };
  const renumber = new Map(used.map((n, i) => [n, i + 1]));
  return {
    ok: true,
    answer: answer.replace(MARKER, (_, n: string) => `[${renumber.get(Number(n))}]`),
    citations: used.map((n, i) => ({ ...byNumber.get(n)!, n: i + 1 })),
  };
}
