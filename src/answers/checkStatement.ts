import { isoDay, publicationInterval } from '../facts/calendar';
import { findEventCues } from '../facts/claimCues';
import type { DateEventKind } from '../facts/fact';
import type { FactBook } from '../facts/factBook';
import { findDateExpressions, resolveMention, type DateMention } from '../facts/findDateExpressions';
import { foldForMatching } from '../text/foldForMatching';
import { PARTNERSHIP_NATURE_WORDS } from '../facts/partnershipNatureWords';
import { UserFacingError } from '../errors';
import type { Logger } from '../logger';
import type { TextSpan } from '../passages/passage';
import type { SearchHit } from '../retrieval/searchHit';
import { detectLanguage } from '../text/detectLanguage';
import type { Answer } from './answer';
import { analyzeQuestion, type SubjectMention } from './analyzeQuestion';
import { citeSpan, type Citation } from '../passages/citation';
import { CitationList } from './citationList';
import { describeRange } from './describeDate';
import { extractFact } from './extractFact';
import { meaningfulTerms } from './questionTerms';
import { supportingSentences, type CandidateSentence } from './supportingSentences';

/**
 * What the indexed articles make of a statement: `supported` when the cited
 * sentences say what it says, `contradicted` when they give another date,
 * figure or name for it, `mixed` when some parts hold and others do not,
 * `not-said` when no cited sentence settles it.
 */
export type StatementVerdict = 'supported' | 'contradicted' | 'mixed' | 'not-said';

/**
 * The check of one statement, shaped as an answer (short verdict first, then
 * one cited line per date, figure or name checked) so it renders and is
 * remembered like one. `abstained` is true exactly when the verdict is `not-said`.
 */
export interface StatementCheck extends Answer {
  verdict: StatementVerdict;
}

/** What `checkStatement` needs: retrieval and the extracted facts. */
export interface StatementDeps {
  search: (query: string, k: number) => Promise<SearchHit[]>;
  facts: Pick<FactBook, 'timeline' | 'partners' | 'knows' | 'aliases' | 'findNames'>;
  logger?: Pick<Logger, 'debug'>;
}

/** Options for one statement. */
export interface StatementOptions {
  /** Write the verdict in this language instead of the statement's. */
  language?: 'fr' | 'en';
}

type Language = 'fr' | 'en';

interface Finding {
  holds: boolean;
  line: string;
}

interface DatedClaim {
  when: string;
  start: string | null;
  end: string | null;
  superseded: boolean;
  published: string | null;
  citation: Citation;
}

interface Figure {
  text: string;
  value: number;
  unit: string | null;
}

const PASSAGES_READ = 8;
const RELATED_SHOWN = 3;
const SENTENCES_COMPARED = 4;
const RELEASE_FAMILY = new Set<DateEventKind>(['release', 'launch', 'unveiling']);

/** The statement's language: what detection says, else whose date and event words it uses. */
function statementLanguage(text: string): Language {
  const detected = detectLanguage(text);
  if (detected !== 'und') return detected;
  const folded = foldForMatching(text);
  const score = (language: Language) =>
    findDateExpressions(text, language).length + findEventCues(folded, language, 0, folded.length).length;
  return score('fr') > score('en') ? 'fr' : analyzeQuestion(text).language;
}

function statementEvent(text: string, language: Language): DateEventKind | null {
  const folded = foldForMatching(text);
  return findEventCues(folded, language, 0, folded.length)[0]?.value ?? null;
}

function sameFamily(found: DateEventKind, stated: DateEventKind | null): boolean {
  if (stated === null || found === stated) return true;
  if (RELEASE_FAMILY.has(stated) || stated === 'postponement') return RELEASE_FAMILY.has(found) || found === 'postponement';
  return false;
}

function resolveAgainst(mention: DateMention, text: string, published: string | null, past = false): { start: string | null; end: string | null } {
  const resolved = resolveMention(mention, { publication: publicationInterval(published), past }, text);
  if (!resolved.range) return { start: null, end: null };
  return {
    start: resolved.open === 'start' ? null : isoDay(resolved.range.start),
    end: resolved.open === 'end' ? null : isoDay(resolved.range.end),
  };
}

