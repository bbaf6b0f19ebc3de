import * as en from 'chrono-node/en';
import * as fr from 'chrono-node/fr';
import {
  addDays,
  addMonths,
  daysInMonth,
  monthRange,
  monthsRange,
  startOfWeek,
  utcDay,
  type DayRange,
  type PublicationInterval,
} from './calendar';
import { alternationOf, VOCABULARIES, type PeriodPart, type TimeUnit } from '../text/vocabulary';
import { foldForMatching } from '../text/foldForMatching';

const FR = VOCABULARIES.fr.dates;
const EN = VOCABULARIES.en.dates;
/** The date words of both languages in one table each: an article in one language may use the other's. */
const MONTHS: Readonly<Record<string, number>> = { ...FR.months, ...FR.monthAbbreviations, ...EN.months, ...EN.monthAbbreviations };
const COUNTS: Readonly<Record<string, number | 'few'>> = { ...FR.counts, ...EN.counts };
const PARTS: Readonly<Record<string, PeriodPart>> = { ...FR.periodParts, ...EN.periodParts };
const ORDINALS: Readonly<Record<string, number>> = { ...FR.ordinals, ...EN.ordinals };
const SEASONS: Readonly<Record<string, { from: number; to: number }>> = { ...FR.seasons, ...EN.seasons };
const DEICTIC_STEPS: Readonly<Record<string, number>> = { ...FR.deicticSteps, ...EN.deicticSteps };

/** Words as regex alternatives, longest first, spaces matching any space. */
/** What resolving a date expression needs besides the expression. */
export interface ResolveContext {
  /** The article's publication date, or null when unknown. */
  publication: PublicationInterval | null;
  /** True when the sentence speaks of the past: a month without a year is then the last one, not the next. */
  past: boolean;
  /**
   * A first plan ("initialement prévu le 5 avril", "originally slated for
   * March"): a month or a season without a year is the occurrence nearest the
   * publication date when it is at most three months ahead, else the last one
   * (a plan is usually dropped near its date, and the past reading put
   * « initialement prévu le 5 avril » of an article of 17 March a year back).
   * `either`: the occurrence nearest the publication date, either side (an
   * event named by what it is, « la présidentielle du 3 novembre », is spoken
   * of months before and after its day).
   */
  nearest?: boolean | 'either';
}

/**
 * A date expression's value. `relative` is true when the value counts from
 * the publication date ("in a few weeks", "next week", "last year"), so it is
 * only as good as that date; month and season names without a year are not
 * relative (only their year is inferred).
 */
export interface ResolvedDate {
  range: DayRange | null;
  relative: boolean;
}

type Groups = Record<string, string | undefined>;

/** One pattern of the date grammar, matched on folded text (see `foldForMatching`). */
export interface DateRule {
  name: string;
  language: 'fr' | 'en';
  pattern: RegExp;
  /**
   * Groups whose first letter must be a capital in the original text (English
   * month and day names: "may" is a verb); `^` names the match's first letter ("Q3", "T3").
   */
  capitalised?: string[];
  resolve(groups: Groups, context: ResolveContext, original: string): ResolvedDate;
}

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const YEAR = '(?<year>(?:19|20)\\d{2})(?![\\p{L}\\d-]|\\.\\d|,\\d)';
const MONTH_FR = `(?<month>${alternationOf(Object.keys(FR.months), '\\s')})${E}`;
const MONTH_EN = `(?<month>${alternationOf(Object.keys(EN.months), '\\s')})${E}`;
const MONTH_EN_SHORT = `(?<month>${alternationOf([...Object.keys(EN.months), ...Object.keys(EN.monthAbbreviations)], '\\s')})\\.?`;
const COUNT_FR = `(?<count>${alternationOf(Object.keys(FR.counts), '\\s')}|\\d{1,2})`;
const COUNT_EN = `(?<count>${alternationOf(Object.keys(EN.counts), '\\s')}|\\d{1,2})`;
const UNIT_FR = `(?<unit>${alternationOf(Object.keys(FR.units), '\\s')})`;
const UNIT_EN = `(?<unit>${alternationOf(Object.keys(EN.units), '\\s')})`;
const UNITS: Readonly<Record<string, TimeUnit>> = { ...FR.units, ...EN.units };
const WEEKDAYS_FR = FR.weekdays;
const WEEKDAYS_EN = EN.weekdays;

function rx(source: string): RegExp {
  return new RegExp(B + source, 'gdu');
}

const UNRESOLVED: ResolvedDate = { range: null, relative: false };
const UNRESOLVED_RELATIVE: ResolvedDate = { range: null, relative: true };

function absolute(range: DayRange | null): ResolvedDate {
  return { range, relative: false };
}

function monthNumber(name: string | undefined): number {
  const key = (name ?? '').replace(/\.$/, '');
  return MONTHS[key] ?? 0;
}

/** How far ahead of its article a first plan given without a year may be read: further, it is the past one. */
const FIRST_PLAN_AHEAD_MS = 92 * 24 * 3600 * 1000;

/**
 * The year of a first plan's day given without one: the occurrence nearest the publication date when it is at most
 * three months ahead (« initialement prévu le 5 avril » in an article of 17 March), else the last one before it (the
 * same words in an article of July are this year's April, not next year's: a plan that has already moved is
 * seldom for half a year ahead).
 */
