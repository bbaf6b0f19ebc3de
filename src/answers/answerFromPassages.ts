import type { Article } from '../articles/article';
import { citeSpan, type Citation } from '../passages/citation';
import type { TextSpan } from '../passages/passage';
import { splitSentences } from '../passages/splitSentences';
import type { SearchHit } from '../retrieval/searchHit';
import { termOf } from '../text/analyzeTerms';
import { expandWithLexicon, isConcept } from '../text/expandWithLexicon';
import { foldForMatching } from '../text/foldForMatching';
import { resolveDateExpression } from '../facts/resolveDateExpression';
import type { Token } from '../text/tokenize';
import { VOCABULARIES, type AnswerType } from '../text/vocabulary';
import { findAnswerCandidates, readTokens, type AnswerCandidate, type ReadToken } from './answerCandidates';
import { articleNamesFocus } from './namesFocus';
import type { QuestionReading } from './readQuestion';

/** A sentence of a retrieved passage, read against the question. */
export interface ReadSentence {
  article: Article;
  rank: number;
  span: TextSpan;
  text: string;
  tokens: ReadToken[];
  /** Share of the question's term weight the sentence holds (0 to 1). */
  coverage: number;
  /** Coverage with the sentence before it counted in part (a subject named just before). */
  context: number;
  /** The sentence before, when this one names none of the question's names and leans on it for them. */
  leansOn: TextSpan | null;
}

/** The best typed answer found in the passages, with what supports it. */
export interface PassageAnswer {
  value: string;
  type: AnswerType;
  /** 0 to 1: how sure the reader is. */
  confidence: number;
  sentence: ReadSentence;
  candidate: AnswerCandidate;
  /** Other articles' sentences that give the same value. */
  agreeing: ReadSentence[];
}

/** Why reading the passages gave no answer. */
export type PassageMiss = { reason: 'focus-absent' } | { reason: 'not-stated'; best: ReadSentence | null };

const SENTENCE_LIMIT = 4096;
const sentenceCache = new Map<string, { previous: TextSpan | null; sentences: TextSpan[] }>();

/** How far before a passage to look for the sentence it follows. */
const LOOK_BACK = 400;

/**
 * The sentences of one passage, in article offsets, and the sentence just
 * before it (which may name the subject the passage's first sentence leans on).
 */
function sentencesOf(article: Article, passage: TextSpan, id: string): { previous: TextSpan | null; sentences: TextSpan[] } {
  let cached = sentenceCache.get(id);
  if (!cached) {
    const from = Math.max(0, passage.start - LOOK_BACK);
    const spans = splitSentences(article.text.slice(from, passage.end), article.language).map((s) => ({ start: from + s.start, end: from + s.end }));
    const sentences = spans.filter((s) => s.end > passage.start);
    const before = spans.filter((s) => s.end <= passage.start);
    cached = { previous: before.length > 0 && from + LOOK_BACK > before[before.length - 1].start ? before[before.length - 1] : null, sentences };
    if (sentenceCache.size >= SENTENCE_LIMIT) sentenceCache.delete(sentenceCache.keys().next().value!);
    sentenceCache.set(id, cached);
  }
  return cached;
}

const STEM_PREFIX = 5;

function termsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < STEM_PREFIX || b.length < STEM_PREFIX) return false;
  return a.startsWith(b) || b.startsWith(a);
}

interface TermIndex {
  exact: Map<string, number>;
  list: Array<{ term: string; index: number }>;
}

function termIndex(reading: QuestionReading): TermIndex {
  const exact = new Map<string, number>();
  const list: TermIndex['list'] = [];
  reading.terms.forEach((t, index) => {
    for (const term of [t.term, t.otherTerm]) {
      if (!term) continue;
      exact.set(term, index);
      list.push({ term, index });
    }
  });
  return { exact, list };
}

function matchTerm(index: TermIndex, term: string): number {
  const exact = index.exact.get(term);
  if (exact !== undefined) return exact;
  for (const entry of index.list) if (termsMatch(entry.term, term)) return entry.index;
  return -1;
}

/** Tie words of both languages ("rely on", « s'appuie sur »): a question about a tie meets a sentence stating one, in either language. */
const TIES = (['fr', 'en'] as const).map((l) => new RegExp(`(?<![\\p{L}\\d])(?:${VOCABULARIES[l].tieWords})(?![\\p{L}\\d])`, 'u'));