function overlaps(a: { start: string | null; end: string | null }, b: { start: string | null; end: string | null }): boolean | null {
  if ((a.start === null && a.end === null) || (b.start === null && b.end === null)) return null;
  return (a.start ?? '0000') <= (b.end ?? '9999') && (b.start ?? '0000') <= (a.end ?? '9999');
}

function quoted(text: string, language: Language): string {
  return language === 'fr' ? `« ${text} »` : `"${text}"`;
}

function period(claim: { when: string; start: string | null; end: string | null }, language: Language): string {
  const words = describeRange(claim.start, claim.end, language);
  return words ? `${words} (${quoted(claim.when, language)})` : quoted(claim.when, language);
}

function sentenceText(candidate: CandidateSentence): string {
  return candidate.article.text.slice(candidate.sentence.start, candidate.sentence.end);
}

/** Sentences about the statement: naming its subject when it has one, sharing its words, best first. */
function relevantSentences(candidates: CandidateSentence[], subjects: SubjectMention[]): CandidateSentence[] {
  return candidates
    .filter((c) => (subjects.length === 0 ? c.overlap > 0 : c.subjects.size > 0))
    .sort((a, b) => b.subjects.size - a.subjects.size || b.overlap - a.overlap || a.rank - b.rank);
}

function datedClaimsFromSentences(sentences: CandidateSentence[], event: DateEventKind | null): DatedClaim[] {
  const claims: DatedClaim[] = [];
  for (const candidate of sentences.slice(0, SENTENCES_COMPARED)) {
    const text = sentenceText(candidate);
    const folded = foldForMatching(text);
    const events = findEventCues(folded, candidate.article.language, 0, folded.length).map((cue) => cue.value);
    if (events.length === 0 || !events.some((found) => sameFamily(found, event))) continue;
    for (const mention of findDateExpressions(text, candidate.article.language)) {
      const range = resolveAgainst(mention, text, candidate.article.published);
      if (range.start === null && range.end === null) continue;
      claims.push({ when: mention.text, ...range, superseded: false, published: candidate.article.published, citation: citeSpan(candidate.article, candidate.support) });
    }
  }
  return claims;
}

function checkDate(
  statement: string,
  statementLang: Language,
  subject: string | null,
  sentences: CandidateSentence[],
  deps: StatementDeps,
  citations: CitationList,
  language: Language,
  past: boolean,
): Finding[] {
  const mention = findDateExpressions(statement, statementLang)[0];
  if (!mention || !subject) return [];
  const event = statementEvent(statement, statementLang);
  const fromFacts: DatedClaim[] = deps.facts
    .timeline(subject)
    .events.filter((e) => sameFamily(e.event, event) && (e.start !== null || e.end !== null))
    .map((e) => ({ when: e.when, start: e.start, end: e.end, superseded: e.superseded, published: e.citation.published, citation: e.citation }));
  const claims = fromFacts.length > 0 ? fromFacts : datedClaimsFromSentences(sentences, event);
  const compared = claims
    .map((claim) => ({ claim, stated: resolveAgainst(mention, statement, claim.published, past) }))
    .map((c) => ({ ...c, match: overlaps(c.claim, c.stated) }))
    .filter((c) => c.match !== null);
  const current = compared.filter((c) => !c.claim.superseded);
  if (current.length === 0) return [];
  const stated = describeRange(current[0].stated.start, current[0].stated.end, language) ?? quoted(mention.text, language);
  const agreeing = current.filter((c) => c.match);
  if (agreeing.length > 0) {
    const claim = agreeing[0].claim;
    const line =
      language === 'fr'
        ? `Date : les articles donnent aussi ${period(claim, language)} ${citations.marker(claim.citation)}.`
        : `Date: the articles give ${period(claim, language)} too ${citations.marker(claim.citation)}.`;
    return [{ holds: true, line }];
  }
  const distinct = [...new Map(current.map((c) => [`${c.claim.start}/${c.claim.end}`, c.claim])).values()]
    .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''))
    .slice(0, 2);
  const said = distinct.map((claim) => `${period(claim, language)} ${citations.marker(claim.citation)}`).join(language === 'fr' ? ' et ' : ' and ');
  const findings: Finding[] = [
    {
      holds: false,
      line: language === 'fr' ? `Date : les articles disent ${said}, pas ${stated}.` : `Date: the articles say ${said}, not ${stated}.`,
    },
  ];
  const earlier = compared.find((c) => c.claim.superseded && c.match);
  if (earlier) {
    findings.push({
      holds: false,
      line:
        language === 'fr'
          ? `C'était une date antérieure, ${period(earlier.claim, language)}, déplacée depuis ${citations.marker(earlier.claim.citation)}.`
          : `That was an earlier date, ${period(earlier.claim, language)}, since moved ${citations.marker(earlier.claim.citation)}.`,
    });
  }
  return findings;
}

