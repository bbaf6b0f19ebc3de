import type { Language } from '../text/language';
import type { DateEventKind } from '../facts/fact';
import { clauseTense, findEventCues, readStatusCues } from '../facts/claimCues';
import { findDateExpressions, type DateMention } from '../facts/findDateExpressions';
import { foldForMatching } from '../text/foldForMatching';
import { namesAnotherOrdinal, ordinalNouns } from '../text/numberShapes';
import { resolveDateExpression, type ResolvedDateExpression } from '../facts/resolveDateExpression';
import type { QuestionAnalysis } from './analyzeQuestion';
import { quoteMarks } from './answerFact';
import { sentenceDateLine } from './answerDate';
import { isDeadline, rangePhrase } from './describeDate';
import { citeSpan } from '../passages/citation';
import type { CitationList } from './citationList';
import { countOverlap, type CandidateSentence } from './supportingSentences';
import { otherRoles } from '../facts/eventStory';
import { dateOfStatement, dateScope, scopeUndoes, type DateScope } from '../facts/dateScope';
import { VOCABULARIES } from '../text/vocabulary';
import { vocabularyLanguage } from '../text/language';
import { meaningfulTerms } from './questionTerms';

/** The events that make something available: a sentence saying one answers a question about one, not about an election or a start. */
const AVAILABILITY: ReadonlySet<DateEventKind> = new Set(['release', 'launch', 'unveiling', 'deployment', 'postponement']);

/** Whether a sentence says something becomes available, moves or is expected (folded). */
function movesOrExpects(folded: string, language: Language): boolean {
  return findEventCues(folded, language).some((cue) => AVAILABILITY.has(cue.value)) || readStatusCues(folded, language).expected;
}

/** A month named alone, or after a preposition (« en juin », "in January"), in any vocabulary. */
const MONTH_ONLY = new RegExp(
  `^(?:(?:${[VOCABULARIES.fr, VOCABULARIES.en].flatMap((v) => [...v.dates.prepositions]).join('|')}) )?(?:${[VOCABULARIES.fr, VOCABULARIES.en].flatMap((v) => Object.keys(v.dates.months)).join('|')})$`,
  'u',
);

/**
 * Whether the part a date dates says an event of the other role than the
 * one asked, and none of the asked role: « présentée en juin dernier » dates
 * a presentation, not availability; « sortira le 5 mai », not an unveiling.
 */
function datesOtherRole(asked: DateEventKind | null, sentence: string, scope: DateScope, language: Language): boolean {
  if (asked === null) return false;
  const folded = foldForMatching(sentence);
  const kinds = scope.spans.flatMap((span) => findEventCues(folded, language, span.start, span.end).map((cue) => cue.value));
  return kinds.length > 0 && kinds.every((kind) => otherRoles(kind, asked));
}

/**
 * Whether a date is when something was said rather than when the event
 * happens: "Apple a reconnu vendredi que...", "Nintendo said on Thursday that...".
 */
