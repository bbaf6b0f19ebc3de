import { namesOfSentence } from '../facts/sentenceNames';
import type { TextSpan } from '../passages/passage';
import type { AliasClaim } from '../facts/fact';
import type { QuestionAnalysis } from './analyzeQuestion';
import { frenchOf } from './abstentionText';
import { citeSpan } from '../passages/citation';
import type { CitationList } from './citationList';
import { extractFact, type ExtractedFact } from './extractFact';
import { namesSubject, type CandidateSentence } from './supportingSentences';

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

interface Chosen {
  candidate: CandidateSentence;
  fact: ExtractedFact | null;
}

function subjectSpanIn(text: string, wanted: Set<string>): TextSpan | null {
  const mention = namesOfSentence(text).find((m) => [...wanted].some((subject) => namesSubject(m.canonical, subject)));
  return mention ? { start: mention.start, end: mention.end } : null;
}

function citedSpan(chosen: Chosen, wanted: Set<string>): TextSpan {
  const { candidate, fact } = chosen;
  const { article, sentence, support } = candidate;
  if (support.start !== sentence.start || !fact) return support;
  const text = article.text.slice(sentence.start, sentence.end);
  const subject = subjectSpanIn(text, wanted);
  const keepStart = Math.min(fact.start, subject?.start ?? fact.start);
  const keepEnd = Math.max(fact.end, subject?.end ?? fact.end);
  const trimmed = trimToClauses(text, keepStart, keepEnd);
  return { start: sentence.start + trimmed.start, end: sentence.start + trimmed.end };
}

function rankChosen(a: Chosen, b: Chosen): number {
  return (
    b.candidate.overlap - a.candidate.overlap ||
    b.candidate.subjects.size - a.candidate.subjects.size ||
    a.candidate.rank - b.candidate.rank ||
    a.candidate.sentence.start - b.candidate.sentence.start
  );
}

/**
 * Answers a "fact" question from the retrieved sentences: keeps those that
 * name the question's subject (every subject's article must name them all),
 * pulls the asked-for value out of the best one (a code name, an amount, a
 * name...) or, for an open question, quotes the sentence that covers most of
 * it. Null when no sentence supports an answer.
 */
export function answerFactFromSentences(
  analysis: QuestionAnalysis,
  candidates: CandidateSentence[],
  questionTerms: Set<string>,
  citations: CitationList,
): string | null {
  const language = analysis.language;
  const wanted = new Set(analysis.subjects.map((s) => s.canonical));
  const articleNames = new Map<string, Set<string>>();
  const namesOf = (candidate: CandidateSentence) => {
    let names = articleNames.get(candidate.article.id);
    if (!names) {
      names = new Set(namesOfSentence(candidate.article.text, candidate.article.language).map((m) => m.canonical));
      articleNames.set(candidate.article.id, names);
    }
    return names;
  };
  let pool = wanted.size === 0 ? candidates : candidates.filter((c) => c.subjects.size > 0);
  if (wanted.size > 1) pool = pool.filter((c) => [...wanted].every((subject) => [...namesOf(c)].some((name) => namesSubject(name, subject))));
  const terms = questionTerms.size;
  const target = analysis.target;

  let chosen: Chosen[];
  if (target === 'other') {
    const needed = wanted.size === 0 ? Math.max(2, Math.ceil(terms * 0.6)) : Math.min(1, terms);
    chosen = pool.filter((c) => c.overlap >= needed).map((candidate) => ({ candidate, fact: null }));
  } else {
    const needed = target === 'code-name' || target === 'name' ? 0 : Math.min(1, terms);
    chosen = pool
      .filter((c) => c.overlap >= needed)
      .map((candidate) => {
        const text = candidate.article.text.slice(candidate.sentence.start, candidate.sentence.end);
        return { candidate, fact: extractFact(text, target, analysis.subjects, [...questionTerms]) };
      })
      .filter((c) => c.fact !== null);
  }
  if (chosen.length === 0) return null;
  chosen.sort(rankChosen);
  const best = chosen[0];
  const bestCitation = citeSpan(best.candidate.article, citedSpan(best, wanted));
  const marker = citations.marker(bestCitation);
  const subject = analysis.subjects[0]?.canonical ?? '';
  const lines: string[] = [];
  const fact = best.fact;
  if (fact && target === 'code-name') {
    const hedge = fact.hedged ? (language === 'fr' ? ' (probablement, selon l’article)' : ' (probably, the article hedges)') : '';
    lines.push(language === 'fr' ? `Le nom de code ${frenchOf(subject)} est ${fact.value}${hedge} ${marker}.` : `${subject}'s code name is ${fact.value}${hedge} ${marker}.`);
  } else if (fact) {
    lines.push(`${fact.value} ${marker}.`);
  }
  const lead = language === 'fr' ? 'Selon l’article :' : 'According to the article:';
  lines.push(`${lead} ${quoteMarks(bestCitation.snippet, language)} ${marker}`);
  const second = chosen.find(
    (c) => c !== best && c.candidate.article.id !== best.candidate.article.id && c.candidate.overlap >= best.candidate.overlap && (!fact || c.fact),
  );
  if (second) {
    const citation = citeSpan(second.candidate.article, citedSpan(second, wanted));
    const also = language === 'fr' ? 'Un autre article' : 'Another article';
    const value = second.fact && target !== 'other' ? ` (${second.fact.value})` : '';
    lines.push(`${also}${value}${language === 'fr' ? ' :' : ':'} ${quoteMarks(citation.snippet, language)} ${citations.marker(citation)}`);
  }
  return lines.join('\n');
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
