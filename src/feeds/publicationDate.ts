import { normalisePublished } from '../articles/normalisePublished';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RFC_822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4}|[A-Z]{1,4})?$/;

function pad(value: number | string): string {
  return String(value).padStart(2, '0');
}

function offset(zone: string | undefined): string | null {
  if (zone === undefined) return null;
  if (/^(?:z|ut|utc|gmt)$/i.test(zone)) return 'Z';
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  return match ? `${match[1]}${match[2]}:${match[3] ?? '00'}` : null;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A publication date as feeds and pages write it, as an ISO 8601 date-time
 * with the source's own offset (`2025-02-14T09:30:00+01:00`: the calendar day
 * stays the one the outlet printed), or an ISO date (`2025-02-14`, `2025-02`)
 * when the source gives no time. Reads ISO 8601, RFC 822 (RSS `pubDate`) and
 * the French and English forms `normalisePublished` knows; null otherwise.
 */
export function publicationDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let match = ISO.exec(value);
  if (match) {
    const [, year, month, day, hours, minutes, seconds, zone] = match;
    if (!validDay(Number(year), Number(month), Number(day))) return null;
    if (hours === undefined) return `${year}-${month}-${day}`;
    const tz = offset(zone);
    return `${year}-${month}-${day}T${hours}:${minutes}:${seconds ?? '00'}${tz ?? ''}`;
  }
  match = RFC_822.exec(value);
  if (match) {
    const [, day, monthName, yearText, hours, minutes, seconds, zone] = match;
    const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    if (month > 0 && validDay(year, month, Number(day))) {
      const tz = offset(zone);
      if (tz !== null || zone === undefined) return `${year}-${pad(month)}-${pad(day)}T${pad(hours)}:${minutes}:${seconds ?? '00'}${tz ?? ''}`;
      const parsed = Date.parse(value);
      if (!Number.isNaN(parsed)) return new Date(parsed).toISOString().replace('.000Z', 'Z');
    }
  }
  return normalisePublished(value);
}

/** The instant of a publication date, for ordering (a date alone counts as its midnight UTC); null when unknown. */
export function publicationInstant(date: string | null): number | null {
  if (date === null) return null;
  const time = Date.parse(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
  return Number.isNaN(time) ? null : time;
}
