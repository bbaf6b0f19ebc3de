/** The locale each reply language is written in (day month year, as European news write dates). */
const LOCALES = { en: 'en-GB', fr: 'fr-FR' } as const;

const FORMATS = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  dayMonth: { day: 'numeric', month: 'long', timeZone: 'UTC' },
  month: { month: 'long', timeZone: 'UTC' },
  monthYear: { month: 'long', year: 'numeric', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date written with Intl in the reply's language, at the precision `format` says is known. */
function format(day: Day, language: 'fr' | 'en', shape: keyof typeof FORMATS): string {
  const key = `${language}:${shape}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], FORMATS[shape]);
    formatters.set(key, formatter);
  }
  const text = formatter.format(new Date(Date.UTC(day.year, day.month - 1, day.day)));
  return language === 'fr' && day.day === 1 && shape.startsWith('day') ? text.replace(/^1(?=\s)/u, '1er') : text;
}

/** Seasons by their meteorological months, as the date grammar resolves them (winter runs into the next year). */
const SEASONS: ReadonlyArray<{ from: number; to: number; en: string; fr: string }> = [
  { from: 3, to: 5, en: 'spring', fr: 'printemps' },
  { from: 6, to: 8, en: 'summer', fr: 'été' },
  { from: 9, to: 11, en: 'autumn', fr: 'automne' },
  { from: 12, to: 2, en: 'winter', fr: 'hiver' },
];

interface Day {
  year: number;
  month: number;
  day: number;
}

function parseDay(iso: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayText(day: Day, language: 'fr' | 'en', withYear = true): string {
  return format(day, language, withYear ? 'day' : 'dayMonth');
}

function monthText(year: number, month: number, language: 'fr' | 'en'): string {
  return format({ year, month, day: 1 }, language, 'monthYear');
}

function monthName(month: number, language: 'fr' | 'en'): string {
  return format({ year: 2000, month, day: 1 }, language, 'month');
}

/** The season a whole-month range is, when it is one: "summer 2025", « hiver 2024-2025 ». */
function seasonText(from: Day, to: Day, language: 'fr' | 'en'): string | null {
  const season = SEASONS.find((s) => s.from === from.month && s.to === to.month);
  if (!season) return null;
  const sameYear = from.year === to.year;
  if (season.from > season.to ? to.year !== from.year + 1 : !sameYear) return null;
  const years = sameYear ? String(from.year) : `${from.year}-${to.year}`;
  return `${season[language]} ${years}`;
}

/** A half year: "first half of 2026", « premier semestre 2026 ». */
function halfText(from: Day, to: Day, language: 'fr' | 'en'): string | null {
  if (from.year !== to.year) return null;
  const half = from.month === 1 && to.month === 6 ? 1 : from.month === 7 && to.month === 12 ? 2 : 0;
  if (!half) return null;
  if (language === 'fr') return `${half === 1 ? 'premier' : 'second'} semestre ${from.year}`;
  return `${half === 1 ? 'first' : 'second'} half of ${from.year}`;
}

/**
 * Says in words which period an ISO range covers, as a news reader would:
 * "late May 2025" / « fin mai 2025 », "early 2025" / « début 2025 »,
 * "13 February 2025". Null when the range is unknown or open.
 */
export function describeRange(start: string | null, end: string | null, language: 'fr' | 'en'): string | null {
  const from = start ? parseDay(start) : null;
  const to = end ? parseDay(end) : null;
  if (!from || !to) return null;
  const fr = language === 'fr';
  if (start === end) return dayText(from, language);
  const wholeMonths = from.day === 1 && to.day === lastDayOf(to.year, to.month);
  if (from.year === to.year && from.month === to.month) {
    const month = monthText(from.year, from.month, language);
    if (wholeMonths) return month;
    if (from.day >= 20 && to.day === lastDayOf(to.year, to.month)) return fr ? `fin ${month}` : `late ${month}`;
    if (from.day === 1 && to.day <= 10) return fr ? `début ${month}` : `early ${month}`;
    if (from.day >= 10 && to.day <= 20) return fr ? `mi-${month}` : `mid-${month}`;
    return fr ? `entre le ${from.day} et le ${dayText(to, language)}` : `between ${from.day} and ${dayText(to, language)}`;
  }
  const season = wholeMonths ? seasonText(from, to, language) : null;
  if (season) return season;
  if (wholeMonths && from.year === to.year) {
    const year = from.year;
    if (from.month === 1 && to.month === 12) return String(year);
    const half = halfText(from, to, language);
    if (half) return half;
    if (from.month === 1 && to.month <= 4) return fr ? `début ${year}` : `early ${year}`;
    if (from.month >= 9 && to.month === 12) return fr ? `fin ${year}` : `late ${year}`;
    if (from.month >= 5 && to.month <= 8) return fr ? `mi-${year}` : `mid-${year}`;
    if ((from.month - 1) % 3 === 0 && to.month === from.month + 2) return fr ? `T${(from.month + 2) / 3} ${year}` : `Q${(from.month + 2) / 3} ${year}`;
    return fr
      ? `entre ${monthName(from.month, language)} et ${monthText(year, to.month, language)}`
      : `between ${monthName(from.month, language)} and ${monthText(year, to.month, language)}`;
  }
  if (wholeMonths) {
    return fr
      ? `entre ${monthText(from.year, from.month, language)} et ${monthText(to.year, to.month, language)}`
      : `between ${monthText(from.year, from.month, language)} and ${monthText(to.year, to.month, language)}`;
  }
  const sameYear = from.year === to.year;
  return fr
    ? `entre le ${dayText(from, language, !sameYear)} et le ${dayText(to, language)}`
    : `between ${dayText(from, language, !sameYear)} and ${dayText(to, language)}`;
}

/** A publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) in words: "February 2025", « 13 février 2025 ». */
export function describePublished(published: string | null, language: 'fr' | 'en'): string | null {
  if (!published) return null;
  const [year, month, day] = published.split('-').map(Number);
  if (!year) return null;
  if (!month) return String(year);
  if (!day) return monthText(year, month, language);
  return dayText({ year, month, day }, language);
}

/**
 * The range with the preposition its shape calls for: "in late May 2025",
 * "on 11 December 2024", "by 31 May 2025" (for "by"/« d'ici » expressions);
 * in French « fin mai 2025 », « le 11 décembre 2024 », « d'ici le 31 mai 2025 ».
 */
export function rangePhrase(start: string | null, end: string | null, language: 'fr' | 'en', bounded: boolean): string | null {
  if (bounded && end) {
    const to = parseDay(end);
    if (to) {
      const endOfMonth = to.day === lastDayOf(to.year, to.month);
      const target = endOfMonth ? (language === 'fr' ? `fin ${monthText(to.year, to.month, language)}` : `the end of ${monthText(to.year, to.month, language)}`) : dayText(to, language);
      if (endOfMonth && to.month === 12 && (!start || start.endsWith('-01-01') || start <= `${to.year}-10-01`)) {
        return language === 'fr' ? `d'ici fin ${to.year}` : `by the end of ${to.year}`;
      }
      if (endOfMonth && to.month === 8 && (!start || start <= `${to.year}-05-01`)) {
        return language === 'fr' ? `d'ici mi-${to.year}` : `by mid-${to.year}`;
      }
      return language === 'fr' ? `d'ici ${endOfMonth ? target : `le ${target}`}` : `by ${target}`;
    }
  }
  const words = describeRange(start, end, language);
  if (!words) return null;
  if (language === 'fr') {
    if (start === end) return `le ${words}`;
    if (/^(entre|fin|début|mi-|T\d)/.test(words)) return words;
    if (words.startsWith('printemps')) return `au ${words}`;
    if (/^(été|automne|hiver)/.test(words)) return `à l'${words}`;
    if (/^(premier|second) semestre/.test(words)) return `au ${words}`;
    return `en ${words}`;
  }
  if (start === end) return `on ${words}`;
  if (words.startsWith('between')) return words;
  return /^(first|second) half/.test(words) ? `in the ${words}` : `in ${words}`;
}

/** True for "by"-style expressions whose range runs up to a deadline: "by the end of May", « d'ici la fin de 2024 ». */
export function isDeadline(expression: string): boolean {
  return /^\s*(by|no later than|d['’]ici|au plus tard|avant)\b/i.test(expression);
}
