import type { DateEventKind, DateClaim } from '../facts/fact';
import { otherRoles, sameStory } from '../facts/eventStory';
import { resolveDateExpression } from '../facts/resolveDateExpression';
import type { TimelineEvent } from '../facts/factBook';
import type { QuestionAnalysis } from './analyzeQuestion';
import { frenchOf } from './eventWords';
import { EVENT_WORDS } from './eventWords';
import type { CitationList } from './citationList';
import { describePublished, isDeadline, rangePhrase } from './describeDate';

const RELEASE_FAMILY = new Set<DateEventKind>(['release', 'launch', 'unveiling']);

/**
 * How well a claim's event answers the asked one (a release when the
 * question names none): the same event, one of its family; never one of the
 * other role than a question names (shown for « disponible »).
 */
function relevance(event: DateEventKind, named: DateEventKind | null): number {
  const asked = named ?? 'release';
  if (event === asked) return 3;
  if (named !== null && otherRoles(event, named)) return 0;
  if (RELEASE_FAMILY.has(event) && (RELEASE_FAMILY.has(asked) || asked === 'postponement')) return 2;
  if ((event === 'announcement' && asked === 'unveiling') || (event === 'unveiling' && asked === 'announcement')) return 2;
  return 0;
}

/** One claim per event and date: other articles saying the same thing add nothing to "also". */
function distinctEvents(claims: TimelineEvent[]): TimelineEvent[] {
  const seen = new Set<string>();
  return claims.filter((claim) => {
    const key = `${claim.event}|${claim.start}|${claim.end}|${claim.status}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isRelative(claim: DateClaim, language: 'fr' | 'en'): boolean {
  if (claim.relative !== undefined) return claim.relative;
  return resolveDateExpression(claim.when, claim.citation.published, language).relative;
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/** Where the expression comes from and how it was resolved: « "fin mai", article of February 2025 ». */
function sourceNote(claim: DateClaim, language: 'fr' | 'en'): string {
  const published = describePublished(claim.citation.published, language);
  const relative = isRelative(claim, language);
  if (language === 'fr') {
    const article = published ? `article ${/^\d/.test(published) ? 'du' : 'de'} ${published}` : 'article non daté';
    const note = relative ? (published ? ', compté à partir de la date de l’article' : ', relatif à une date d’article inconnue') : '';
    return `« ${claim.when} », ${article}${note}`;
  }
  const article = published ? `article of ${published}` : 'undated article';
  const note = relative ? (published ? ", counted from the article's date" : ", relative to an unknown article date") : '';
  return `"${claim.when}", ${article}${note}`;
}

function when(claim: DateClaim, language: 'fr' | 'en'): string {
  const phrase = rangePhrase(claim.start, claim.end, language, isDeadline(claim.when));
  if (phrase) return phrase;
  return language === 'fr' ? `« ${claim.when} » (date non résolue)` : `"${claim.when}" (no resolvable date)`;
}

/** "reporté fin mai" reads « reporté à fin mai », « reporté au 11 décembre ». */
function frenchTarget(period: string): string {
  if (period.startsWith('le ')) return `au ${period.slice(3)}`;
  return /^(fin|début|mi-|T\d)/.test(period) ? `à ${period}` : period;
}

/** One claim as a clause: "GPT-5 is expected to be released in late May 2025". */
function statement(claim: TimelineEvent, subject: string, language: 'fr' | 'en'): string {
  const period = when(claim, language);
  const event = claim.event;
  const firstPlan = claim.formerPlan && (claim.status === 'planned' || claim.status === 'expected');
  if (language === 'fr') {
    const { noun, feminine } = EVENT_WORDS[event].fr;
    const e = feminine ? 'e' : '';
    const head = `${capitalise(noun)} ${frenchOf(subject)}`;
    if (firstPlan) return `${head} était initialement prévu${e} ${period}`;
    switch (claim.status) {
      case 'done':
        return `${head} a eu lieu ${period}`;
      case 'planned':
        return `${head} est prévu${e} ${period}`;
      case 'expected':
        return `${head} est attendu${e} ${period}`;
      case 'rumoured':
        return `${head} serait prévu${e} ${period}, selon des rumeurs`;
      case 'postponed':
        return `${head} a été reporté${e} ${frenchTarget(period)}`;
      case 'cancelled':
        return `${head} a été annulé${e}`;
    }
  }
  const { participle, noun } = EVENT_WORDS[event].en;
  const head = participle ? subject : `${subject}'s ${noun}`;
  const be = (state: string) => (participle ? `${state} to be ${participle}` : state);
  if (firstPlan) return `${head} was originally ${be('planned')} ${period}`;
  switch (claim.status) {
    case 'done':
      return participle ? `${subject} was ${participle} ${period}` : `${head} took place ${period}`;
    case 'planned':
      return `${head} is ${be('planned')} ${period}`;
    case 'expected':
      return `${head} is ${be('expected')} ${period}`;
    case 'rumoured':
      return `${head} is ${be('rumoured')} ${period}`;
    case 'postponed':
      return `${subject}'s ${noun} was postponed to ${period.replace(/^in /, '')}`;
    case 'cancelled':
      return `${subject}'s ${noun} was cancelled`;
  }
}

function sameRange(a: DateClaim, b: DateClaim): boolean {
  return a.start !== null && a.start === b.start && a.end === b.end;
}

function byPublishedThenStart(a: DateClaim, b: DateClaim): number {
  return (b.citation.published ?? '').localeCompare(a.citation.published ?? '') || (b.start ?? '').localeCompare(a.start ?? '');
}

function byStart(a: DateClaim, b: DateClaim): number {
  if (a.start === null) return b.start === null ? 0 : 1;
  if (b.start === null) return -1;
  return a.start.localeCompare(b.start) || (a.end ?? '').localeCompare(b.end ?? '');
}

function claimsWithNotes(claims: TimelineEvent[], citations: CitationList, language: 'fr' | 'en'): string {
  return claims.map((claim) => `${sourceNote(claim, language)} ${citations.marker(claim.citation)}`).join(language === 'fr' ? ' ; ' : '; ');
}

/** The claims chosen to answer a date question. */
export interface PickedDateClaims {
  primary: TimelineEvent;
  /** Other claims giving the same date (other articles). */
  agreeing: TimelineEvent[];
  /** Current claims giving another date. */
  differing: TimelineEvent[];
  /** Earlier plans, oldest date first. */
  history: TimelineEvent[];
  /** Dated events of another kind. */
  others: TimelineEvent[];
  /**
   * When the question asks about the first plan or the postponement, the
   * primary claim is that one and these are the current date's claims.
   */
  latest: TimelineEvent[];
  /**
   * True when the best claim is only loosely what was asked (an unveiling
   * that already happened, for "when will it be available?"): a sentence that
   * dates the asked event, if any, answers better.
   */
  weak: boolean;
}

/**
 * Chooses, among a subject's dated claims, the one that answers the question
 * (the asked event, latest article first, superseded plans last) and sorts the
 * rest into agreeing sources, disagreeing sources, history and other events.
 * Null when no claim dates the asked kind of event.
 */
export function pickDateClaims(analysis: QuestionAnalysis, events: TimelineEvent[]): PickedDateClaims | null {
  const asked = analysis.event;
  const relevant = events.filter((e) => relevance(e.event, asked) > 0 || e.event === 'postponement' || e.status === 'postponed');
  if (relevant.length === 0) return null;
  const byRelevance = (a: TimelineEvent, b: TimelineEvent) => relevance(b.event, asked) - relevance(a.event, asked) || byPublishedThenStart(a, b);
  const current = relevant.filter((e) => !e.superseded && e.start !== null).sort(byRelevance);
  const ordered = current.length > 0 ? current : [...relevant].sort(byRelevance);
  const primary = ordered[0];
  const agreeing = ordered.filter((e) => e === primary || (sameRange(e, primary) && e.event === primary.event));
  const story = relevant.filter((e) => agreeing.includes(e) || sameStory(e.event, primary.event));
  const differing = ordered.filter((e) => !agreeing.includes(e) && story.includes(e) && !e.superseded);
  const history = story.filter((e) => !agreeing.includes(e) && !differing.includes(e)).sort(byStart);
  const others = distinctEvents([...relevant.filter((e) => !story.includes(e)), ...events.filter((e) => !relevant.includes(e))].filter((e) => !e.superseded)).slice(0, 2);
  const weak = relevance(primary.event, asked) < 3 && primary.status === 'done' && !analysis.past && analysis.event !== null;
  const moved = history.filter((e) => e.status === 'postponed' || e.event === 'postponement');
  const focus = analysis.original ? history[0] : asked === 'postponement' ? moved[moved.length - 1] : undefined;
  if (focus) {
    return { primary: focus, agreeing: [focus], differing: [], history: history.filter((e) => e !== focus), others, weak, latest: agreeing };
  }
  return { primary, agreeing, differing, history, others, weak, latest: [] };
}

function lowerFirst(text: string, language: 'fr' | 'en'): string {
  return language === 'fr' ? text[0].toLowerCase() + text.slice(1) : text;
}

/**
 * Writes a date answer from picked claims (the same ones `/timeline` shows):
 * the current date first, each source's expression as written and what it
 * resolves to, then where the plan moved and other dated events, each cited.
 */
export function renderDateClaims(analysis: QuestionAnalysis, subject: string, picked: PickedDateClaims, citations: CitationList): string {
  const language = analysis.language;
  const { primary, agreeing, differing, history, others, latest } = picked;
  const lines: string[] = [];
  lines.push(`${statement(primary, subject, language)}${language === 'fr' ? ' :' : ':'} ${claimsWithNotes(agreeing, citations, language)}.`);
  if (latest.length > 0) {
    const lead = language === 'fr' ? 'Dernière date : ' : 'Latest: ';
    lines.push(`${lead}${lowerFirst(statement(latest[0], subject, language), language)} (${claimsWithNotes(latest, citations, language)}).`);
  }
  for (const claim of differing.slice(0, 2)) {
    const lead = language === 'fr' ? 'Selon un autre passage, ' : 'Another passage says ';
    lines.push(`${lead}${lowerFirst(statement(claim, subject, language), language)} (${sourceNote(claim, language)}) ${citations.marker(claim.citation)}.`);
  }
  if (history.length > 0) {
    const steps = history.map(
      (claim) => `${lowerFirst(statement(claim, subject, language), language)} (${sourceNote(claim, language)}) ${citations.marker(claim.citation)}`,
    );
    const moved = latest.length > 0 ? (language === 'fr' ? 'Autres étapes' : 'Other steps') : language === 'fr' ? 'Le calendrier a bougé' : 'The date has moved';
    lines.push(`${moved}${language === 'fr' ? ' :' : ':'} ${steps.join(language === 'fr' ? ' ; puis ' : '; then ')}.`);
  }
  for (const claim of others) {
    const lead = language === 'fr' ? 'Par ailleurs, ' : 'Also: ';
    lines.push(`${lead}${lowerFirst(statement(claim, subject, language), language)} (${sourceNote(claim, language)}) ${citations.marker(claim.citation)}.`);
  }
  return lines.join('\n');
}

/** A date found in a supporting sentence, when no extracted claim answers. */
export interface SentenceDate {
  expression: string;
  start: string | null;
  end: string | null;
  relative: boolean;
  published: string | null;
}

/** Events a question names by what they are (an election, a match, an acquisition, a law taking effect): the answer names them too. */
const NAMED_EVENTS: ReadonlySet<DateEventKind> = new Set(['acquisition', 'election', 'match', 'entry-into-force']);

/** What a sentence's date dates, as the answer's first words: the subject, or the asked event of it (« L'élection de Grégory Doucet », "Doucet's election"). */
function datedThing(analysis: QuestionAnalysis, subject: string): string {
  if (!analysis.event || !NAMED_EVENTS.has(analysis.event)) return subject;
  const wording = EVENT_WORDS[analysis.event];
  return analysis.language === 'fr' ? `${capitalise(wording.fr.noun)} ${frenchOf(subject)}` : `${subject}'s ${wording.en.noun}`;
}

/**
 * The first line of a date answer drawn from a sentence rather than a claim:
 * "GPT-5: late May 2025 ("fin mai", article of February 2025)".
 */
export function sentenceDateLine(analysis: QuestionAnalysis, subject: string | null, date: SentenceDate, marker: string): string {
  const language = analysis.language;
  const period = rangePhrase(date.start, date.end, language, isDeadline(date.expression));
  const published = describePublished(date.published, language);
  if (language === 'fr') {
    const article = published ? `article ${/^\d/.test(published) ? 'du' : 'de'} ${published}` : 'article non daté';
    const note = date.relative ? ', compté à partir de la date de l’article' : '';
    return `${subject ? `${datedThing(analysis, subject)} : ` : ''}${period ?? `« ${date.expression} »`} (« ${date.expression} », ${article}${note}) ${marker}.`;
  }
  const article = published ? `article of ${published}` : 'undated article';
  const note = date.relative ? ", counted from the article's date" : '';
  return `${subject ? `${datedThing(analysis, subject)}: ` : ''}${period ?? `"${date.expression}"`} ("${date.expression}", ${article}${note}) ${marker}.`;
}
