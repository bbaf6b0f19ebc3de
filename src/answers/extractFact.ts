import { namesOfSentence } from '../facts/sentenceNames';
import { findAliases } from '../facts/findAliases';
import { foldForMatching } from '../text/foldForMatching';
import type { TextSpan } from '../passages/passage';
import type { FactTarget, SubjectMention } from './analyzeQuestion';

/** The asked-for value found in a sentence, with its offsets in that sentence. */
export interface ExtractedFact extends TextSpan {
  value: string;
  /** True when the article hedges it ("probablement le nom de code…"). */
  hedged?: boolean;
}

const MONEY = new RegExp(
  [
    '(?:US)?\\$\\s?\\d+(?:[.,]\\d+)?(?:\\s?(?:billion|million|trillion|bn|m)\\b)?',
    '€\\s?\\d+(?:[.,]\\d+)?(?:\\s?(?:billion|million|bn|m)\\b)?',
    '\\d+(?:[.,]\\d+)?\\s?(?:billion|million|trillion|milliards?|millions?)\\s(?:de\\s|d[\'’])?(?:dollars|euros|\\$|€)',
    '\\d+(?:[.,\\s\u00a0\u202f]\\d{3})*(?:[.,]\\d+)?\\s?(?:€|euros|dollars)',
  ].join('|'),
  'gu',
);
const NUMBER = /(?<![\p{L}\d.,-])\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+(?![\d])|(?<![\p{L}\d.,-])\d+(?:[.,]\d+)?(?![\p{L}\d]|[.,]\d)/gu;
const PERSON = /\p{Lu}[\p{Ll}'-]+(?:\s(?:de |van |von |le )?\p{Lu}[\p{Ll}'-]+)+/gu;
const TITLE_WORDS = /^(President|Président|Chief|Mr|Mrs|Ms|CEO|PDG|Selon|According|Initially|Initialement|Depuis|Since|Construction|Users|Free|The|Le|La|Les)\s/u;
const MONTH_OR_DAY =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const PLACE = /(?<![\p{L}])(?:in|near|à|au|près de|en)\s(?<place>\p{Lu}[\p{L}-]+(?:,?\s\p{Lu}[\p{L}-]+)?)/gu;

function isYear(text: string): boolean {
  return /^(19|20)\d{2}$/.test(text);
}

function insideAny(start: number, end: number, spans: TextSpan[]): boolean {
  return spans.some((span) => start < span.end && span.start < end);
}

function codeName(sentence: string, subjects: SubjectMention[]): ExtractedFact | null {
  const wanted = new Set(subjects.map((s) => s.canonical));
  for (const alias of findAliases(sentence)) {
    const other = wanted.has(alias.subject) ? alias.alias : wanted.has(alias.alias) ? alias.subject : null;
    if (!other) continue;
    const at = foldForMatching(sentence).indexOf(foldForMatching(other));
    if (at < 0) continue;
    return { value: sentence.slice(at, at + other.length), start: at, end: at + other.length, hedged: alias.hedged };
  }
  return null;
}

function amounts(sentence: string): ExtractedFact | null {
  const found = [...sentence.matchAll(MONEY)].filter((m) => /\d/.test(m[0]));
  if (found.length === 0) return null;
  const first = found[0];
  const last = found[found.length - 1];
  return {
    value: found.map((m) => m[0].trim()).join(', '),
    start: first.index,
    end: last.index + last[0].length,
  };
}

function count(sentence: string, questionTerms: string[]): ExtractedFact | null {
  const entitySpans = namesOfSentence(sentence);
  const money = [...sentence.matchAll(MONEY)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const numbers = [...sentence.matchAll(NUMBER)].filter(
    (m) => !isYear(m[0]) && !insideAny(m.index, m.index + m[0].length, [...entitySpans, ...money]),
  );
  if (numbers.length === 0) return null;
  const folded = foldForMatching(sentence);
  const scored = numbers.map((m) => {
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const near = questionTerms.filter((term) => after.includes(term)).length;
    return { m, near };
  });
  scored.sort((a, b) => b.near - a.near);
  const best = scored[0].m;
  const end = best.index + best[0].length;
  const unit = /^\s(?!of\b|de\b|d'|and\b|et\b|in\b|en\b|to\b|à\b)[\p{L}]{2,}/u.exec(sentence.slice(end));
  const valueEnd = unit ? end + unit[0].length : end;
  return { value: sentence.slice(best.index, valueEnd).trim(), start: best.index, end: valueEnd };
}

function people(sentence: string): ExtractedFact | null {
  const entitySpans = namesOfSentence(sentence);
  const names: Array<{ value: string; start: number; end: number }> = [];
  for (const match of sentence.matchAll(PERSON)) {
    let value = match[0];
    let start = match.index;
    const title = TITLE_WORDS.exec(value);
    if (title) {
      start += title[0].length;
      value = value.slice(title[0].length);
    }
    if (!/\s/.test(value) || MONTH_OR_DAY.test(value)) continue;
    if (insideAny(start, start + value.length, entitySpans)) continue;
    names.push({ value, start, end: start + value.length });
  }
  if (names.length === 0) return null;
  return { value: names.map((n) => n.value).join(', '), start: names[0].start, end: names[names.length - 1].end };
}

function place(sentence: string): ExtractedFact | null {
  const entitySpans = namesOfSentence(sentence);
  for (const match of sentence.matchAll(PLACE)) {
    const value = match.groups?.place ?? '';
    const start = match.index + match[0].length - value.length;
    if (MONTH_OR_DAY.test(value) || insideAny(start, start + value.length, entitySpans)) continue;
    return { value, start, end: start + value.length };
  }
  return null;
}

const KIND_WORDS = /\b(model|models|modele|modeles|chip|chips|puce|puces|assistant|product|produit|processor|processeur)\b/g;

function otherName(sentence: string, subjects: SubjectMention[]): ExtractedFact | null {
  const wanted = new Set(subjects.map((s) => s.canonical));
  const cues = [...foldForMatching(sentence).matchAll(KIND_WORDS)].map((m) => m.index);
  const near = (start: number, end: number) => cues.some((at) => Math.abs(at - start) <= 40 || Math.abs(at - end) <= 40);
  const mention = namesOfSentence(sentence).find((m) => m.kind === 'product' && !wanted.has(m.canonical) && near(m.start, m.end));
  return mention ? { value: mention.canonical, start: mention.start, end: mention.end } : null;
}

/**
 * Pulls the asked-for value out of a supporting sentence: a code name
 * ("GPT-4.5, nommé Orion" → Orion), an amount ("$500 billion"), a count, a
 * person's name, a place, or another product's name. Null when the sentence
 * does not hold one; for `other` there is nothing to pull out.
 */
export function extractFact(
  sentence: string,
  target: FactTarget,
  subjects: SubjectMention[],
  questionTerms: string[] = [],
): ExtractedFact | null {
  switch (target) {
    case 'code-name':
      return codeName(sentence, subjects);
    case 'amount':
      return amounts(sentence);
    case 'count':
      return count(sentence, questionTerms);
    case 'person':
      return people(sentence);
    case 'place':
      return place(sentence);
    case 'name':
      return otherName(sentence, subjects);
    case 'other':
      return null;
  }
}
