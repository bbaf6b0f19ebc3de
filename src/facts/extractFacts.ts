import type { Article } from '../articles/article';
import { citeSpan } from '../passages/citation';
import type { Passage, TextSpan } from '../passages/passage';
import { splitSentences } from '../passages/splitSentences';
import { findEntities, findEntityHints, type EntityMention } from './entities';
import { extractDateClaims } from './extractDateClaims';
import { extractPartnerships } from './extractPartnerships';
import type { AliasClaim, ArticleFacts, DateClaim, PartnershipClaim } from './fact';
import { findAliases } from './findAliases';
import { foldForMatching } from '../text/foldForMatching';
import type { NameKind } from '../text/vocabulary';
import { articleNames, learnNames, type LearnedName } from './learnNames';

/** Sentences of the article, trimmed; from the passages' ranges when given, so facts and passages agree. */
function sentencesOf(article: Article, passages?: Passage[]): TextSpan[] {
  const ranges = passages && passages.length > 0 ? passages : [{ start: 0, end: article.text.length }];
  const spans: TextSpan[] = [];
  const seen = new Set<string>();
  for (const range of ranges) {
    for (const sentence of splitSentences(article.text.slice(range.start, range.end), article.language)) {
      const span = { start: range.start + sentence.start, end: range.start + sentence.end };
      const key = `${span.start}:${span.end}`;
      if (span.end > span.start && !seen.has(key)) {
        seen.add(key);
        spans.push(span);
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function productCounts(article: Article, folded: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mention of findEntities(article.text, new Map(), folded)) {
    if (mention.kind === 'product') counts.set(mention.canonical, (counts.get(mention.canonical) ?? 0) + 1);
  }
  return counts;
}

/** Whether a hint (sorted offsets) falls inside `span`. */
function containsHint(hints: number[], span: TextSpan): boolean {
  let low = 0;
  let high = hints.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (hints[middle] < span.start) low = middle + 1;
    else high = middle;
  }
  return low < hints.length && hints[low] < span.end;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `foldForMatching` of a span, cut from the folded article unless the span splits a surrogate pair. */
function foldedSlice(text: string, folded: string, span: TextSpan): string {
  const splitsPair = isLowSurrogate(text.charCodeAt(span.start)) || isLowSurrogate(text.charCodeAt(span.end));
  return splitsPair ? foldForMatching(text.slice(span.start, span.end)) : folded.slice(span.start, span.end);
}

function dedupeAliases(aliases: AliasClaim[]): AliasClaim[] {
  const seen = new Set<string>();
  return aliases.filter((a) => {
    const key = `${a.alias}→${a.subject}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The names a sentence uses, for the claim extractors: the spellings of the
 * alias table first, then the names learned from the article (organisations
 * as parties; products, events and other names as dated subjects; people
 * and places are neither).
 */
function withLearnedNames(known: EntityMention[], learned: LearnedName[], offset: number, kinds: ReadonlyMap<string, NameKind>): EntityMention[] {
  const found = [...known];
  for (const name of learned) {
    const start = name.start - offset;
    const end = name.end - offset;
    if (found.some((k) => start < k.end && k.start < end)) continue;
    const kind = kinds.get(name.canonical) ?? name.kind;
    if (kind !== 'organisation' && kind !== 'product') continue;
    const company = kind === 'organisation';
    found.push({ start, end, text: name.text, canonical: name.canonical, kind: company ? 'company' : 'product', company: company ? name.canonical : null });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Extracts, sentence by sentence, the dated claims (subject, event, date as
 * written and resolved, status), the partnerships (parties, nature,
 * direction) and the code names an article states, each cited by the
 * sentence that states it (`snippet === article.text.slice(start, end)`).
 * Code names found in the article ("GPT-4.5, nommé Orion") are applied to
 * the rest of it, so "Orion sortira..." is a claim about GPT-4.5.
 * Precise rather than greedy: a date without an event word or a subject
 * gives nothing. Never throws on odd text; an article with no text gives no facts.
 * Every fact needs a named product or organisation, so an article or
 * sentence that names none is passed over after one cheap test: most
 * general news costs a few microseconds.
 */
export function extractFacts(article: Article, passages?: Passage[]): ArticleFacts {
  const facts: ArticleFacts = { articleId: article.id, dates: [], partnerships: [], aliases: [], names: [] };
  if (!article.text.trim()) return facts;
  const folded = foldForMatching(article.text);
  const learned = learnNames(article.text, article.language, folded);
  facts.names = articleNames(learned);
  const hints = findEntityHints(article.text, folded);
  if (hints.length === 0 && learned.length === 0) return facts;
  const kinds = new Map(facts.names.map((n) => [n.name, n.kind]));
  const sentences = sentencesOf(article, passages);
  const naming = sentences.filter((span) => containsHint(hints, span));
  let counts: Map<string, number> | undefined;
  const countsOnce = () => (counts ??= productCounts(article, folded));

  const aliases: AliasClaim[] = [];
  for (const span of naming) {
    for (const alias of findAliases(article.text.slice(span.start, span.end), countsOnce, foldedSlice(article.text, folded, span))) {
      aliases.push({ ...alias, citation: citeSpan(article, span) });
    }
  }
  facts.aliases = dedupeAliases(aliases);
  const aliasOf = new Map(facts.aliases.map((a) => [a.alias, a.subject]));
  const unknownNames = new Map(facts.aliases.filter((a) => !countsOnce().has(a.alias)).map((a) => [a.alias.toLowerCase(), a.subject]));

  const dates: DateClaim[] = [];
  const partnerships: PartnershipClaim[] = [];
  let next = 0;
  for (const span of sentences) {
    const sentence = article.text.slice(span.start, span.end);
    const known: EntityMention[] = findEntities(sentence, unknownNames, foldedSlice(article.text, folded, span)).map((e) => {
      const subject = aliasOf.get(e.canonical);
      return subject ? { ...e, canonical: subject } : e;
    });
    while (next < learned.length && learned[next].start < span.start) next += 1;
    const inSentence: LearnedName[] = [];
    for (let i = next; i < learned.length && learned[i].end <= span.end; i += 1) inSentence.push(learned[i]);
    const entities = withLearnedNames(known, inSentence, span.start, kinds);
    if (entities.length === 0) continue;
    dates.push(...extractDateClaims({ article, span, entities }));
    partnerships.push(...extractPartnerships({ article, span, entities }));
  }
  facts.dates = dates;
  facts.partnerships = partnerships;
  return facts;
}