function isStatementDate(sentence: string, mention: { start: number; end: number }, language: Language): boolean {
  const folded = foldForMatching(sentence);
  if (!/^\s*,?\s*(?:que|qu'|that)(?![\p{L}])/u.test(folded.slice(mention.end))) return false;
  return readStatusCues(folded.slice(Math.max(0, mention.start - 40), mention.start), language).past;
}

/**
 * Whether a date dates another event than the one asked: the sentence shares
 * words with the question, but none in the part the date dates (« Une fois
 * élue, X a commandé un audit, dont les conclusions ont été rendues publiques
 * le 2 octobre » does not date the election); that part names the undoing of
 * an asked word (« le déconfinement, il commencera le 11 mai »); or it says
 * the event of the other role (shown, not available).
 */
function datesAnotherEvent(analysis: QuestionAnalysis, sentence: string, mention: DateMention, questionTerms: Set<string>, language: Language): boolean {
  const reader = vocabularyLanguage(language);
  const scope = dateScope(sentence, mention, language);
  if (scopeUndoes(sentence, scope, [...questionTerms], language) || datesOtherRole(analysis.event, sentence, scope, language)) return true;
  const outside = `${sentence.slice(0, mention.start)} ${sentence.slice(mention.end)}`;
  if (countOverlap(questionTerms, meaningfulTerms(outside, reader)) === 0) return false;
  const dated = scope.spans.map((span) => sentence.slice(span.start, span.end)).join(' ');
  return countOverlap(questionTerms, meaningfulTerms(dated, reader)) === 0;
}

/**
 * The date of a sentence that answers the question: not when something was
 * said (unless the announcement is asked), not one of another event than the
 * question's words name, not a "since" for a question about what comes, and,
 * among the rest, one whose clause speaks in the question's tense before the first.
 */
function askedMention(analysis: QuestionAnalysis, sentence: string, mentions: DateMention[], language: Language, questionTerms: Set<string>): DateMention | undefined {
  const asked = mentions.filter((m) => !datesAnotherEvent(analysis, sentence, m, questionTerms, language));
  if (analysis.event === 'announcement') return asked[0];
  const folded = foldForMatching(sentence);
  const usable = asked.filter(
    (m) =>
      !isStatementDate(sentence, m, language) &&
      dateOfStatement(sentence, m, language) === null &&
      (analysis.past || !/(?:depuis|since)\s*$/u.test(folded.slice(Math.max(0, m.start - 12), m.start))),
  );
  const tense = analysis.past ? 'past' : 'future';
  return usable.find((m) => clauseTense(sentence, m.start, language) === tense) ?? usable[0];
}

/** A bare month name ("January") means the month, not its first day. */
function monthNotDay(expression: string, resolved: ResolvedDateExpression): ResolvedDateExpression {
  if (!resolved.start || resolved.start !== resolved.end || !MONTH_ONLY.test(foldForMatching(expression).trim())) return resolved;
  const [year, month] = resolved.start.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}`, relative: false };
}

/**
 * Answers a date question from a retrieved sentence when no extracted claim
 * dates the asked event: the sentence must name the subject (or lean on the
 * sentence before, which does), hold a date expression and share words with
 * the question. The date is given as written and resolved against its
 * article's date. Null when no sentence qualifies.
 */
export function answerDateFromSentences(
  analysis: QuestionAnalysis,
  candidates: CandidateSentence[],
  questionTerms: Set<string>,
  citations: CitationList,
): { text: string; value: string } | null {
  const hasSubject = analysis.subjects.length > 0;
  const asksAvailability = analysis.event !== null && AVAILABILITY.has(analysis.event);
  const needed = hasSubject ? 0.5 : Math.max(2, Math.ceil(questionTerms.size * 0.6));
  const askedOrdinals = ordinalNouns(foldForMatching(analysis.question));
  const dated = candidates
    .filter((c) => !hasSubject || c.subjects.size > 0)
    .map((candidate) => {
      const text = candidate.article.text.slice(candidate.sentence.start, candidate.sentence.end);
      const folded = foldForMatching(text);
      if (namesAnotherOrdinal(askedOrdinals, folded)) return { candidate, score: 0, mention: undefined };
      const carried = candidate.support.start !== candidate.sentence.start;
      const score = candidate.overlap + (asksAvailability && movesOrExpects(folded, candidate.article.language) ? 1 : 0) - (carried ? 0.5 : 0);
      const mentions = findDateExpressions(text, candidate.article.language);
      const mention = askedMention(analysis, text, mentions, candidate.article.language, questionTerms);
      return { candidate, score, mention };
    })
    .filter((c): c is typeof c & { mention: DateMention } => c.mention !== undefined && c.score >= needed)
    .sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank);
  const best = dated[0];
  if (!best) return null;
  const { article, support } = best.candidate;
  const resolved = monthNotDay(
    best.mention.text,
    resolveDateExpression(best.mention.text, article.published, article.language, { sentence: article.text.slice(best.candidate.sentence.start, best.candidate.sentence.end), at: best.mention.start, assumePast: analysis.past }),
  );
  const citation = citeSpan(article, support);
  const marker = citations.marker(citation);
  const subject = analysis.subjects.find((s) => best.candidate.subjects.has(s.canonical))?.canonical ?? null;
  const line = sentenceDateLine(analysis, subject, { expression: best.mention.text, ...resolved, published: article.published }, marker);
  const lead = analysis.language === 'fr' ? 'Selon l’article :' : 'According to the article:';
  const value = rangePhrase(resolved.start, resolved.end, analysis.language, isDeadline(best.mention.text)) ?? best.mention.text;
  return { text: `${line}\n${lead} ${quoteMarks(citation.snippet, analysis.language)} ${marker}`, value };
}