function nearestYear(publication: PublicationInterval, month: number, day: number, either: boolean): number {
  const middle = (publication.start.getTime() + publication.end.getTime()) / 2;
  const at = (year: number) => Date.UTC(year, month - 1, Math.min(day, daysInMonth(year, month)));
  const last = at(publication.year) <= middle ? publication.year : publication.year - 1;
  const next = last + 1;
  const ahead = at(next) - middle;
  return (either || ahead <= FIRST_PLAN_AHEAD_MS) && ahead < middle - at(last) ? next : last;
}

/** The year of a month (and day) named without a year: the next occurrence from the publication date, or the last one in past tense. */
function inferYear(context: ResolveContext, month: number, day?: number): number | null {
  const publication = context.publication;
  if (!publication) return null;
  if (publication.month === null) return publication.year;
  if (context.nearest) return nearestYear(publication, month, day ?? 15, context.nearest === 'either');
  if (day === undefined) {
    if (context.past) return month <= publication.month ? publication.year : publication.year - 1;
    return month >= publication.month ? publication.year : publication.year + 1;
  }
  const pubDay = publication.precision === 'day' ? publication.start.getUTCDate() : context.past ? 31 : 1;
  const key = month * 100 + day;
  const pubKey = publication.month * 100 + pubDay;
  if (context.past) return key <= pubKey ? publication.year : publication.year - 1;
  return key >= pubKey ? publication.year : publication.year + 1;
}

function partOfMonth(year: number, month: number, part: PeriodPart): DayRange {
  const last = daysInMonth(year, month);
  if (part === 'early') return { start: utcDay(year, month, 1), end: utcDay(year, month, 10) };
  if (part === 'mid') return { start: utcDay(year, month, 11), end: utcDay(year, month, 20) };
  if (part === 'late') return { start: utcDay(year, month, 21), end: utcDay(year, month, last) };
  return monthRange(year, month);
}

function partOfYear(year: number, part: PeriodPart): DayRange {
  if (part === 'early') return monthsRange(year, 1, 3);
  if (part === 'mid') return monthsRange(year, 5, 8);
  if (part === 'late') return monthsRange(year, 10, 12);
  if (part === 'firstHalf') return monthsRange(year, 1, 6);
  if (part === 'secondHalf') return monthsRange(year, 7, 12);
  return monthsRange(year, 1, 12);
}

function union(a: DayRange, b: DayRange): DayRange {
  return {
    start: a.start < b.start ? a.start : b.start,
    end: a.end > b.end ? a.end : b.end,
  };
}

/**
 * Resolves an expression that counts from the publication date, for every
 * day the publication date may be (`2025-02` is any day of February) and
 * keeps the union, so a vague publication date gives an honest wide range.
 * `needs: 'month'` refuses a publication date known only to the year.
 */
function fromPublication(context: ResolveContext, needs: 'year' | 'month', at: (reference: Date) => DayRange): ResolvedDate {
  const publication = context.publication;
  if (!publication) return UNRESOLVED_RELATIVE;
  if (needs === 'month' && publication.precision === 'year') return UNRESOLVED_RELATIVE;
  return { range: union(at(publication.start), at(publication.end)), relative: true };
}

function step(word: string | undefined): number {
  return DEICTIC_STEPS[(word ?? '').replace(/\s+/g, ' ')] ?? 0;
}

function countOf(word: string | undefined): number | 'few' | null {
  if (!word) return null;
  const key = word.replace(/\s+/g, ' ');
  if (/^\d+$/.test(key)) return Number(key);
  return COUNTS[key] ?? null;
}

type Unit = TimeUnit;

function unitOf(word: string | undefined): Unit {
  return UNITS[word ?? ''] ?? 'year';
}

function shift(reference: Date, unit: Unit, amount: number): Date {
  if (unit === 'day') return addDays(reference, amount);
  if (unit === 'week') return addDays(reference, amount * 7);
  if (unit === 'month') return addMonths(reference, amount);
  return addMonths(reference, amount * 12);
}

/** "in a few weeks" is one to six weeks on; "in three weeks" the day three weeks on. */
function ahead(count: number | 'few', unit: Unit): (reference: Date) => DayRange {
  if (count === 'few') {
    const [from, to] = unit === 'day' ? [1, 10] : unit === 'week' ? [1, 6] : unit === 'month' ? [1, 6] : [1, 5];
    return (reference) => ({ start: shift(reference, unit, from), end: shift(reference, unit, to) });
  }
  return (reference) => {
    const day = shift(reference, unit, count);
    return { start: day, end: day };
  };
}

/** "in the coming weeks": from now to a couple of units on. */
function coming(unit: Unit): (reference: Date) => DayRange {
  const to = unit === 'day' ? 10 : unit === 'week' ? 8 : unit === 'month' ? 6 : 3;
  return (reference) => ({ start: reference, end: shift(reference, unit, to) });
}

function within(count: number | 'few', unit: Unit): (reference: Date) => DayRange {
  const to = count === 'few' ? (unit === 'week' ? 6 : unit === 'day' ? 10 : 6) : count;
  return (reference) => ({ start: reference, end: shift(reference, unit, to) });
}