const SCALES: Array<[RegExp, number]> = [
  [/^(trillions?|billions? de milliards)/u, 1e12],
  [/^(billions?|bn|milliards?|mds?)\b/u, 1e9],
  [/^(millions?|m|mn)\b/u, 1e6],
  [/^(mille|thousand|k)\b/u, 1e3],
];

function currencyOf(folded: string): string | null {
  if (/\$|dollars?|usd/u.test(folded)) return 'USD';
  if (/€|euros?|eur\b/u.test(folded)) return 'EUR';
  if (/£|livres? sterling|pounds?/u.test(folded)) return 'GBP';
  return null;
}

/** A figure as written ("500 milliards de dollars", "$1.5bn", "300 employés") read as a value and a unit. */
function readFigure(text: string, language: Language, unitLanguage: Language): Figure | null {
  const folded = foldForMatching(text);
  const number = /(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)/u.exec(folded);
  if (!number) return null;
  let digits = number[1].replace(/[\s\u00a0\u202f]/gu, '');
  if (/^\d{1,3}(,\d{3})+$/u.test(digits) && language === 'en') digits = digits.replaceAll(',', '');
  let value = Number(digits.replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const rest = folded.slice(number.index + number[0].length).trim();
  const scale = SCALES.find(([pattern]) => pattern.test(rest));
  if (scale) value *= scale[1];
  const currency = currencyOf(folded);
  if (currency) return { text, value, unit: currency };
  const unitWord = rest.replace(scale?.[0] ?? /^/u, '').trim().replace(/^(de|d'|of)\s*/u, '').split(/\s+/u)[0] ?? '';
  const unit = unitWord === '' ? null : ([...meaningfulTerms(unitWord, unitLanguage)][0] ?? null);
  return { text, value, unit };
}

function maskDates(text: string, language: Language): string {
  let masked = text;
  for (const mention of findDateExpressions(text, language)) {
    masked = masked.slice(0, mention.start) + ' '.repeat(mention.end - mention.start) + masked.slice(mention.end);
  }
  return masked;
}

/** The figures of a text: its amounts ("$500 billion", "100 milliards de dollars"), else its most relevant count. */
function figuresIn(text: string, language: Language, terms: string[], subjects: SubjectMention[], unitLanguage: Language): { figures: Figure[]; target: 'amount' | 'count' } | null {
  const masked = maskDates(text, language);
  for (const target of ['amount', 'count'] as const) {
    const found = extractFact(masked, target, subjects, terms);
    if (!found) continue;
    const written = target === 'amount' ? found.value.split(', ') : [text.slice(found.start, found.end)];
    const figures = written.map((part) => readFigure(part, language, unitLanguage)).filter((figure) => figure !== null);
    if (figures.length > 0) return { figures, target };
  }
  return null;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005;
}

function checkFigure(
  statement: string,
  statementLang: Language,
  subjects: SubjectMention[],
  sentences: CandidateSentence[],
  terms: Set<string>,
  citations: CitationList,
  language: Language,
): Finding[] {
  const found = figuresIn(statement, statementLang, [...terms], subjects, statementLang);
  const stated = found?.figures[0];
  if (!found || !stated || stated.unit === null) return [];
  const compared = sentences
    .filter((c) => c.overlap > 0)
    .slice(0, SENTENCES_COMPARED)
    .map((candidate) => {
      const inSentence = figuresIn(sentenceText(candidate), candidate.article.language === 'en' ? 'en' : 'fr', [...terms], subjects, statementLang);
      const comparable = inSentence?.target === found.target ? inSentence.figures.filter((figure) => figure.unit === stated.unit) : [];
      return { candidate, figures: comparable };
    })
    .filter((c) => c.figures.length > 0);
  const cite = (candidate: CandidateSentence) => citations.marker(citeSpan(candidate.article, candidate.support));
  for (const { candidate, figures } of compared) {
    const same = figures.find((figure) => sameValue(figure.value, stated.value));
    if (!same) continue;
    const besides = figures.filter((figure) => !sameValue(figure.value, stated.value)).map((figure) => quoted(figure.text, language));
    const note = besides.length === 0 ? '' : language === 'fr' ? `, à côté de ${besides.join(' et ')}` : `, beside ${besides.join(' and ')}`;
    const line =
      language === 'fr'
        ? `Chiffre : les articles donnent aussi ${quoted(same.text, language)} ${cite(candidate)}${note}.`
        : `Figure: the articles give ${quoted(same.text, language)} too ${cite(candidate)}${note}.`;
    return [{ holds: true, line }];
  }
  const differing = compared[0];
  if (!differing) return [];
  const said = differing.figures.map((figure) => quoted(figure.text, language)).join(language === 'fr' ? ' et ' : ' and ');
  const line =
    language === 'fr'
      ? `Chiffre : les articles disent ${said}, pas ${quoted(stated.text, language)} ${cite(differing.candidate)}.`
      : `Figure: the articles say ${said}, not ${quoted(stated.text, language)} ${cite(differing.candidate)}.`;
  return [{ holds: false, line }];
}

function checkPartners(subjects: SubjectMention[], nature: string | null, deps: StatementDeps, citations: CitationList, language: Language): Finding[] {
  const companies = [...new Set(subjects.map((s) => (s.kind === 'company' ? s.canonical : (s.company ?? s.canonical))))];
  if (companies.length < 2) return [];
  const [a, b] = companies;
  const ties = deps.facts.partners(a).partners.filter((tie) => nature === null || tie.nature === nature);
  const between = ties.find((tie) => (tie.a === a && tie.b === b) || (tie.a === b && tie.b === a));
  if (between) {
    const line =
      language === 'fr'
        ? `Partenaires : les articles lient ${between.a} et ${between.b} (${PARTNERSHIP_NATURE_WORDS.fr[between.nature]}) ${citations.marker(between.citation)}.`
        : `Partners: the articles tie ${between.a} and ${between.b} (${PARTNERSHIP_NATURE_WORDS.en[between.nature]}) ${citations.marker(between.citation)}.`;
    return [{ holds: true, line }];
  }
  if (nature === null) return [];
  const othersOfB = deps.facts
    .partners(b)
    .partners.filter((tie) => tie.nature === nature && tie.a !== a && tie.b !== a)
    .slice(0, 2);
  if (othersOfB.length === 0) return [];
  const named = [...new Set(othersOfB.map((tie) => (tie.a === b ? tie.b : tie.a)))].join(language === 'fr' ? ' et ' : ' and ');
  const markers = othersOfB.map((tie) => citations.marker(tie.citation)).join('');
  const line =
    language === 'fr'
      ? `Partenaires : pour ${b}, les articles nomment ${named}, pas ${a} ${markers}.`
      : `Partners: for ${b}, the articles name ${named}, not ${a} ${markers}.`;
  return [{ holds: false, line }];
}

function verdictOf(findings: Finding[]): StatementVerdict {
  if (findings.length === 0) return 'not-said';
  const holds = findings.some((f) => f.holds);
  const fails = findings.some((f) => !f.holds);
  return holds && fails ? 'mixed' : holds ? 'supported' : 'contradicted';
}

const VERDICT_LINES: Record<Language, Record<StatementVerdict, string>> = {
  en: {
    supported: 'The articles say so.',
    contradicted: 'The articles say otherwise.',
    mixed: 'The articles say so only in part.',
    'not-said': "The articles don't say.",
  },
  fr: {
    supported: 'Les articles le disent.',
    contradicted: 'Les articles disent autre chose.',
    mixed: 'Les articles ne le disent qu’en partie.',
    'not-said': 'Les articles ne le disent pas.',
  },
};

function absentLine(subject: string, language: Language): string {
  return language === 'fr'
    ? `Les articles ne le disent pas : aucun article indexé ne parle de ${subject}.`
    : `The articles don't say: no indexed article mentions ${subject}.`;
}

function isKnown(subject: SubjectMention, deps: StatementDeps, candidates: CandidateSentence[]): boolean {
  return deps.facts.knows(subject.canonical) || candidates.some((c) => c.subjects.has(subject.canonical));
}

function dropSubjectTerms(terms: Set<string>, subjects: SubjectMention[], language: Language): Set<string> {
  const drop = meaningfulTerms(subjects.map((s) => `${s.text} ${s.canonical}`).join(' '), language);
  return new Set([...terms].filter((term) => !drop.has(term) && !/^\d+$/u.test(term)));
}

/**
 * Checks a statement ("GPT-5 sort en mars", "Microsoft hosts OpenAI's
 * models", "Stargate costs $500 billion") against the indexed articles: the
 * dates the extracted facts (or, failing them, the closest sentences) give for
 * its subject and event, the figures the closest sentences give with the same
 * unit, and the partners the facts name. Each line is cited; the verdict goes
 * only as far as those citations ("the articles say late May 2025, not March
 * 2025"), and when nothing cited settles it, it says the articles don't say
 * and offers the closest passages as related reading.
 */
export async function checkStatement(statement: string, deps: StatementDeps, options: StatementOptions = {}): Promise<StatementCheck> {
  const asked = statement.replace(/\s+/gu, ' ').trim();
  if (asked === '') throw new UserFacingError('There is nothing to check in this message: it has no text.', 'empty_statement');
  const began = performance.now();
  const aliases = new Map(deps.facts.aliases().map(({ alias, subject }) => [foldForMatching(alias), subject]));
  const statementLang = statementLanguage(asked);
  const language = options.language ?? statementLang;
  const analysis = analyzeQuestion(asked, undefined, { aliases, findNames: (text) => deps.facts.findNames(text) });
  const subjects = analysis.subjects;
  const hits = await deps.search(asked, PASSAGES_READ);
  const terms = dropSubjectTerms(meaningfulTerms(asked, statementLang), subjects, statementLang);
  const candidates = supportingSentences(hits, subjects, terms, aliases);
  const subject = subjects.find((s) => s.kind === 'product') ?? subjects[0] ?? null;
  const base = {
    question: asked,
    standaloneQuestion: asked,
    language,
    kind: analysis.kind,
    value: null,
    confidence: 0,
  } as const;
  const unknown = subjects.find((s) => !isKnown(s, deps, candidates));
  if (unknown) {
    deps.logger?.debug({ subject: unknown.canonical }, 'statement names a subject no article mentions');
    return { ...base, verdict: 'not-said', answer: absentLine(unknown.canonical, language), abstained: true, citations: [], related: hits.slice(0, RELATED_SHOWN), timings: { total: performance.now() - began } };
  }
  const sentences = relevantSentences(candidates, subjects);
  const citations = new CitationList();
  const findings = [
    ...checkDate(asked, statementLang, subject?.canonical ?? null, sentences, deps, citations, language, analysis.past),
    ...checkFigure(asked, statementLang, subjects, sentences, terms, citations, language),
    ...(analysis.kind === 'partnership' ? checkPartners(subjects, analysis.nature, deps, citations, language) : []),
  ];
  const verdict = verdictOf(findings);
  deps.logger?.debug({ verdict, findings: findings.length, hits: hits.length }, 'statement checked');
  const abstained = verdict === 'not-said';
  return {
    ...base,
    verdict,
    answer: [VERDICT_LINES[language][verdict], ...findings.map((f) => f.line)].join('\n'),
    abstained,
    citations: abstained ? [] : citations.list(),
    related: abstained ? hits.slice(0, RELATED_SHOWN) : [],
    timings: { total: Math.round((performance.now() - began) * 100) / 100 },
  };
}
