import type { Article } from '../articles/article';
import { citeSpan } from '../answers/citation';
import type { Passage, TextSpan } from '../passages/passage';
import { splitSentences } from '../passages/splitSentences';
import { findEntities, type EntityMention } from './entities';
import { extractDateClaims } from './extractDateClaims';
import { extractPartnerships } from './extractPartnerships';
import type { AliasClaim, ArticleFacts, DateClaim, PartnershipClaim } from './fact';
import { findAliases } from './findAliases';

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

function productCounts(article: Article): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mention of findEntities(article.text)) {
    if (mention.kind === 'product') counts.set(mention.canonical, (counts.get(mention.canonical) ?? 0) + 1);
  }
  return counts;
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
 * Extracts, sentence by sentence, the dated claims (subject, event, date as
 * written and resolved, status), the partnerships (parties, nature,
 * direction) and the code names an article states, each cited by the
 * sentence that states it (`snippet === article.text.slice(start, end)`).
 * Code names found in the article ("GPT-4.5, nommé Orion") are applied to
 * the rest of it, so "Orion sortira..." is a claim about GPT-4.5.
 * Precise rather than greedy: a date without an event word or a subject
 * gives nothing. Never throws on odd text; an article with no text gives no facts.
 */
export function extractFacts(article: Article, passages?: Passage[]): ArticleFacts {
  const facts: ArticleFacts = { articleId: article.id, dates: [], partnerships: [], aliases: [] };
  if (!article.text.trim()) return facts;
  const sentences = sentencesOf(article, passages);
  const counts = productCounts(article);

  const aliases: AliasClaim[] = [];
  for (const span of sentences) {
    for (const alias of findAliases(article.text.slice(span.start, span.end), counts)) {
      aliases.push({ ...alias, citation: citeSpan(article, span) });
    }
  }
  facts.aliases = dedupeAliases(aliases);
  const aliasOf = new Map(facts.aliases.map((a) => [a.alias, a.subject]));
  const unknownNames = new Map(facts.aliases.filter((a) => !counts.has(a.alias)).map((a) => [a.alias.toLowerCase(), a.subject]));

  const dates: DateClaim[] = [];
  const partnerships: PartnershipClaim[] = [];
  for (const span of sentences) {
    const sentence = article.text.slice(span.start, span.end);
    const entities: EntityMention[] = findEntities(sentence, unknownNames).map((e) => {
      const subject = aliasOf.get(e.canonical);
      return subject ? { ...e, canonical: subject } : e;
    });
    dates.push(...extractDateClaims({ article, span, entities }));
    partnerships.push(...extractPartnerships({ article, span, entities }));
  }
  facts.dates = dates;
  facts.partnerships = partnerships;
  return facts;
}
