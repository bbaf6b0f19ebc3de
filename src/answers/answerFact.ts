import type { TextSpan } from '../passages/passage';
import type { AliasClaim } from '../facts/fact';
import type { QuestionAnalysis } from './analyzeQuestion';
import { frenchOf } from './eventWords';
import type { CitationList } from './citationList';

const LONG_SENTENCE = 240;
const CLAUSE_BREAK = /[,;:–—]\s|\s[–—]\s|\s\(|\)\s/g;

/**
 * Narrows a long sentence to the clauses that hold `[keepStart, keepEnd)`
 * (offsets in `text`), so a citation quotes what supports the answer and
 * little else. Short sentences are kept whole.
 */
export function trimToClauses(text: string, keepStart: number, keepEnd: number): TextSpan {
  if (text.length <= LONG_SENTENCE) return { start: 0, end: text.length };
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => ({ at: m.index, after: m.index + m[0].length }));
  let start = 0;
  let end = text.length;
  for (const b of breaks) {
    if (b.after <= keepStart) start = b.after;
    if (b.at >= keepEnd && end === text.length) end = b.at;
  }
  if (end - start < 60) return { start: 0, end: text.length };
  while (end > start && /[\s,;:]/.test(text[end - 1])) end -= 1;
  return { start, end };
}

/** A verbatim quote in the quotation marks of the answer's language. */
export function quoteMarks(text: string, language: 'fr' | 'en'): string {
  const flat = text.replace(/\s+/g, ' ');
  return language === 'fr' ? `« ${flat} »` : `"${flat}"`;
}

/**
 * Answers "what is X's code name?" from the code names the fact book learned
 * ("GPT-4.5, nommé Orion"), unhedged ones first, each cited. Null when none is known.
 */
export function answerCodeNameFromClaims(analysis: QuestionAnalysis, subject: string, claims: AliasClaim[], citations: CitationList): string | null {
  const known = claims.filter((c) => c.subject === subject).sort((a, b) => Number(a.hedged) - Number(b.hedged));
  if (known.length === 0) return null;
  const language = analysis.language;
  const byName = new Map<string, AliasClaim[]>();
  for (const claim of known) byName.set(claim.alias, [...(byName.get(claim.alias) ?? []), claim]);
  const names = [...byName.entries()].map(([alias, group]) => {
    const hedge = group.every((c) => c.hedged) ? (language === 'fr' ? ' (probablement, selon l’article)' : ' (probably, the article hedges)') : '';
    return `${alias}${hedge} ${citations.markers(group.slice(0, 2).map((c) => c.citation))}`;
  });
  const list = names.join(language === 'fr' ? ' ; aussi ' : '; also ');
  return language === 'fr' ? `Le nom de code ${frenchOf(subject)} est ${list}.` : `${subject}'s code name is ${list}.`;
}
