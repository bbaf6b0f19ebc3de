import type { Article } from '../articles/article';
import { citeSpan } from '../passages/citation';
import type { Passage, TextSpan } from '../passages/passage';
import { splitSentences } from '../passages/splitSentences';
import { findEntityHints } from './entities';
import { extractDateClaims, namesEventByNoun } from './extractDateClaims';
import { extractPartnerships } from './extractPartnerships';
import type { AliasClaim, ArticleFacts, DateClaim, PartnershipClaim } from './fact';
import { findAliases } from './findAliases';
import { foldForMatching } from '../text/foldForMatching';
import { articleNames, learnNames, type LearnedName } from './learnNames';
import { sentenceNames, type NameKinds } from './sentenceNames';

/** Offsets below it make a span's key one exact number (`start * SPAN_KEY_BASE + end` stays under 2^53). */
const SPAN_KEY_BASE = 2 ** 26;

/** Sentences of the article, trimmed; from the passages' ranges when given, so facts and passages agree. */
function sentencesOf(article: Article, passages?: Passage[]): TextSpan[] {
  const ranges = passages && passages.length > 0 ? passages : [{ start: 0, end: article.text.length }];
  const spans: TextSpan[] = [];
  const seen = new Set<number | string>();
  const numericKeys = article.text.length < SPAN_KEY_BASE;
  for (const range of ranges) {
    for (const sentence of splitSentences(article.text.slice(range.start, range.end), article.language)) {
      const span = { start: range.start + sentence.start, end: range.start + sentence.end };
      const key = numericKeys ? span.start * SPAN_KEY_BASE + span.end : `${span.start}:${span.end}`;
      if (span.end > span.start && !seen.has(key)) {
        seen.add(key);
        spans.push(span);
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
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
 * Extracts, sentence by sentence, the dated claims (subject, event, date as
 * written and resolved, status), the partnerships (parties, nature,
 * direction) and the code names an article states, each cited by the
 * sentence that states it (`snippet === article.text.slice(start, end)`).
 * Code names found in the article ("GPT-4.5, nommé Orion") are applied to
 * the rest of it, so "Orion sortira..." is a claim about GPT-4.5.
 * Precise rather than greedy: a date without an event word or a subject
 * gives nothing. Never throws on odd text; an article with no text gives no facts.
 * Subjects and parties are the names the article uses (`learnNames`), the
 * optional alias table (src/facts/nameAliases.json) only merging spellings;
 * people and places are neither, and a name the article does not type is a
 * subject only right by its event word, a party only with a word of
 * partnership. Sentences with no event word skip the date grammar, so an
 * article costs a few milliseconds.
 */
export function extractFacts(article: Article, passages?: Passage[]): ArticleFacts {
  const facts: ArticleFacts = { articleId: article.id, dates: [], partnerships: [], aliases: [], names: [] };
  if (!article.text.trim()) return facts;
  const folded = foldForMatching(article.text);
  const learned = learnNames(article.text, article.language, folded);
  facts.names = articleNames(learned);
  const hints = findEntityHints(article.text, folded);
  if (learned.length === 0 && hints.length === 0) return facts;
  const kinds: NameKinds = new Map(facts.names.map((n) => [n.name, n.kind]));
  const sentences = sentencesOf(article, passages);
  const learnedIn = learnedBySentence(learned, sentences);

  const namesIn = sentences.map((span, i) =>
    sentenceNames(article.text.slice(span.start, span.end), learnedIn[i], span.start, kinds, new Map(), foldedSlice(article.text, folded, span), containsHint(hints, span)),
  );
  const aliases: AliasClaim[] = [];
  sentences.forEach((span, i) => {
    const found = findAliases(article.text.slice(span.start, span.end), foldedSlice(article.text, folded, span), namesIn[i]);
    for (const alias of found) aliases.push({ ...alias, citation: citeSpan(article, span) });
  });
  facts.aliases = dedupeAliases(aliases);
  const aliasOf = new Map(facts.aliases.map((a) => [a.alias, a.subject]));
  const learnedCanonicals = new Set(facts.names.map((n) => n.name));
  const unlearned = new Map(facts.aliases.filter((a) => !learnedCanonicals.has(a.alias)).map((a) => [foldForMatching(a.alias), a.subject]));

  const unlearnedKeys = [...unlearned.keys()];
  const dates: DateClaim[] = [];
  const partnerships: PartnershipClaim[] = [];
  sentences.forEach((span, i) => {
    const sentence = article.text.slice(span.start, span.end);
    const foldedSentence = unlearnedKeys.length === 0 ? '' : foldedSlice(article.text, folded, span);
    const usesCodeName = unlearnedKeys.some((key) => foldedSentence.includes(key));
    const names = usesCodeName ? sentenceNames(sentence, learnedIn[i], span.start, kinds, unlearned, foldedSentence) : namesIn[i];
    if (names.length === 0) {
      if (namesEventByNoun(foldedSlice(article.text, folded, span), article.language)) dates.push(...extractDateClaims({ article, span, entities: [] }));
      return;
    }
    const entities = names.map((e) => {
      const subject = aliasOf.get(e.canonical);
      return subject ? { ...e, canonical: subject, kind: 'product' as const } : e;
    });
    dates.push(...extractDateClaims({ article, span, entities }));
    partnerships.push(...extractPartnerships({ article, span, entities }));
  });
  facts.dates = dates;
  facts.partnerships = partnerships;
  return facts;
}

/** The learned names inside each sentence (`sentences` sorted by start). */
function learnedBySentence(learned: readonly LearnedName[], sentences: readonly TextSpan[]): LearnedName[][] {
  const bySentence: LearnedName[][] = [];
  let next = 0;
  for (const span of sentences) {
    while (next < learned.length && learned[next].start < span.start) next += 1;
    const inSentence: LearnedName[] = [];
    for (let i = next; i < learned.length && learned[i].end <= span.end; i += 1) inSentence.push(learned[i]);
    bySentence.push(inSentence);
  }
  return bySentence;
}