function ago(count: number | 'few', unit: Unit): (reference: Date) => DayRange {
  if (count === 'few') {
    const [from, to] = unit === 'day' ? [1, 10] : [1, 6];
    return (reference) => ({ start: shift(reference, unit, -to), end: shift(reference, unit, -from) });
  }
  return (reference) => {
    const day = shift(reference, unit, -count);
    return { start: day, end: day };
  };
}

function weekOf(steps: number): (reference: Date) => DayRange {
  return (reference) => {
    const monday = addDays(startOfWeek(reference), steps * 7);
    return { start: monday, end: addDays(monday, 6) };
  };
}

function monthOf(steps: number): (reference: Date) => DayRange {
  return (reference) => {
    const first = addMonths(utcDay(reference.getUTCFullYear(), reference.getUTCMonth() + 1, 1), steps);
    return monthRange(first.getUTCFullYear(), first.getUTCMonth() + 1);
  };
}

function yearPart(steps: number, part: PeriodPart): (reference: Date) => DayRange {
  return (reference) => partOfYear(reference.getUTCFullYear() + steps, part);
}

function dayOf(steps: number): (reference: Date) => DayRange {
  return (reference) => {
    const day = addDays(reference, steps);
    return { start: day, end: day };
  };
}

/** `recent`: the last such day on or before the reference (news: "on Wednesday" in Wednesday's paper is that day). */
function weekdayOf(weekday: number, direction: 'next' | 'last' | 'this' | 'recent'): (reference: Date) => DayRange {
  return (reference) => {
    const today = (reference.getUTCDay() + 6) % 7;
    let offset: number;
    if (direction === 'this') offset = weekday - today;
    else if (direction === 'last') offset = -(((today - weekday + 7) % 7) || 7);
    else if (direction === 'recent') offset = -((today - weekday + 7) % 7);
    else offset = ((weekday - today + 7) % 7) || 7;
    const day = addDays(reference, offset);
    return { start: day, end: day };
  };
}

/**
 * Picks the occurrence of a yearly period (a season, a quarter) the article
 * means: by default the one holding or following the publication date (the
 * one holding or preceding it in past tense); `steps` +1/-1 for "next"/"last"
 * take the first one wholly after/before it.
 */
function occurrence(of: (year: number) => DayRange | null, steps: number, context: ResolveContext, relative: boolean): ResolvedDate {
  const publication = context.publication;
  if (!publication) return relative ? UNRESOLVED_RELATIVE : UNRESOLVED;
  if (publication.precision === 'year' && steps === 0) return { range: of(publication.year), relative };
  const candidates: DayRange[] = [];
  for (let year = publication.year - 2; year <= publication.year + 2; year += 1) {
    const range = of(year);
    if (range) candidates.push(range);
  }
  let chosen: DayRange | undefined;
  if (steps > 0) chosen = candidates.find((r) => r.start > publication.end);
  else if (steps < 0) chosen = [...candidates].reverse().find((r) => r.end < publication.start);
  else if (context.nearest) chosen = nearestRange(candidates, publication);
  else if (context.past) chosen = [...candidates].reverse().find((r) => r.start <= publication.end);
  else chosen = candidates.find((r) => r.end >= publication.start);
  return { range: chosen ?? null, relative };
}

function nearestRange(candidates: DayRange[], publication: PublicationInterval): DayRange | undefined {
  const middle = (publication.start.getTime() + publication.end.getTime()) / 2;
  const distance = (r: DayRange) => (r.end.getTime() < middle ? middle - r.end.getTime() : r.start.getTime() > middle ? r.start.getTime() - middle : 0);
  return [...candidates].sort((a, b) => distance(a) - distance(b))[0];
}

function seasonOf(season: { from: number; to: number }, steps: number, context: ResolveContext, deictic: boolean): ResolvedDate {
  return occurrence((year) => monthsRange(year, season.from, season.to), steps, context, deictic);
}

/** The weekday an expression opens with (« mardi 4 juin », "Tuesday, June 4"), as `Date.getUTCDay` numbers it; null without one. */
function openingWeekday(original: string): number | null {
  const first = foldForMatching(original).match(/^\p{L}+/u)?.[0];
  if (!first) return null;
  for (const names of [WEEKDAYS_FR, WEEKDAYS_EN]) {
    const index = names.indexOf(first);
    if (index >= 0) return (index + 1) % 7;
  }
  return null;
}

/**
 * The year of a day named with its weekday but no year: of the year inferred
 * and the ones either side, the one whose day falls on that weekday (« lundi 13
 * avril » in an article of 16 April 2020 is 2020's, whatever the clause's tense).
 */
function yearOfWeekday(original: string, inferred: number, month: number, day: number, publication: PublicationInterval | null): number {
  const weekday = openingWeekday(original);
  if (weekday === null) return inferred;
  const fits = [inferred, inferred - 1, inferred + 1].find((year) => day <= daysInMonth(year, month) && utcDay(year, month, day).getUTCDay() === weekday);
  if (fits === undefined || fits === inferred || !publication) return inferred;
  const distance = (year: number) => Math.abs(utcDay(year, month, day).getTime() - publication.start.getTime());
  return distance(fits) < distance(inferred) ? fits : inferred;
}