/** The share of the question's name weight a sentence holds. */
function nameShareOf(reading: QuestionReading, index: TermIndex, nameWeight: number, text: string, reader: 'fr' | 'en'): number {
  const matched = new Set<number>();
  readTokens(text, reader, (token) => {
    const hit = matchTerm(index, termOf(token, reader));
    if (hit >= 0 && reading.terms[hit].name) matched.add(hit);
    return null;
  });
  let weight = 0;
  for (const i of matched) weight += reading.terms[i].weight;
  return weight / nameWeight;
}

/** Reads the sentences of the hits' passages whose article names the question's focus. */
export function readPassageSentences(reading: QuestionReading, hits: SearchHit[]): { sentences: ReadSentence[]; gated: number } {
  const index = termIndex(reading);
  const asksTie = TIES.some((pattern) => pattern.test(foldForMatching(reading.question)));
  const nameWeight = reading.terms.filter((t) => t.name).reduce((sum, t) => sum + t.weight, 0);
  const wordWeight = reading.terms.filter((t) => !t.name).reduce((sum, t) => sum + t.weight, 0) + (asksTie ? 1 : 0);
  const sentences: ReadSentence[] = [];
  const seen = new Set<string>();
  let gated = 0;
  hits.forEach(({ article, passage }, rank) => {
    if (!articleNamesFocus(article, reading)) {
      gated += 1;
      return;
    }
    const language = article.language;
    const reader = language === 'fr' || language === 'en' ? language : reading.language;
    const crossLanguage = reader !== reading.language;
    const contentWeight = wordWeight + (crossLanguage ? reading.concepts.length * 0.5 : 0);
    const nameMix = crossLanguage ? 0.6 : 0.3;
    const { previous, sentences: spans } = sentencesOf(article, passage, passage.id);
    let previousNames = 0;
    let previousSpan: TextSpan | null = null;
    if (previous && nameWeight > 0) {
      previousSpan = previous;
      previousNames = nameShareOf(reading, index, nameWeight, article.text.slice(previous.start, previous.end), reader);
    }
    for (const span of spans) {
      const key = `${article.id}:${span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const text = article.text.slice(span.start, span.end);
      const matched = new Set<number>();
      const terms: string[] = [];
      const asked = (token: Token): 'name' | 'content' | null => {
        const term = termOf(token, reader);
        terms.push(term);
        const hit = matchTerm(index, term);
        if (hit < 0) return null;
        matched.add(hit);
        return reading.terms[hit].name ? 'name' : 'content';
      };
      const tokens = readTokens(text, language, asked);
      let names = 0;
      let content = 0;
      for (const i of matched) {
        if (reading.terms[i].name) names += reading.terms[i].weight;
        else content += reading.terms[i].weight;
      }
      if (reading.concepts.length > 0 && crossLanguage) {
        const concepts = new Set(expandWithLexicon(terms, reader).filter(isConcept));
        for (const concept of reading.concepts) if (concepts.has(concept)) content += 0.5;
      }
      const folded = foldForMatching(text);
      if (asksTie && TIES.some((pattern) => pattern.test(folded))) content += 1;
      const yearBonus = reading.years.length > 0 && reading.years.every((y) => folded.includes(y)) ? 0.15 : 0;
      const nameShare = nameWeight > 0 ? names / nameWeight : 0;
      const contextShare = nameWeight > 0 ? Math.max(nameShare, 0.8 * previousNames) : 0;
      const mix = (nameCoverage: number) =>
        contentWeight > 0 ? (nameWeight > 0 ? nameMix * nameCoverage : 0) + (nameWeight > 0 ? 1 - nameMix : 1) * (content / contentWeight) : nameCoverage;
      const coverage = Math.min(1, mix(nameShare) + yearBonus);
      const context = Math.min(1, mix(contextShare) + yearBonus);
      const leansOn = nameWeight > 0 && nameShare === 0 && previousNames > 0 && previousSpan ? previousSpan : null;
      sentences.push({ article, rank, span, text, tokens, coverage, context, leansOn });
      previousNames = nameShare;
      previousSpan = span;
    }
  });
  return { sentences, gated };
}

const COMPATIBLE: Partial<Record<AnswerType, Partial<Record<AnswerType, number>>>> = {
  person: { organisation: 0.6, name: 0.5, place: 0.2, other: -0.4 },
  organisation: { person: 0.3, name: 0.6, place: 0.4, other: -0.4 },
  place: { name: 0.4, organisation: 0.2, other: -0.2 },
  product: { name: 0.4, organisation: 0.1, other: -0.3 },
  name: { person: 0.8, organisation: 0.8, place: 0.6, product: 0.8, other: 0.1 },
  date: { other: -1.2 },
  count: { amount: 0.7, other: -1.2 },
  amount: { count: 0.2, other: -1.2 },
  reason: { other: -0.3 },
  manner: { other: 0.3 },
  other: { other: 0.3, name: 0.3, person: 0.2, organisation: 0.2, place: 0.2, product: 0.2, date: -0.2, count: 0.35, amount: 0.35 },
};

function typeFit(expected: AnswerType, found: AnswerType): number {
  if (expected === found) return 1;
  return COMPATIBLE[expected]?.[found] ?? -0.6;
}

function proximity(tokens: ReadToken[], candidate: AnswerCandidate): number {
  let best = Infinity;
  const content = tokens.some((t) => t.asked && !t.askedName);
  tokens.forEach((token, i) => {
    if (!token.asked || (content && token.askedName)) return;
    const d = i < candidate.first ? candidate.first - i - 1 : i > candidate.last ? i - candidate.last - 1 : Infinity;
    if (d < best) best = d;
  });
  return best === Infinity ? 0 : 1 / (1 + best / 2);
}

/** "Nvidia's chips", "les puces de Nvidia": a name bound to the asked noun owns or makes it. */
function boundToAskedNoun(sentence: ReadSentence, candidate: AnswerCandidate): number {
  const tokens = sentence.tokens;
  const after = sentence.text.slice(candidate.end, candidate.end + 3);
  if (/^['’]s\b/u.test(after)) {
    for (let i = candidate.last + 1; i <= candidate.last + 3 && i < tokens.length; i += 1) if (tokens[i].asked && !tokens[i].askedName) return 0.5;
  }
  const before = tokens[candidate.first - 1];
  const noun = tokens[candidate.first - 2];
  if (before && /^(?:de|du|des|d'|of)$/u.test(before.folded) && noun?.asked && !noun.askedName) return 0.3;
  return 0;
}

/** Questions whose answer may be the owner or maker of the asked thing ("Nvidia's chips"). */
const OWNER_TYPES = new Set<AnswerType>(['organisation', 'person', 'name']);

/**
 * A phrase that opens a sentence leaning on the one before ("The model was
 * trained on…", « Le groupe a… ») stands for the question's subject: it is
 * not what the question asks.
 */
function anaphoraPenalty(sentence: ReadSentence, candidate: AnswerCandidate): number {
  if (!sentence.leansOn || candidate.type !== 'other') return 0;
  const firstWord = sentence.tokens.findIndex((t) => !t.stop);
  return candidate.first <= firstWord ? 0.6 : 0;
}

function restatesQuestion(candidate: AnswerCandidate, sentence: ReadSentence, reading: QuestionReading): boolean {
  const words = sentence.tokens.slice(candidate.first, candidate.last + 1).filter((t) => !t.stop);
  if (words.length === 0) return true;
  const asked = words.filter((t) => t.asked || reading.words.has(t.folded));
  return asked.length === words.length;
}

function askedShare(candidate: AnswerCandidate, sentence: ReadSentence, reading: QuestionReading): number {
  const words = sentence.tokens.slice(candidate.first, candidate.last + 1).filter((t) => !t.stop);
  if (words.length === 0) return 1;
  return words.filter((t) => t.asked || reading.words.has(t.folded)).length / words.length;
}

function foldedValue(value: string): string {
  return foldForMatching(value).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A scored answer candidate. */
interface Scored {
  sentence: ReadSentence;
  candidate: AnswerCandidate;
  score: number;
  fit: number;
}

/**
 * A date against the question's tense, resolved from its article's date: a
 * question about what will happen is not answered by a date already past
 * when the article was written ("Depuis décembre…" for "Quand sera-t-elle
 * disponible ?"), nor a question about the past by a date still to come.
 */
function tenseFit(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate): number {
  if (reading.expected !== 'date' || candidate.type !== 'date' || !sentence.article.published) return 0;
  const before = sentence.text.slice(Math.max(0, candidate.start - 12), candidate.start);
  if (!reading.past && /(?:depuis|since)\s*$/iu.test(before)) return -0.8;
  const resolved = resolveDateExpression(candidate.value, sentence.article.published, sentence.article.language, { past: reading.past });
  const published = sentence.article.published;
  if (!reading.past && resolved.end && resolved.end < published) return -0.8;
  if (reading.past && resolved.start && resolved.start > published.padEnd(10, '-31')) return -0.5;
  return 0;
}

function scoreCandidate(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate): Scored | null {
  if (restatesQuestion(candidate, sentence, reading)) return null;
  const fit = typeFit(reading.expected, candidate.type) + tenseFit(reading, sentence, candidate);
  const words = candidate.last - candidate.first + 1;
  const lengthPenalty = candidate.type === 'other' ? Math.max(0, words - 4) * 0.06 : candidate.type === 'reason' ? Math.max(0, words - 10) * 0.03 : 0;
  const score =
    2 * sentence.context +
    fit +
    0.8 * proximity(sentence.tokens, candidate) +
    (OWNER_TYPES.has(reading.expected) && candidate.type !== 'other' ? boundToAskedNoun(sentence, candidate) : 0) -
    anaphoraPenalty(sentence, candidate) -
    0.8 * askedShare(candidate, sentence, reading) -
    0.04 * sentence.rank -
    lengthPenalty;
  return { sentence, candidate, score, fit };
}

/** Sentences read per question, best covered first. */
const SENTENCES_SCORED = 8;
/** A sentence must hold at least this share of the question's terms to be read for an answer. */
const MIN_COVERAGE = 0.25;

/** From a candidate's score to a confidence between 0 and 1. */
function confidenceOf(score: number, fit: number, agreeing: number): number {
  const raw = (score - 1.2) / 2 + 0.1 * agreeing + (fit >= 1 ? 0.05 : 0);
  return Math.max(0, Math.min(1, Math.round(raw * 100) / 100));
}

/**
 * Finds the short answer to a question in the retrieved passages: reads the
 * sentences of every passage whose article names the question's focus,
 * keeps the ones that cover the question best, takes from them the
 * candidates of the expected type (a date, an amount, a name...) and scores
 * each by its sentence's coverage, its type, how near it sits to the
 * question's words and how many articles agree. A candidate that only
 * restates the question is no answer, nor is a sentence that gives orders.
 */
export function answerFromPassages(reading: QuestionReading, hits: SearchHit[]): PassageAnswer | PassageMiss {
  const { sentences, gated } = readPassageSentences(reading, hits);
  if (sentences.length === 0) return gated > 0 ? { reason: 'focus-absent' } : { reason: 'not-stated', best: null };
  const ranked = [...sentences].sort((a, b) => b.context - a.context || a.rank - b.rank).slice(0, SENTENCES_SCORED);
  const instructions = [VOCABULARIES.fr.instructions, VOCABULARIES.en.instructions];
  const scored: Scored[] = [];
  for (const sentence of ranked) {
    if (sentence.context < MIN_COVERAGE) continue;
    const folded = foldForMatching(sentence.text);
    if (instructions.some((pattern) => pattern.test(folded))) continue;
    if (reading.naming && !VOCABULARIES.fr.namingCues.test(folded) && !VOCABULARIES.en.namingCues.test(folded)) continue;
    for (const candidate of findAnswerCandidates(sentence.text, sentence.tokens, sentence.article.language, reading.expected)) {
      const result = scoreCandidate(reading, sentence, candidate);
      if (result) scored.push(result);
    }
  }
  if (scored.length === 0) return { reason: 'not-stated', best: ranked[0] ?? null };
  const byValue = new Map<string, Scored[]>();
  for (const s of scored) {
    const key = foldedValue(s.candidate.value);
    byValue.set(key, [...(byValue.get(key) ?? []), s]);
  }
  for (const group of byValue.values()) {
    const articles = new Set(group.map((g) => g.sentence.article.id)).size;
    for (const s of group) s.score += 0.25 * Math.min(2, articles - 1);
  }
  scored.sort((a, b) => b.score - a.score || a.sentence.rank - b.sentence.rank || a.candidate.start - b.candidate.start);
  const best = scored[0];
  const group = byValue.get(foldedValue(best.candidate.value)) ?? [best];
  const agreeing: ReadSentence[] = [];
  for (const other of group) {
    if (other.sentence.article.id === best.sentence.article.id || agreeing.some((s) => s.article.id === other.sentence.article.id)) continue;
    agreeing.push(other.sentence);
  }
  return {
    value: best.candidate.value.trim(),
    type: best.candidate.type,
    confidence: confidenceOf(best.score, best.fit, agreeing.length),
    sentence: best.sentence,
    candidate: best.candidate,
    agreeing: agreeing.slice(0, 2),
  };
}

/** The citation of a read sentence: the sentence itself, verbatim. */
export function citeSentence(sentence: ReadSentence): Citation {
  return citeSpan(sentence.article, sentence.span);
}
