const MONTHS: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, janv: 1,
  february: 2, feb: 2, février: 2, fevrier: 2, févr: 2, fevr: 2, fév: 2, fev: 2,
  march: 3, mar: 3, mars: 3,
  april: 4, apr: 4, avril: 4, avr: 4,
  may: 5, mai: 5,
  june: 6, jun: 6, juin: 6,
  july: 7, jul: 7, juillet: 7, juil: 7,
  august: 8, aug: 8, août: 8, aout: 8,
  september: 9, sep: 9, sept: 9, septembre: 9,
  october: 10, oct: 10, octobre: 10,
  november: 11, nov: 11, novembre: 11,
  december: 12, dec: 12, décembre: 12, decembre: 12, déc: 12,
};

const MONTH_NAME = '([\\p{L}]+)\\.?';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partialIso(year: number, month?: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null;
  if (month === undefined) return String(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

function fromString(raw: string): string | null {
  const value = raw.trim();
  let match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(value);
  if (match) {
    const [, year, month, day] = match;
    return partialIso(Number(year), month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day));
  }
  match = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ,]+\d{1,2}:\d{2}.*)?$/.exec(value);
  if (match) return partialIso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]+\d{1,2}:\d{2}.*)?$/.exec(value);
  if (match) return partialIso(Number(match[3]), Number(match[2]), Number(match[1]));
  match = new RegExp(`(?:^|[\\s,])(\\d{1,2})(?:er)?\\s+${MONTH_NAME}\\s+(\\d{4})\\b`, 'u').exec(value);
  if (match) {
    const month = monthNumber(match[2]);
    if (month !== undefined) return partialIso(Number(match[3]), month, Number(match[1]));
  }
  match = new RegExp(`(?:^|[\\s,])${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'u').exec(value);
  if (match) {
    const month = monthNumber(match[1]);
    if (month !== undefined) return partialIso(Number(match[3]), month, Number(match[2]));
  }
  match = new RegExp(`^${MONTH_NAME}\\s+(\\d{4})$`, 'u').exec(value);
  if (match) {
    const month = monthNumber(match[1]);
    if (month !== undefined) return partialIso(Number(match[2]), month);
  }
  return null;
}

/**
 * Turns a publication date as sources write it into a partial ISO date:
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, keeping only the precision the source
 * gave (an article dated "February 2025" must not claim the 1st).
 *
 * Accepts ISO dates and datetimes (the calendar date is kept as written, not
 * shifted to UTC), `YYYY/MM/DD`, day-first `DD/MM/YYYY` (the European order
 * of French sources), dates with English or French month names
 * ("14 Feb 2025", "February 14, 2025", "14 février 2025", "février 2025"),
 * a bare year as a number, and `Date` objects. Anything else, including
 * impossible dates such as 2025-02-30, gives null.
 */
export function normalisePublished(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : partialIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return partialIso(value);
  if (typeof value === 'string') return fromString(value);
  return null;
}