function dayMonthYear(groups: Groups, context: ResolveContext, original: string, language: 'fr' | 'en'): ResolvedDate {
  const month = monthNumber(groups.month);
  const parser = language === 'fr' ? fr : en;
  const parsed = parser.parse(original, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 })[0];
  const day = parsed?.start.isCertain('day') ? parsed.start.get('day') : Number((groups.day ?? '').replace(/\D/g, ''));
  if (!month || !day || day > 31) return UNRESOLVED;
  const inferred = groups.year ? Number(groups.year) : inferYear(context, month, day);
  if (inferred === null) return UNRESOLVED;
  const year = groups.year ? inferred : yearOfWeekday(original, inferred, month, day, context.publication);
  if (day > daysInMonth(year, month)) return UNRESOLVED;
  const date = utcDay(year, month, day);
  return absolute({ start: date, end: date });
}

/** "du 7 au 11 avril 2021", "du 30 mars au 2 avril", "April 7-11": the days between, both included; the year is the last day's. */
function dayRange(groups: Groups, context: ResolveContext): ResolvedDate {
  const month = monthNumber(groups.month);
  const fromMonth = groups.fromMonth ? monthNumber(groups.fromMonth) : month;
  const first = /^\d/.test(groups.from ?? '') ? Number((groups.from ?? '').replace(/\D/g, '')) : 1;
  const last = Number(groups.day);
  if (!month || !fromMonth || !first || !last) return UNRESOLVED;
  const year = groups.year ? Number(groups.year) : inferYear(context, month, last);
  if (year === null) return UNRESOLVED;
  const fromYear = fromMonth > month ? year - 1 : year;
  if (first > daysInMonth(fromYear, fromMonth) || last > daysInMonth(year, month)) return UNRESOLVED;
  const start = utcDay(fromYear, fromMonth, first);
  const end = utcDay(year, month, last);
  return start.getTime() < end.getTime() ? absolute({ start, end }) : UNRESOLVED;
}

function partFromWord(word: string | undefined): PeriodPart {
  return PARTS[(word ?? '').trim()] ?? 'whole';
}

function monthWithPart(groups: Groups, context: ResolveContext, part: PeriodPart): ResolvedDate {
  const month = monthNumber(groups.month);
  if (!month) return UNRESOLVED;
  const year = groups.year ? Number(groups.year) : inferYear(context, month);
  if (year === null) return UNRESOLVED;
  return absolute(partOfMonth(year, month, part));
}

function quarterNumber(groups: Groups): number {
  if (groups.q) return Number(groups.q);
  return ORDINALS[groups.ord ?? ''] ?? 0;
}

function quarter(groups: Groups, context: ResolveContext): ResolvedDate {
  const q = quarterNumber(groups);
  if (!q) return UNRESOLVED;
  const range = (year: number) => monthsRange(year, q * 3 - 2, q * 3);
  if (groups.year) return absolute(range(Number(groups.year)));
  if (groups.yy) return absolute(range(2000 + Number(groups.yy)));
  if (groups.which) return fromPublication(context, 'year', (reference) => range(reference.getUTCFullYear() + step(groups.which)));
  return occurrence(range, 0, context, false);
}

function half(groups: Groups, context: ResolveContext): ResolvedDate {
  const n = groups.ordnum ? Number(groups.ordnum) : ORDINALS[groups.ord ?? ''] ?? 0;
  if (n !== 1 && n !== 2) return UNRESOLVED;
  const part: PeriodPart = n === 1 ? 'firstHalf' : 'secondHalf';
  if (groups.year) return absolute(partOfYear(Number(groups.year), part));
  if (groups.which) return fromPublication(context, 'year', yearPart(step(groups.which), part));
  const year = inferYear(context, n === 1 ? 6 : 12, n === 1 ? 30 : 31);
  return year === null ? UNRESOLVED : absolute(partOfYear(year, part));
}

function christmas(groups: Groups, context: ResolveContext): ResolvedDate {
  const december = (year: number) => monthRange(year, 12);
  if (groups.year) return absolute(december(Number(groups.year)));
  const which = groups.which ?? '';
  if (which) {
    const steps = /dern|last/.test(which) ? -1 : 1;
    return fromPublication(context, 'year', (reference) => december(reference.getUTCFullYear() + steps));
  }
  const year = inferYear(context, 12, 25);
  return year === null ? UNRESOLVED : absolute(december(year));
}

function weekday(names: readonly string[], groups: Groups, context: ResolveContext): ResolvedDate {
  const index = names.indexOf(groups.wd ?? '');
  if (index < 0) return UNRESOLVED;
  const which = groups.which ?? '';
  const direction = /prochain|next/.test(which) ? 'next' : /dernier|last/.test(which) ? 'last' : which === 'this' || which === 'ce' ? 'this' : context.past ? 'recent' : 'next';
  return fromPublication(context, 'month', weekdayOf(index, direction));
}

const later = (groups: Groups) => (groups.later ? (/tard|later/.test(groups.later) ? 'later' : 'earlier') : null);

