import * as en from 'chrono-node/en';
import * as fr from 'chrono-node/fr';
import type { Language } from '../text/language';
import { isoDay, monthRange, publicationInterval, utcDay, type DayRange } from './calendar';
import type { ResolveContext } from './dateGrammar';
import { clauseTense } from './claimCues';
import { findDateExpressions, resolveMention } from './findDateExpressions';

/** A date expression's resolved range: ISO days, null where it cannot be resolved honestly. */
export interface ResolvedDateExpression {
  start: string | null;
  end: string | null;
  /**
   * True when the value counts from the publication date ("dans quelques
   * semaines", "next week", "l'année dernière"): it is tied to the article's date.
   */
  relative: boolean;
}

/** Options for `resolveDateExpression`. */
export interface ResolveDateOptions {
  /** The claim is in the past tense: a month, a season or a weekday without a year is the last one, not the next. */
  past?: boolean;
  /**
   * The sentence the expression comes from: without `past`, the tense of its
   * clause decides ("Apple a reconnu vendredi": the Friday before the
   * article; "Apple présentera vendredi": the one after), not the question's.
   */
  sentence?: string;
  /** The tense to assume when neither `past` nor the sentence's clause tells (a question about the past, say). */
  assumePast?: boolean;
  /** Where the expression starts in `sentence` (its first occurrence when not given). */
  at?: number;
  /** A first plan ("initialement prévu le 5 avril"): a date without a year is the one nearest the article's date, either side. */
  nearest?: boolean;
}

function tenseOfSentence(expression: string, language: Language, options: ResolveDateOptions): boolean | null {
  if (options.sentence === undefined) return null;
  const tense = clauseTense(options.sentence, options.at ?? Math.max(0, options.sentence.indexOf(expression)), language);
  return tense === null ? null : tense === 'past';
}

/**
 * The expression as its sentence holds it, at `at`: read there, a month
 * keeps the word before it that makes it a date (« présentée en juillet »,
 * "unveiled in July"), which the expression alone has lost.
 */
function writtenInSentence(expression: string, language: Language, { sentence, at }: ResolveDateOptions) {
  if (sentence === undefined || at === undefined) return undefined;
  const end = at + expression.length;
  return findDateExpressions(sentence, language).find((m) => m.end === end && (m.start === at || m.coreStart === at));
}

const NOTHING: ResolvedDateExpression = { start: null, end: null, relative: false };

function toIso(range: DayRange | null, relative: boolean, open?: 'start' | 'end'): ResolvedDateExpression {
  if (!range) return { start: null, end: null, relative };
  return {
    start: open === 'start' ? null : isoDay(range.start),
    end: open === 'end' ? null : isoDay(range.end),
    relative,
  };
}

function chronoFallback(expression: string, context: ResolveContext, language: Language): ResolvedDateExpression {
  const parsers = language === 'fr' ? [fr] : language === 'en' ? [en] : [fr, en];
  const publication = context.publication;
  const reference = publication ? new Date(publication.start.getTime() + 12 * 3_600_000) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const parser of parsers) {
    const result = parser.parse(expression, { instant: reference, timezone: 0 }, { forwardDate: !context.past })[0];
    if (!result || !/\p{L}/u.test(result.text) || result.text.length < 4) continue;
    const start = result.start;
    const absolute = start.isCertain('year');
    const relative = !absolute;
    if (relative && (!publication || publication.precision !== 'day')) return { start: null, end: null, relative: true };
    const date = start.date();
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    if (start.isCertain('day') || relative) {
      const day = utcDay(year, month, date.getUTCDate());
      return toIso({ start: day, end: day }, relative);
    }
    if (start.isCertain('month')) return toIso(monthRange(year, month), relative);
  }
  return NOTHING;
}

/**
 * Resolves a date expression as an article writes it ("fin mai", "début de
 * 2025", "d'ici la fin de 2024", "dans quelques semaines", "next week",
 * "Q3 2025", "à Noël l'année dernière"...) against the article's publication
 * date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), to an inclusive range of ISO days.
 *
 * Months, seasons and quarters named without a year are the next occurrence
 * from the publication date (news looks ahead), the last one with
 * `{ past: true }`. Expressions that count from the publication date stay
 * unresolved (nulls, `relative: true`) when that date is unknown; absolute
 * ones ("mars 2025", "Q3 2025") resolve anyway. What the grammar does not
 * know goes to chrono-node (`chrono.fr` / `chrono.en`); what neither knows
 * gives nulls, never a guess.
 */
export function resolveDateExpression(
  expression: string,
  published: string | null,
  language: Language,
  options: ResolveDateOptions = {},
): ResolvedDateExpression {
  const past = options.past ?? tenseOfSentence(expression, language, options) ?? options.assumePast ?? false;
  const context: ResolveContext = { publication: publicationInterval(published), past, nearest: options.nearest ?? false };
  const written = writtenInSentence(expression, language, options);
  if (written) {
    const resolved = resolveMention(written, context, options.sentence!);
    return toIso(resolved.range, resolved.relative, resolved.open);
  }
  const mentions = findDateExpressions(expression, language);
  const longest = mentions.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (longest) {
    const resolved = resolveMention(longest, context, expression);
    return toIso(resolved.range, resolved.relative, resolved.open);
  }
  return chronoFallback(expression, context, language);
}
