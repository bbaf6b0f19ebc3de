/** A resolved date range, both ends inclusive, as UTC midnight dates. */
export interface DayRange {
  start: Date;
  end: Date;
}

/** A publication date as the interval it covers: `2025-02` covers the whole of February. */
export interface PublicationInterval {
  start: Date;
  end: Date;
  precision: 'year' | 'month' | 'day';
  year: number;
  /** 1 to 12, when known. */
  month: number | null;
}

/** The UTC date for a year, a month (1 to 12) and a day; overflowing days roll over as `Date.UTC` does. */
export function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The number of days in a month (1 to 12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` moved by `days` (negative to go back). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** `date` moved by whole months, the day clamped to the target month's length. */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(year, month, 1));
  const day = Math.min(date.getUTCDate(), daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1));
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day));
}

/** The whole of one month. */
export function monthRange(year: number, month: number): DayRange {
  return { start: utcDay(year, month, 1), end: utcDay(year, month, daysInMonth(year, month)) };
}

/** From the first day of `fromMonth` to the last day of `toMonth` (months may run past 12 into the next year). */
export function monthsRange(year: number, fromMonth: number, toMonth: number): DayRange {
  const first = utcDay(year, fromMonth, 1);
  const last = new Date(Date.UTC(year, toMonth, 0));
  return { start: first, end: last };
}

/** The Monday of the ISO week that holds `date`. */
export function startOfWeek(date: Date): Date {
  const weekday = (date.getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses a partial ISO publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); null when absent or malformed. */
export function publicationInterval(published: string | null | undefined): PublicationInterval | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published?.trim() ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { start: utcDay(year, 1, 1), end: utcDay(year, 12, 31), precision: 'year', year, month: null };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) {
    const range = monthRange(year, month);
    return { ...range, precision: 'month', year, month };
  }
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const date = utcDay(year, month, day);
  return { start: date, end: date, precision: 'day', year, month };
}