/** The date grammar, French then English. Overlaps are settled by the finder (longest match wins). */
export const DATE_RULES: DateRule[] = [
  // ---- French ----
  {
    name: 'fr.iso',
    language: 'fr',
    pattern: rx('(?<year>(?:19|20)\\d{2})-(?<m>\\d{2})-(?<day>\\d{2})(?![\\d])'),
    resolve: (g) => isoDate(g),
  },
  {
    name: 'fr.numeric',
    language: 'fr',
    pattern: rx('(?<day>\\d{1,2})/(?<m>\\d{1,2})/(?<year>(?:19|20)\\d{2})(?!\\d)'),
    resolve: (g) => isoDate(g),
  },
  {
    name: 'fr.dayMonth',
    language: 'fr',
    pattern: rx(`(?:(?:${WEEKDAYS_FR.join('|')})\\s)?(?<day>1er|premier|\\d{1,2})\\s${MONTH_FR}(?:\\s${YEAR})?`),
    resolve: (g, c, o) => dayMonthYear(g, c, o, 'fr'),
  },
  {
    name: 'fr.dayRange',
    language: 'fr',
    pattern: rx(`(?:du\\s|entre\\sle\\s)?(?<from>1er|premier|\\d{1,2})(?:\\s(?<fromMonth>${alternationOf(Object.keys(FR.months), '\\s')}))?\\s(?:au|et\\sle|-)\\s(?<day>\\d{1,2})\\s${MONTH_FR}(?:\\s${YEAR})?`),
    resolve: (g, c) => dayRange(g, c),
  },
  {
    name: 'fr.partOfMonth',
    language: 'fr',
    pattern: rx(`(?:(?:la|le)\\s)?(?<part>debut|fin|milieu|courant|mi)(?:-|\\s)(?:de\\s|d'|du\\smois\\sde\\s|du\\smois\\sd')?${MONTH_FR}(?:\\s${YEAR})?`),
    resolve: (g, c) => monthWithPart(g, c, partFromWord(g.part)),
  },
  {
    name: 'fr.monthYear',
    language: 'fr',
    pattern: rx(`${MONTH_FR}\\s${YEAR}`),
    resolve: (g, c) => monthWithPart(g, c, 'whole'),
  },
  {
    name: 'fr.month',
    language: 'fr',
    pattern: new RegExp(`(?<=(?:^|[^\\p{L}])(?:en|au\\smois\\sde|courant|pour|d'ici|des|avant|apres|jusqu'en|depuis|a\\spartir\\sde|a)\\s|au\\smois\\sd')${MONTH_FR}`, 'gdu'),
    resolve: (g, c) => monthWithPart(g, c, 'whole'),
  },
  {
    name: 'fr.month.lastNext',
    language: 'fr',
    pattern: rx(`${MONTH_FR}\\s(?<which>dernier|prochain)${E}`),
    resolve: (g, c) => monthWithPart(g, { ...c, past: step(g.which) < 0 }, 'whole'),
  },
  {
    name: 'fr.partOfYear',
    language: 'fr',
    pattern: rx(`(?:(?:la|le)\\s)?(?<part>debut|fin|milieu|mi)(?:-|\\s)(?:de\\s)?(?:l'(?:annee|an)\\s)?${YEAR}`),
    resolve: (g) => absolute(partOfYear(Number(g.year), partFromWord(g.part))),
  },
  {
    name: 'fr.halfYear',
    language: 'fr',
    pattern: rx(`(?:(?:le|au|du)\\s)?(?<ord>premier|second|seconde|deuxieme)\\ssemestre(?:\\s(?:de\\s|de\\sl'annee\\s)?(?:${YEAR}|(?:l'annee\\s)?(?<which>prochaine|derniere)))?`),
    resolve: half,
  },
  {
    name: 'fr.halfYearShort',
    language: 'fr',
    pattern: rx(`[sh](?<ordnum>[12])\\s?${YEAR}`),
    capitalised: ['^'],
    resolve: half,
  },
  {
    name: 'fr.quarter',
    language: 'fr',
    pattern: rx(`(?:(?:le|au|du)\\s)?(?<ord>premier|1er|deuxieme|second|2e|2eme|troisieme|3e|3eme|quatrieme|dernier|4e|4eme)\\strimestre(?:\\s(?:de\\s|de\\sl'annee\\s)?(?:${YEAR}|(?:l'annee\\s)?(?<which>prochaine|derniere)))?`),
    resolve: quarter,
  },
  {
    name: 'fr.quarterShort',
    language: 'fr',
    pattern: rx(`t(?<q>[1-4])\\s?${YEAR}`),
    capitalised: ['^'],
    resolve: quarter,
  },
  {
    name: 'fr.partOfThisYear',
    language: 'fr',
    pattern: rx(`(?:(?:la|le)\\s)?(?<part>debut|fin|milieu|mi)(?:-|\\s)(?:de\\s)?(?:l'annee|l'an|cette\\sannee)(?:\\s(?<which>prochaine|prochain|derniere|dernier|passee|en\\scours))?${E}`),
    resolve: (g, c) => fromPublication(c, 'year', yearPart(step(g.which), partFromWord(g.part))),
  },
  {
    name: 'fr.otherYear',
    language: 'fr',
    pattern: rx(`(?:l'annee|l'an)\\s(?<which>prochaine|prochain|derniere|dernier|passee|passe)${E}`),
    resolve: (g, c) => fromPublication(c, 'year', yearPart(step(g.which), 'whole')),
  },
  {
    name: 'fr.thisYear',
    language: 'fr',
    pattern: rx(`(?:(?<later>plus\\stard|plus\\stot)\\s)?cette\\sannee${E}`),
    resolve: (g, c) => thisYear(c, later(g)),
  },
  {
    name: 'fr.year',
    language: 'fr',
    pattern: new RegExp(`(?<=(?:^|[^\\p{L}])(?:en|pour|d'ici|des|avant|apres|jusqu'en|depuis|courant|au\\scours\\sde)\\s)${YEAR}`, 'gdu'),
    resolve: (g) => absolute(partOfYear(Number(g.year), 'whole')),
  },
  {
    name: 'fr.season',
    language: 'fr',
    pattern: rx(`(?:(?<det>au|en|cet|ce|du)\\s|(?<det2>a\\sl'|l'|de\\sl'))(?<season>printemps|ete|automne|hiver)(?:\\s(?<which>prochain|dernier))?${E}`),
    resolve: (g, c) => seasonOf(SEASONS[g.season ?? ''], step(g.which), c, Boolean(g.which) || g.det === 'cet' || g.det === 'ce'),
  },
  {
    name: 'fr.seasonYear',
    language: 'fr',
    pattern: rx(`(?:(?:au|en|cet|ce|du)\\s|(?:a\\sl'|l'|de\\sl'))?(?<season>printemps|ete|automne)\\s(?:de\\s|d')?${YEAR}`),
    resolve: (g) => absolute(monthsRange(Number(g.year), SEASONS[g.season ?? ''].from, SEASONS[g.season ?? ''].to)),
  },
  {
    name: 'fr.week',
    language: 'fr',
    pattern: rx(`(?:(?:la|cette)\\s)?semaine\\s(?<which>prochaine|derniere|passee)${E}|cette\\ssemaine${E}`),
    resolve: (g, c) => fromPublication(c, 'month', weekOf(step(g.which))),
  },
  {
    name: 'fr.month.deictic',
    language: 'fr',
    pattern: rx(`(?:le\\s)?mois\\s(?<which>prochain|dernier|passe)${E}|ce\\smois(?:-ci)?${E}`),
    resolve: (g, c) => fromPublication(c, 'month', monthOf(step(g.which))),
  },
  {
    name: 'fr.day.deictic',
    language: 'fr',
    pattern: new RegExp(`(?<![\\p{L}\\d])(?<!de\\s|d')(?<word>${alternationOf(Object.keys(FR.relativeDays), '\\s')})(?![\\p{L}\\d])`, 'gdu'),
    resolve: (g, c) => fromPublication(c, 'month', dayOf(FR.relativeDays[g.word ?? ''] ?? 0)),
  },
  {
    name: 'fr.inDuration',
    language: 'fr',
    pattern: rx(`(?<prep>dans|d'ici)\\s(?:les\\s)?${COUNT_FR}\\s${UNIT_FR}${E}`),
    resolve: (g, c) => duration(g, c),
  },
  {
    name: 'fr.coming',
    language: 'fr',
    pattern: rx(`(?:dans|au\\scours\\sdes|durant\\sles|pendant\\sles|lors\\sdes)\\s(?:les\\s)?(?:(?<unit>jours|semaines|mois|annees)\\s(?:a\\svenir|qui\\sviennent|prochaine?s)|prochaine?s\\s(?<unit2>jours|semaines|mois|annees))${E}`),
    resolve: (g, c) => fromPublication(c, unitOf(g.unit ?? g.unit2) === 'year' ? 'year' : 'month', coming(unitOf(g.unit ?? g.unit2))),
  },
  {
    name: 'fr.ago',
    language: 'fr',
    pattern: rx(`il\\sy\\sa\\s${COUNT_FR}\\s${UNIT_FR}${E}`),
    resolve: (g, c) => agoDuration(g, c),
  },
  {
    name: 'fr.christmas',
    language: 'fr',
    pattern: rx(`(?:a\\s)?noel(?:\\s(?:${YEAR}|(?<which>l'annee\\sderniere|l'an\\sdernier|dernier|l'annee\\sprochaine|prochain)))?${E}`),
    resolve: christmas,
  },
  {
    name: 'fr.weekday',
    language: 'fr',
    pattern: rx(`(?:(?<which>ce)\\s)?(?<wd>${WEEKDAYS_FR.join('|')})(?:\\s(?<which2>prochain|dernier))?${E}`),
    resolve: (g, c) => weekday(WEEKDAYS_FR, { ...g, which: g.which2 ?? g.which }, c),
  },
  // ---- English ----
  {
    name: 'en.iso',
    language: 'en',
    pattern: rx('(?<year>(?:19|20)\\d{2})-(?<m>\\d{2})-(?<day>\\d{2})(?![\\d])'),
    resolve: (g) => isoDate(g),
  },
  {
    name: 'en.monthDay',
    language: 'en',
    pattern: rx(`(?:(?:${WEEKDAYS_EN.join('|')}),?\\s)?${MONTH_EN_SHORT}\\s(?<day>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s${YEAR})?`),
    capitalised: ['month'],
    resolve: (g, c, o) => dayMonthYear(g, c, o, 'en'),
  },
  {
    name: 'en.monthDayRange',
    language: 'en',
    pattern: rx(`${MONTH_EN_SHORT}\\s(?<from>\\d{1,2})(?:st|nd|rd|th)?\\s?(?:-|to|through)\\s?(?<day>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s${YEAR})?`),
    capitalised: ['month'],
    resolve: (g, c) => dayRange(g, c),
  },
  {
    name: 'en.dayRange',
    language: 'en',
    pattern: rx(`(?:from\\s|between\\s)?(?<from>\\d{1,2})(?:st|nd|rd|th)?\\s?(?:-|to|and)\\s?(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_EN}(?:,?\\s${YEAR})?`),
    capitalised: ['month'],
    resolve: (g, c) => dayRange(g, c),
  },
  {
    name: 'en.dayMonth',
    language: 'en',
    pattern: rx(`(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_EN}(?:,?\\s${YEAR})?`),
    capitalised: ['month'],
    resolve: (g, c, o) => dayMonthYear(g, c, o, 'en'),
  },
  {
    name: 'en.partOfMonth',
    language: 'en',
    pattern: rx(`(?:the\\s)?(?<part>beginning|start|end|middle|early|late|mid)(?:-|\\s)(?:of\\s)?(?:the\\smonth\\sof\\s)?${MONTH_EN}(?:,?\\s${YEAR})?`),
    capitalised: ['month'],
    resolve: (g, c) => monthWithPart(g, c, partFromWord(g.part)),
  },
  {
    name: 'en.monthYear',
    language: 'en',
    pattern: rx(`${MONTH_EN},?\\s(?:of\\s)?${YEAR}`),
    capitalised: ['month'],
    resolve: (g, c) => monthWithPart(g, c, 'whole'),
  },
  {
    name: 'en.month',
    language: 'en',
    pattern: new RegExp(`(?<=(?:^|[^\\p{L}])(?:in|into|to|by|for|until|before|after|since|from|during|through|around)\\s)${MONTH_EN}`, 'gdu'),
    capitalised: ['month'],
    resolve: (g, c) => monthWithPart(g, c, 'whole'),
  },
  {
    name: 'en.month.deictic',
    language: 'en',
    pattern: rx(`(?<which>this|next|last)\\s${MONTH_EN}`),
    capitalised: ['month'],
    resolve: (g, c) => monthWithPart(g, { ...c, past: g.which === 'last' ? true : g.which === 'next' ? false : c.past }, 'whole'),
  },
  {
    name: 'en.partOfYear',
    language: 'en',
    pattern: rx(`(?:the\\s)?(?<part>beginning|start|end|middle|early|late|mid)(?:-|\\s)(?:of\\s)?(?:(?:the\\s)?year\\s)?${YEAR}`),
    resolve: (g) => absolute(partOfYear(Number(g.year), partFromWord(g.part))),
  },
  {
    name: 'en.halfYear',
    language: 'en',
    pattern: rx(`(?:the\\s)?(?<ord>first|second|1st|2nd)\\shalf(?:\\sof\\s(?:(?:the\\s)?year\\s)?(?:${YEAR}|(?<which>this|next|last)\\syear))?${E}`),
    resolve: half,
  },
  {
    name: 'en.halfYearShort',
    language: 'en',
    pattern: rx(`h(?<ordnum>[12])\\s?${YEAR}`),
    capitalised: ['^'],
    resolve: half,
  },
  {
    name: 'en.quarterShort',
    language: 'en',
    pattern: rx(`q(?<q>[1-4])(?:(?:\\s|-)?${YEAR}|\\s'(?<yy>\\d{2}))?${E}`),
    capitalised: ['^'],
    resolve: quarter,
  },
  {
    name: 'en.quarter',
    language: 'en',
    pattern: rx(`(?:the\\s)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:\\s|-)quarter(?:\\sof\\s(?:(?:the\\s)?year\\s)?(?:${YEAR}|(?<which>this|next|last)\\syear))?${E}`),
    resolve: quarter,
  },
  {
    name: 'en.partOfThisYear',
    language: 'en',
    pattern: rx(`(?:the\\s)?(?<part>beginning|start|end|middle|early|late|mid)(?:-|\\s)(?:of\\s)?(?:(?<which>this|next|last)\\s|the\\s)year${E}`),
    resolve: (g, c) => fromPublication(c, 'year', yearPart(step(g.which), partFromWord(g.part))),
  },
  {
    name: 'en.yearEnd',
    language: 'en',
    pattern: rx(`year[-\\s]end${E}`),
    resolve: (_g, c) => fromPublication(c, 'year', yearPart(0, 'late')),
  },
  {
    name: 'en.otherYear',
    language: 'en',
    pattern: rx(`(?<which>next|last)\\syear${E}`),
    resolve: (g, c) => fromPublication(c, 'year', yearPart(step(g.which), 'whole')),
  },
  {
    name: 'en.thisYear',
    language: 'en',
    pattern: rx(`(?:(?<later>later|earlier)\\s)?this\\syear${E}`),
    resolve: (g, c) => thisYear(c, later(g)),
  },
  {
    name: 'en.year',
    language: 'en',
    pattern: new RegExp(`(?<=(?:^|[^\\p{L}])(?:in|into|by|for|until|before|after|since|from|during|through|around)\\s)${YEAR}`, 'gdu'),
    resolve: (g) => absolute(partOfYear(Number(g.year), 'whole')),
  },
  {
    name: 'en.season',
    language: 'en',
    pattern: rx(`(?:(?:in|by|during)\\s)?(?:(?<which>this|next|last)|the)\\s(?<season>spring|summer|fall|autumn|winter)${E}`),
    resolve: (g, c) => seasonOf(SEASONS[g.season ?? ''], step(g.which), c, Boolean(g.which)),
  },
  {
    name: 'en.seasonYear',
    language: 'en',
    pattern: rx(`(?:the\\s)?(?<season>spring|summer|fall|autumn)\\s(?:of\\s)?${YEAR}`),
    resolve: (g) => absolute(monthsRange(Number(g.year), SEASONS[g.season ?? ''].from, SEASONS[g.season ?? ''].to)),
  },
  {
    name: 'en.week',
    language: 'en',
    pattern: rx(`(?:the\\s)?(?<which>next|last|this|following|coming)\\sweek${E}`),
    resolve: (g, c) => fromPublication(c, 'month', weekOf(step(g.which))),
  },
  {
    name: 'en.month.relative',
    language: 'en',
    pattern: rx(`(?<which>next|last|this)\\smonth${E}|(?:later|earlier)\\sthis\\smonth${E}`),
    resolve: (g, c) => fromPublication(c, 'month', monthOf(step(g.which))),
  },
  {
    name: 'en.day.deictic',
    language: 'en',
    pattern: new RegExp(`(?<![\\p{L}\\d'])(?<word>${alternationOf(Object.keys(EN.relativeDays), '\\s')})(?!'s|[\\p{L}\\d])`, 'gdu'),
    resolve: (g, c) => fromPublication(c, 'month', dayOf(EN.relativeDays[g.word ?? ''] ?? 0)),
  },
  {
    name: 'en.inDuration',
    language: 'en',
    pattern: rx(`(?<prep>in|within)\\s(?:the\\snext\\s)?${COUNT_EN}\\s${UNIT_EN}(?:'?\\stime)?${E}`),
    resolve: (g, c) => duration(g, c),
  },
  {
    name: 'en.coming',
    language: 'en',
    pattern: rx(`(?:in|over|during|within)\\sthe\\s(?:coming|next(?:\\sfew)?|following)\\s(?<unit>days|weeks|months|years)${E}`),
    resolve: (g, c) => fromPublication(c, unitOf(g.unit) === 'year' ? 'year' : 'month', coming(unitOf(g.unit))),
  },
  {
    name: 'en.ago',
    language: 'en',
    pattern: rx(`${COUNT_EN}\\s${UNIT_EN}\\sago${E}`),
    resolve: (g, c) => agoDuration(g, c),
  },
  {
    name: 'en.christmas',
    language: 'en',
    pattern: rx(`(?:(?:at|by)\\s)?christmas(?:\\s(?:${YEAR}|(?<which>last\\syear|next\\syear)))?${E}|(?<which2>last|this|next)\\schristmas${E}`),
    resolve: (g, c) => christmas({ ...g, which: g.which ?? (g.which2 === 'this' ? undefined : g.which2) }, c),
  },
  {
    name: 'en.weekday',
    language: 'en',
    pattern: rx(`(?:(?<which>next|last|this|on)\\s)?(?<wd>${WEEKDAYS_EN.join('|')})${E}`),
    capitalised: ['wd'],
    resolve: (g, c) => weekday(WEEKDAYS_EN, { ...g, which: g.which === 'on' ? undefined : g.which }, c),
  },
];

