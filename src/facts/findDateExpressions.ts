import type { Language } from '../text/language';
import { addDays, type DayRange } from './calendar';
import { DATE_RULES, type DateRule, type ResolveContext, type ResolvedDate } from './dateGrammar';
import { foldForMatching } from '../text/foldForMatching';
import { vocabulariesFor } from '../text/language';
import { VOCABULARIES, dateNamingWords, type DateBound } from '../text/vocabulary';

export type { DateBound } from '../text/vocabulary';

/** A date expression found in a text, with its exact offsets. */
export interface DateMention {
  start: number;
  end: number;
  /** The expression exactly as written (`text.slice(start, end)`), bounding word included ("d'ici la fin de 2024"). */
  text: string;
  bound: DateBound | null;
  rule: DateRule;
  groups: Record<string, string | undefined>;
  /** Where the expression proper starts, after its bounding word. */
  coreStart: number;
}

const BOUNDS = {
  fr: VOCABULARIES.fr.dates.bounds.map(([source, bound]) => [new RegExp(source, 'u'), bound] as const),
  en: VOCABULARIES.en.dates.bounds.map(([source, bound]) => [new RegExp(source, 'u'), bound] as const),
};

/**
 * Words at least one of which every date expression holds (a digit, a month,
 * a day, a season, a unit of time, Christmas): a sentence without any has no
 * date, and the grammar is not run on it. Most sentences of the news have none.
 */
const DATE_WORD = new RegExp(
  `\\d|(?<![\\p{L}])(?:${[VOCABULARIES.fr, VOCABULARIES.en].flatMap(({ dates }) => dateNamingWords(dates)).join('|')})(?![\\p{L}])`,
  'u',
);

/** False when `folded` certainly holds no date expression (see `DATE_WORD`). */
export function mayHoldDate(folded: string): boolean {
  return DATE_WORD.test(folded);
}

function isCapital(char: string | undefined): boolean {
  return char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
}

function capitalsHold(rule: DateRule, match: RegExpExecArray, text: string): boolean {
  for (const group of rule.capitalised ?? []) {
    const at = group === '^' ? match.index : match.indices?.groups?.[group]?.[0];
    if (at !== undefined && !isCapital(text[at])) return false;
  }
  return true;
}

function boundBefore(folded: string, start: number, language: 'fr' | 'en'): { bound: DateBound; start: number } | null {
  const before = folded.slice(Math.max(0, start - 24), start);
  for (const [pattern, bound] of BOUNDS[language]) {
    const match = pattern.exec(before);
    if (match) {
      const word = match[1] ?? match[2] ?? '';
      const wordAt = before.lastIndexOf(word);
      return { bound, start: start - (before.length - wordAt) };
    }
  }
  return null;
}

/**
 * Finds the date expressions of `text` ("fin mai", "d'ici la fin de 2024",
 * "next week", "Q3 2025"...), longest first and without overlaps, in text order.
 * `folded` is `foldForMatching(text)`, when the caller has it.
 */
export function findDateExpressions(text: string, language: Language, folded: string = foldForMatching(text)): DateMention[] {
  if (!mayHoldDate(folded)) return [];
  const candidates: Array<{ start: number; end: number; rule: DateRule; match: RegExpExecArray; language: 'fr' | 'en' }> = [];
  for (const lang of vocabulariesFor(language).map((v) => v.language)) {
    for (const rule of DATE_RULES) {
      if (rule.language !== lang) continue;
      rule.pattern.lastIndex = 0;
      for (const match of folded.matchAll(rule.pattern)) {
        if (match[0].length === 0 || !capitalsHold(rule, match, text)) continue;
        candidates.push({ start: match.index, end: match.index + match[0].length, rule, match, language: lang });
      }
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: typeof candidates = [];
  for (const candidate of candidates) {
    if (taken.some((t) => candidate.start < t.end && t.start < candidate.end)) continue;
    taken.push(candidate);
  }
  taken.sort((a, b) => a.start - b.start);
  return taken.map(({ start, end, rule, match, language: lang }) => {
    const bounded = boundBefore(folded, start, lang);
    const from = bounded && !taken.some((t) => t.end > bounded.start && t.end <= start && t.start < start) ? bounded : null;
    return {
      start: from?.start ?? start,
      end,
      text: text.slice(from?.start ?? start, end),
      bound: from?.bound ?? null,
      rule,
      groups: { ...match.groups },
      coreStart: start,
    };
  });
}

/** Resolves a mention against the article's publication date, applying its bounding word. */
export function resolveMention(mention: DateMention, context: ResolveContext, text: string): ResolvedDate & { open?: 'start' | 'end' } {
  const resolved = mention.rule.resolve(mention.groups, context, text.slice(mention.coreStart, mention.end));
  if (!resolved.range) return resolved;
  const range: DayRange = resolved.range;
  if (mention.bound === 'before') return { ...resolved, range: { start: range.start, end: addDays(range.start, -1) }, open: 'start' };
  if (mention.bound === 'until') return { ...resolved, open: 'start' };
  if (mention.bound === 'after') return { ...resolved, range: { start: addDays(range.end, 1), end: range.end }, open: 'end' };
  return resolved;
}