function isoDate(groups: Groups): ResolvedDate {
  const year = Number(groups.year);
  const month = Number(groups.m);
  const day = Number(groups.day);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return UNRESOLVED;
  const date = utcDay(year, month, day);
  return absolute({ start: date, end: date });
}

function thisYear(context: ResolveContext, when: 'later' | 'earlier' | null): ResolvedDate {
  return fromPublication(context, 'year', (reference) => {
    const year = partOfYear(reference.getUTCFullYear(), 'whole');
    if (when === 'later') return { start: reference, end: year.end };
    if (when === 'earlier') return { start: year.start, end: reference };
    return year;
  });
}

function duration(groups: Groups, context: ResolveContext): ResolvedDate {
  const count = countOf(groups.count);
  if (count === null) return UNRESOLVED_RELATIVE;
  const unit = unitOf(groups.unit);
  const needs = unit === 'year' ? 'year' : 'month';
  const at = groups.prep === "d'ici" || groups.prep === 'within' ? within(count, unit) : ahead(count, unit);
  return fromPublication(context, needs, at);
}

function agoDuration(groups: Groups, context: ResolveContext): ResolvedDate {
  const count = countOf(groups.count);
  if (count === null) return UNRESOLVED_RELATIVE;
  const unit = unitOf(groups.unit);
  return fromPublication(context, unit === 'year' ? 'year' : 'month', ago(count, unit));
}
