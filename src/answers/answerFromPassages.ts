import type { Article } from '../articles/article';
import type { Language } from '../text/language';
import type { TextSpan } from '../passages/passage';
import { splitSentences } from '../passages/splitSentences';
import type { SearchHit } from '../retrieval/searchHit';
import { termOf } from '../text/analyzeTerms';
import { isKnownPlace } from '../text/placeNames';
import { expandWithLexicon, isConcept } from '../text/expandWithLexicon';
import { foldForMatching } from '../text/foldForMatching';
import { resolveDateExpression, type ResolveDateOptions, type ResolvedDateExpression } from '../facts/resolveDateExpression';
import { dateOfStatement, dateScope, inDateScope, scopeUndoes } from '../facts/dateScope';
import { describeRange } from './describeDate';
import { typeOfNoun, VOCABULARIES, type AnswerType, type NameKind } from '../text/vocabulary';
import { namesAnotherOrdinal } from '../text/numberShapes';
import { findAnswerCandidates, OPEN_TYPES, readTokens, type AnswerCandidate, type ReadToken } from './answerCandidates';
import { namesTime } from './readQuestion';
import { articleFit } from './articleFit';
import { articleHoldsTopic, articleNamesFocus, foldedArticle, namesFocusName } from './namesFocus';
import type { QuestionReading } from './readQuestion';

/** A sentence of a retrieved passage, read against the question. */
export interface ReadSentence {
  article: Article;
  rank: number;
  span: TextSpan;
  text: string;
  /** The text folded for matching (`foldForMatching`). */
  folded: string;
  tokens: ReadToken[];
  /** Share of the question's term weight the sentence holds (0 to 1). */
  coverage: number;
  /** Coverage with the sentence before it counted in part (a subject named just before). */
  context: number;
  /**
   * How much of what the question asks about (its words other than names,
   * weighed by rarity) the sentence holds, the sentence before it and the
   * title counted in part; 1 when the question has no such word. An answer
   * needs enough of it: a sentence that only shares the question's names
   * is about something else.
   */
  evidence: number;
  /** Whether every name of the question is in the sentence, the one before it or the article's title. */
  namesNear: boolean;
  /** The sentence before, when this one names none of the question's names and leans on it for them. */
  leansOn: TextSpan | null;
  /**
   * Names of the same kind as the question's focus that the sentence gives
   * instead of it, as spans of `text` (another person, for a question about
   * a person; another place, for a figure asked about a place): what the
   * sentence says is about them, so only they may answer.
   */
  rivals: TextSpan[];
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
  /** The candidate's score, and how far it is ahead of the best candidate with another value. */
  score: number;
  margin: number;
}

/** Why reading the passages gave no answer. */
export type PassageMiss = { reason: 'focus-absent' } | { reason: 'not-stated'; best: ReadSentence | null };

/** Options of {@link answerFromPassages}. */
export interface PassageReadingOptions {
  /** The language the value is worded in (dates: "3 September 2020" / « 3 septembre 2020 »); the question's by default. */
  replyLanguage?: 'fr' | 'en';
  /** The kind the corpus gives a name (`FactBook.kindOf`): a sentence naming another person than the question's is about that person. */
  kindOf?: (name: string) => NameKind;
}

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
  /** Lexicon concept → the question terms expressing it. */
  concepts: Map<string, number[]>;
}

function termIndex(reading: QuestionReading): TermIndex {
  const exact = new Map<string, number>();
  const list: TermIndex['list'] = [];
  const concepts = new Map<string, number[]>();
  reading.terms.forEach((t, index) => {
    for (const term of [t.term, t.otherTerm]) {
      if (!term) continue;
      exact.set(term, index);
      list.push({ term, index });
    }
    for (const concept of t.concepts) concepts.set(concept, [...(concepts.get(concept) ?? []), index]);
  });
  return { exact, list, concepts };
}

function matchTerm(index: TermIndex, term: string): number {
  const exact = index.exact.get(term);
  if (exact !== undefined) return exact;
  for (const entry of index.list) if (termsMatch(entry.term, term)) return entry.index;
  return -1;
}

/** Tie words of both languages ("rely on", « s'appuie sur »): a question about a tie meets a sentence stating one, in either language. */
const TIES = (['fr', 'en'] as const).map((l) => new RegExp(`(?<![\\p{L}\\d])(?:${VOCABULARIES[l].tieWords})(?![\\p{L}\\d])`, 'u'));

const wordConcepts = { fr: new Map<string, string[]>(), en: new Map<string, string[]>() };

/** The lexicon concepts one analysed word expresses on its own (`jour` → `~day`), cached. */
function conceptsOfWord(term: string, language: 'fr' | 'en'): string[] {
  const cache = wordConcepts[language];
  let concepts = cache.get(term);
  if (!concepts) {
    concepts = expandWithLexicon([term], language).filter(isConcept);
    if (cache.size > 50_000) cache.clear();
    cache.set(term, concepts);
  }
  return concepts;
}

/** What one text (a sentence, the one before it, a title) holds of the question's terms. */
interface TermsHeld {
  tokens: ReadToken[];
  /** Indexes of the question terms it holds (by word or by lexicon concept). */
  matched: Set<number>;
}

function readTerms(reading: QuestionReading, index: TermIndex, text: string, language: Language, reader: 'fr' | 'en', folded?: string): TermsHeld {
  const matched = new Set<number>();
  const terms: string[] = [];
  const tokens = readTokens(text, language, (token) => {
    const term = termOf(token, reader);
    terms.push(term);
    let hit = matchTerm(index, term);
    if (hit < 0 && index.concepts.size > 0) {
      for (const concept of conceptsOfWord(term, reader)) {
        const hits = index.concepts.get(concept);
        if (hits) {
          hit = hits[0];
          break;
        }
      }
    }
    if (hit < 0) return null;
    matched.add(hit);
    return { name: reading.terms[hit].name, weight: reading.terms[hit].weight, term: hit };
  }, folded);
  if (index.concepts.size > 0) {
    for (const concept of expandWithLexicon(terms, reader)) {
      if (!isConcept(concept)) continue;
      for (const hit of index.concepts.get(concept) ?? []) matched.add(hit);
    }
  }
  return { tokens, matched };
}

/** What a question word weighs against a sentence in the other language: its rarity was measured on the wrong words, unless a concept or a name carries it. */
const CROSS_LANGUAGE_WORD_WEIGHT = 0.5;

/**
 * What a word no passage holds weighs, in a question that names nothing, against a sentence in its own language:
 * the articles never use it, so no sentence says what it asks about (« le nouveau stade » of a corpus that never
 * writes « stade »), and with no name to gate the articles by topic, the sentence's evidence must show it missing.
 */
const UNWRITTEN_WORD_WEIGHT = 1.2;

/** What the question's `term` weighs against a sentence, in the question's language or the other (`crossLanguage`). */
function termWeight(reading: QuestionReading, term: QuestionReading['terms'][number], crossLanguage: boolean): number {
  if (crossLanguage && !term.name && term.concepts.length === 0) return Math.min(term.weight, CROSS_LANGUAGE_WORD_WEIGHT);
  const unwritten = reading.names.length === 0 && !crossLanguage && !term.known && !term.name && !term.cue;
  return unwritten ? UNWRITTEN_WORD_WEIGHT : term.weight;
}

function weightOf(reading: QuestionReading, matched: Iterable<number>, names: boolean, crossLanguage = false): number {
  let weight = 0;
  for (const i of matched) if (reading.terms[i].name === names) weight += termWeight(reading, reading.terms[i], crossLanguage);
  return weight;
}

/** How much the sentence before and the title count toward a sentence's evidence. */
const PREVIOUS_SHARE = 0.5;
const TITLE_SHARE = 0.35;
/** Added to both sides of the evidence share, so that a question made of names and cue words is not asked for words it hardly has. */
const EVIDENCE_SLACK = 0.3;
/** Evidence kept when a name of the question is only further away in the article. */
const FAR_NAME_FACTOR = 0.75;
/** …and when the sentence, without the question's name, names something else ("Le marathon de New York…" for the Paris marathon). */
const OTHER_NAME_FACTOR = 0.3;

const CAPITALISED = /^\p{Lu}/u;
/** Questions answered by a value rather than a name or a phrase: a sentence naming something else gives that thing's value. */
const VALUE_TYPES = new Set<AnswerType>(['date', 'amount', 'count']);

/** Whether a sentence names something the question does not: a capitalised word past its first, not part of a question name. */
function namesOther(tokens: ReadToken[]): boolean {
  return tokens.some((t, i) => i > 0 && !t.asked && t.text.length > 1 && CAPITALISED.test(t.text) && !tokens[i - 1].text.endsWith('.'));
}

const NAME_PARTICLES = new Set([...VOCABULARIES.fr.nameParticles, ...VOCABULARIES.en.nameParticles]);

/** The capitalised runs of a sentence the question does not use ("Ousmane Dembélé", "FC Barcelone", "Val d'Aran"), as spans of its text. */
function capitalisedRuns(text: string, tokens: ReadToken[]): TextSpan[] {
  const runs: TextSpan[] = [];
  let i = 0;
  const capital = (t: ReadToken | undefined) => t !== undefined && !t.asked && t.text.length > 1 && CAPITALISED.test(t.text);
  while (i < tokens.length) {
    if (!capital(tokens[i]) || (i === 0 && tokens[i].stop)) {
      i += 1;
      continue;
    }
    let last = i;
    for (;;) {
      const next = tokens[last + 1];
      if (next && capital(next) && /^[\s'’-]*$/u.test(text.slice(tokens[last].end, next.start))) last += 1;
      else if (next && NAME_PARTICLES.has(next.folded) && capital(tokens[last + 2])) last += 2;
      else break;
    }
    runs.push({ start: tokens[i].start, end: tokens[last].end });
    i = last + 1;
  }
  return runs;
}

/**
 * The names of a sentence that does not name the question's focus which the
 * corpus types as the focus is typed (another person for a person): the
 * sentence is about them. None when the focus is untyped (`other`).
 */
function rivalNames(text: string, tokens: ReadToken[], focusKinds: ReadonlySet<NameKind>, kindOf: (name: string) => NameKind): TextSpan[] {
  if (focusKinds.size === 0) return [];
  return capitalisedRuns(text, tokens).filter((run) => focusKinds.has(kindOf(text.slice(run.start, run.end))));
}

/** The places a sentence names (the place table's, or typed as places by the corpus): for a question asked about another place, its figure is theirs (« L'Espagne a enregistré 674 morts » for Italy). */
function namedPlaces(text: string, tokens: ReadToken[], kindOf?: (name: string) => NameKind): TextSpan[] {
  return capitalisedRuns(text, tokens).filter((run) => {
    const name = text.slice(run.start, run.end);
    return isKnownPlace(name) || kindOf?.(name) === 'place';
  });
}

/**
 * Reads the sentences of the hits' passages whose article names the
 * question's focus. The rare words of a question that names something must
 * be in its article too (an article about Aston Martin that never speaks of
 * batteries does not say who makes them); a question that names nothing is
 * often worded apart from its article, and is left to the sentences' evidence.
 */
export function readPassageSentences(reading: QuestionReading, hits: SearchHit[], kindOf?: (name: string) => NameKind): { sentences: ReadSentence[]; gated: number } {
  const index = termIndex(reading);
  const asksTie = TIES.some((pattern) => pattern.test(foldForMatching(reading.question)));
  const nameWeight = reading.terms.filter((t) => t.name).reduce((sum, t) => sum + t.weight, 0);
  const wordWeights = [false, true].map((cross) => reading.terms.filter((t) => !t.name).reduce((sum, t) => sum + termWeight(reading, t, cross), 0) + (asksTie ? 1 : 0));
  const focusNames = reading.names.filter((n) => !n.place);
  const places = reading.names.filter((n) => n.place);
  const focusKinds = new Set(kindOf ? focusNames.map((name) => kindOf(name.text)) : []);
  if (focusKinds.has('other')) focusKinds.clear();
  const sentences: ReadSentence[] = [];
  const seen = new Set<string>();
  const titles = new Map<string, TermsHeld>();
  let gated = 0;
  hits.forEach(({ article, passage }, rank) => {
    if (!articleNamesFocus(article, reading) || (reading.names.length > 0 && !articleHoldsTopic(article, reading))) {
      gated += 1;
      return;
    }
    const language = article.language;
    const reader = language === 'fr' || language === 'en' ? language : reading.language;
    const crossLanguage = reader !== reading.language;
    const wordWeight = wordWeights[crossLanguage ? 1 : 0];
    const articleFolded = foldedArticle(article);
    const textAt = article.title.length + 1;
    const foldedSpan = (span: TextSpan) => articleFolded.slice(textAt + span.start, textAt + span.end);
    const titleFolded = articleFolded.slice(0, article.title.length);
    let title = titles.get(article.id);
    if (!title) {
      title = readTerms(reading, index, article.title, language, reader, titleFolded);
      titles.set(article.id, title);
    }
    const { previous, sentences: spans } = sentencesOf(article, passage, passage.id);
    let previousHeld: TermsHeld | null = null;
    let previousSpan: TextSpan | null = null;
    let previousFolded = '';
    if (previous) {
      previousSpan = previous;
      previousFolded = foldedSpan(previous);
      previousHeld = readTerms(reading, index, article.text.slice(previous.start, previous.end), language, reader, previousFolded);
    }
    for (const span of spans) {
      const key = `${article.id}:${span.start}`;
      const text = article.text.slice(span.start, span.end);
      const folded = foldedSpan(span);
      const held = readTerms(reading, index, text, language, reader, folded);
      if (!seen.has(key)) {
        seen.add(key);
        const tie = asksTie && TIES.some((pattern) => pattern.test(folded)) ? 1 : 0;
        const names = weightOf(reading, held.matched, true);
        const content = weightOf(reading, held.matched, false, crossLanguage) + tie;
        const yearBonus = reading.years.length > 0 && reading.years.every((y) => folded.includes(y)) ? 0.15 : 0;
        const nameShare = nameWeight > 0 ? names / nameWeight : 0;
        const previousNames = previousHeld && nameWeight > 0 ? weightOf(reading, previousHeld.matched, true) / nameWeight : 0;
        const contextShare = nameWeight > 0 ? Math.max(nameShare, 0.8 * previousNames) : 0;
        const contentShare = wordWeight > 0 ? content / wordWeight : 1;
        const nameMix = 0.3;
        const mix = (nameCoverage: number) => (wordWeight > 0 ? (nameWeight > 0 ? nameMix * nameCoverage : 0) + (nameWeight > 0 ? 1 - nameMix : 1) * contentShare : nameCoverage);
        let evidence = 1;
        if (wordWeight > 0) {
          let window = content;
          for (const [other, share] of [[previousHeld, PREVIOUS_SHARE], [title, TITLE_SHARE]] as const) {
            if (!other) continue;
            for (const i of other.matched) if (!reading.terms[i].name && !held.matched.has(i)) window += share * termWeight(reading, reading.terms[i], crossLanguage);
          }
          evidence = Math.min(1, (window + EVIDENCE_SLACK) / (wordWeight + EVIDENCE_SLACK));
        }
        const inSentence = focusNames.every((name) => namesFocusName(folded, name));
        const someInSentence = focusNames.some((name) => namesFocusName(folded, name));
        const namesNear = inSentence || focusNames.every((name) => namesFocusName(folded, name) || namesFocusName(previousFolded, name) || namesFocusName(titleFolded, name));
        const rivals = !someInSentence && kindOf ? rivalNames(text, held.tokens, focusKinds, kindOf) : [];
        const namesAnother = rivals.length > 0 || namesOther(held.tokens);
        if (!someInSentence && focusNames.length > 0 && VALUE_TYPES.has(reading.expected) && namesAnother) evidence *= OTHER_NAME_FACTOR;
        else if (!namesNear) evidence *= FAR_NAME_FACTOR;
        if (!places.every((place) => namesFocusName(folded, place) || namesFocusName(previousFolded, place))) evidence *= OTHER_NAME_FACTOR;
        const otherPlaces = places.length > 0 && VALUE_TYPES.has(reading.expected) && !places.every((place) => namesFocusName(folded, place)) ? namedPlaces(text, held.tokens, kindOf) : [];
        const leansOn = nameWeight > 0 && nameShare === 0 && previousNames > 0 && previousSpan ? previousSpan : null;
        sentences.push({
          article,
          rank,
          span,
          text,
          folded,
          tokens: held.tokens,
          coverage: Math.min(1, mix(nameShare) + yearBonus),
          context: Math.min(1, mix(contextShare) + yearBonus),
          evidence,
          namesNear,
          leansOn,
          rivals: [...(focusKinds.has('person') ? rivals : []), ...otherPlaces],
        });
      }
      previousHeld = held;
      previousSpan = span;
      previousFolded = folded;
    }
  });
  return { sentences, gated };
}

/**
 * How well a candidate of one type answers a question asking for another.
 * A question asking for a date, an amount, a count, a person, an
 * organisation, a place or a product is answered only by a candidate of
 * that type or of a listed close one: a product name is no price, an open
 * phrase is no date.
 */
const COMPATIBLE: Partial<Record<AnswerType, Partial<Record<AnswerType, number>>>> = {
  person: { name: 0.5, organisation: 0.3 },
  organisation: { name: 0.6, person: 0.3, product: 0.1 },
  place: { name: 0.3 },
  product: { name: 0.1 },
  date: {},
  count: { amount: 0.6 },
  amount: {},
  name: { person: 0.8, organisation: 0.8, place: 0.6, product: 0.8, other: 0.1 },
  reason: { other: -0.3 },
  manner: { other: 0.3 },
  other: { other: 0.3, name: 0.3, person: 0.2, organisation: 0.2, place: 0.2, product: 0.2, date: -0.2, count: 0.35, amount: 0.35 },
};

/** Expected types only a candidate of a compatible type may answer. */
const STRICT_TYPES = new Set<AnswerType>(['person', 'organisation', 'place', 'product', 'date', 'count', 'amount']);

function typeFit(expected: AnswerType, found: AnswerType): number | null {
  if (expected === found) return 1;
  const fit = COMPATIBLE[expected]?.[found];
  if (fit !== undefined) return fit;
  return STRICT_TYPES.has(expected) ? null : -0.6;
}

/** The nearest question word to a candidate, by its weight over its distance. */
function proximity(tokens: ReadToken[], candidate: AnswerCandidate): number {
  let best = 0;
  const content = tokens.some((t) => t.asked && !t.askedName);
  let top = 0;
  for (const t of tokens) if (t.asked && !(content && t.askedName)) top = Math.max(top, t.weight);
  if (top === 0) return 0;
  tokens.forEach((token, i) => {
    if (!token.asked || (content && token.askedName)) return;
    const d = i < candidate.first ? candidate.first - i - 1 : i > candidate.last ? i - candidate.last - 1 : Infinity;
    if (d === Infinity) return;
    best = Math.max(best, (0.5 + (0.5 * token.weight) / top) / (1 + d / 2));
  });
  return best;
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
export interface ScoredCandidate {
  sentence: ReadSentence;
  candidate: AnswerCandidate;
  score: number;
  fit: number;
  /** For a date, the value in words with its year, resolved from the article's date. */
  value: string;
  features: CandidateFeatures;
}

/**
 * A date against the question's tense, resolved from its article's date: a
 * question about what will happen is not answered by a date already past
 * when the article was written ("Depuis décembre…" for "Quand sera-t-elle
 * disponible ?"), nor a question about the past by a date still to come.
 */
function tenseFit(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate, resolved: ResolvedDateExpression | null, ahead: boolean): number {
  if (reading.expected !== 'date' || candidate.type !== 'date' || !sentence.article.published || !resolved) return 0;
  const before = sentence.text.slice(Math.max(0, candidate.start - 12), candidate.start);
  if (!reading.past && /(?:depuis|since)\s*$/iu.test(before)) return -0.8;
  const published = sentence.article.published;
  if (!reading.past && resolved.end && resolved.end < published) return -0.8;
  if (reading.past && !ahead && resolved.start && resolved.start > published.padEnd(10, '-31')) return -0.5;
  return 0;
}

/** Words just before a date that make it the first plan ("initialement prévu le", "was due on") or where a plan moved ("reporté au", "pushed back to"). */
const ORIGINAL_CUE =
  /(?:initialement|a l'origine|au depart|originellement|devait|devaient|prevue?s? (?:pour |le |du |en |au )?|programmee?s? (?:pour |le |du |en |au )?|originally|initially|was (?:due|scheduled|planned|set) (?:for |on |to )?|had been (?:scheduled|planned) (?:for |on )?)[^.;]{0,40}$/u;
const MOVED_CUE =
  /(?:report\w*|repouss\w*|decal\w*|renvoy\w*|differ\w*|finalement|desormais|postponed|pushed back|moved|delayed|rescheduled|now (?:set|scheduled|expected|due))\s(?:[^.;,]{0,12}\s)?(?:au|a|en|a la|jusqu'au|pour|to|until|for|on|in)?\s*(?:le |la |l'|du |the )?$/u;
const FUTURE_CUE = /(?:prochaine?s?|suivante?s?|se tiendra|aura lieu|auront lieu|se deroulera|next|upcoming|will (?:be held|take place))[^.;]{0,60}$/u;

/**
 * What the words just before a date say of it: a former plan ("initialement"),
 * a plan moved to it ("reporté au 6 juillet", "pushed back to"), and whether it
 * points ahead (a move or a next edition: a question in the past, "Le procès a
 * été renvoyé à quelle date ?", still asks for a date to come).
 */
interface DateCues {
  original: boolean;
  moved: boolean;
  ahead: boolean;
}

const NO_DATE_CUES: DateCues = { original: false, moved: false, ahead: false };

function dateCues(sentence: ReadSentence, candidate: AnswerCandidate): DateCues {
  const before = foldForMatching(sentence.text.slice(Math.max(0, candidate.start - 60), candidate.start));
  const moved = MOVED_CUE.test(before);
  return { original: ORIGINAL_CUE.test(before), moved, ahead: moved || FUTURE_CUE.test(before) };
}

/** How well a date candidate fits the step of the story the question asks for (originally planned, moved to, next). */
function roleFit(reading: QuestionReading, candidate: AnswerCandidate, { original, moved, ahead }: DateCues): number {
  if (candidate.type !== 'date' || !reading.role) return 0;
  switch (reading.role) {
    case 'original':
      return original && !moved ? 0.8 : moved ? -0.6 : 0;
    case 'postponed':
    case 'latest':
      return moved ? 0.8 : original ? -0.6 : 0;
    case 'next':
      return ahead ? 0.5 : original ? -0.3 : 0;
    default:
      return 0;
  }
}

/** A date stated to the day beats a month, a month beats a bare year; a bare year right after an asked word names it ("l'édition 2020"). */
function dateSpecificity(sentence: ReadSentence, candidate: AnswerCandidate, resolved: ResolvedDateExpression | null): number {
  if (candidate.type !== 'date') return 0;
  if (!resolved?.start || !resolved.end) return -0.3;
  if (resolved.start === resolved.end) return 0.3;
  const days = (Date.parse(resolved.end) - Date.parse(resolved.start)) / 86_400_000;
  if (days <= 31) return 0.15;
  const previous = sentence.tokens[candidate.first - 1];
  if (/^\d{4}$/.test(candidate.value.trim()) && previous?.asked && !previous.askedName) return -0.4;
  return 0;
}

/** The value a date candidate stands for, in words with its year ("3 septembre 2020"), or its year alone when that is what was asked; else as written. */
function dateValue(candidate: AnswerCandidate, resolved: ResolvedDateExpression | null, language: 'fr' | 'en', asksYear: boolean): string {
  if (!resolved) return candidate.value.trim();
  const year = resolved.start?.slice(0, 4);
  if (asksYear && year && resolved.end?.startsWith(year)) return year;
  return describeRange(resolved.start, resolved.end, language) ?? candidate.value.trim();
}

/** Words right after a number where its unit may stand ("240 nouveaux décès"). */
const UNIT_REACH = 3;
/** How far after a count an increment's words may stand (« 365 morts en France ces dernières 24 heures »). */
const INCREMENT_REACH = 60;


/**
 * How well a count's unit fits the noun a "how many X" question counts: X
 * itself (or, for people, any noun of people: « victimes » for "how many
 * people"), else another word of the question (« décès » for « combien de
 * personnes sont mortes »); a count of another noun is no answer (null, see
 * {@link countsAnotherNoun}), nor is an amount when people are counted, and
 * a number before a time ("9 août", « trois heures ») answers only a
 * question counting time (else null); a count of an unknown word counts against it. A count written as an
 * increment or a day's figure (« 240 décès supplémentaires », « en 24
 * heures », "240 new deaths") is not the total the question asks, unless it
 * asks for the new ones.
 */
function unitFit(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate): number | null {
  if (reading.counted === null || (candidate.type !== 'count' && candidate.type !== 'amount')) return 0;
  if (reading.countsPeople && candidate.type === 'amount') return null;
  const { tokens, text } = sentence;
  const vocabulary = VOCABULARIES[sentence.article.language === 'en' ? 'en' : 'fr'];
  const question = foldForMatching(reading.question);
  const asksIncrement = VOCABULARIES.fr.increments.test(question) || VOCABULARIES.en.increments.test(question);
  const following = sentence.folded.slice(candidate.end, candidate.end + INCREMENT_REACH).split(/[,;:.()]/u)[0];
  const incrementPenalty = vocabulary.increments.test(following) && !asksIncrement ? 0.8 : 0;
  for (let i = candidate.last; i <= Math.min(tokens.length - 1, candidate.last + UNIT_REACH); i += 1) {
    if (i > candidate.last && crossesClause(text, tokens[i - 1].end, tokens[i].start)) break;
    if (tokens[i].asked && tokens[i].askedTerm === reading.counted) return 0.8 - incrementPenalty;
  }
  let unit: ReadToken | null = null;
  for (let i = candidate.last; i <= Math.min(tokens.length - 1, candidate.last + UNIT_REACH) && !unit; i += 1) {
    const token = tokens[i];
    if (i > candidate.last && crossesClause(text, tokens[i - 1].end, token.start)) break;
    if (token.stop || !/^\p{L}{2,}/u.test(token.text) || vocabulary.scales.has(token.folded) || vocabulary.currencies.has(token.folded)) continue;
    if (vocabulary.increments.test(token.folded)) continue;
    unit = token;
  }
  if (!unit) return -incrementPenalty;
  const countsAsked = unit.asked && unit.askedTerm === reading.counted;
  const countsAnyone = reading.countsAnyone && (VOCABULARIES.fr.typeNouns[unit.folded] === 'person' || VOCABULARIES.en.typeNouns[unit.folded] === 'person');
  if (countsAsked || countsAnyone) return 0.8 - incrementPenalty;
  if (unit.asked && !unit.askedName) return 0.4 - incrementPenalty;
  if (!reading.countsTime && namesTime(unit.folded)) return null;
  if (candidate.type === 'count' && !reading.countsTime && countsAnotherNoun(reading, unit)) return null;
  return reading.countsPeople ? -1 : -0.5;
}

/**
 * A number written as a day of a month (« le 15 septembre », "August 21"): a
 * date, not a count, unless time is counted. Only a space may stand between
 * the number and its month: « En mars, 30 personnes » counts.
 */
function countsDayOfMonth(sentence: ReadSentence, candidate: AnswerCandidate): boolean {
  const first = sentence.tokens[candidate.first];
  const next = sentence.tokens[candidate.first + 1];
  const previous = sentence.tokens[candidate.first - 1];
  const isMonth = (token: ReadToken | undefined): token is ReadToken => token !== undefined && (['fr', 'en'] as const).some((l) => VOCABULARIES[l].dates.months[token.folded] !== undefined);
  const spaced = (a: ReadToken, b: ReadToken) => /^\s+$/u.test(sentence.text.slice(a.end, b.start));
  return (isMonth(next) && spaced(first, next)) || (isMonth(previous) && spaced(previous, first) && /^\p{N}{1,2}$/u.test(first.text));
}

/**
 * For a question asking an age, whether a number is stated as someone's age:
 * after « âgé de » or before "-year-old" ({@link Vocabulary.statedAge}), in
 * apposition to a name (« Julie Marceau, 31 ans, »), or after a person noun
 * with an article (« le jeune homme de 22 ans », not « son fils de 8 ans »).
 * Any other number of years (« depuis 10 ans », « il y a 12 ans », « à 25
 * ans », « depuis l'âge de 12 ans ») is no answer.
 */
function statesAge(sentence: ReadSentence, candidate: AnswerCandidate): boolean {
  const { tokens, folded, text } = sentence;
  const vocabulary = VOCABULARIES[sentence.article.language === 'en' ? 'en' : 'fr'];
  const first = tokens[candidate.first];
  const last = tokens[candidate.last];
  if (![first.end, last.end].some((end) => vocabulary.statedAge.after.test(folded.slice(end, end + 20)))) return false;
  if (vocabulary.statedAge.before.test(folded.slice(Math.max(0, first.start - 30), first.start))) return true;
  const previous = tokens[candidate.first - 1];
  if (!previous) return false;
  if (/^\s*[,(]\s*$/u.test(text.slice(previous.end, first.start)) && /^\p{Lu}/u.test(previous.text)) return true;
  const noun = tokens[candidate.first - 2];
  const opener = tokens[candidate.first - 3];
  return (
    previous.folded === 'de' &&
    noun !== undefined &&
    typeOfNoun(noun.folded) === 'person' &&
    opener !== undefined &&
    !vocabulary.possessives.has(opener.folded)
  );
}


/**
 * Whether the word after a count says it counts something else than the
 * question's noun: a noun the vocabularies type (« cinq blessés » for
 * « combien d'habitants », « 250 personnes » for « combien de salariés »),
 * or, when a kind of people is counted, any other word ("deux parties" or
 * « 70 km » for "how many employees"). A synonym the lexicon links to the
 * noun is the noun.
 */
function countsAnotherNoun(reading: QuestionReading, unit: ReadToken): boolean {
  if (VOCABULARIES.fr.typeNouns[unit.folded] !== undefined || VOCABULARIES.en.typeNouns[unit.folded] !== undefined) return true;
  return reading.countsPeople && !reading.countsAnyone;
}

/** Whether a number is part of a name ("Mouvement 5 étoiles", "Ligue 1"): a capitalised word other than the sentence's first stands right before it. */
function insideName(sentence: ReadSentence, candidate: AnswerCandidate): boolean {
  const before = sentence.tokens[candidate.first - 1];
  return candidate.first > 1 && before !== undefined && /^\p{Lu}/u.test(before.text) && /^\s+$/u.test(sentence.text.slice(before.end, candidate.start));
}

/** How far (in words) the answer may sit from the noun a « quel X » question asks for. */
const HEAD_REACH = 3;

/** The same word, but for a plural ending: a stem also joins other words ("spécialiste", "spéciale"). */
function sameWord(a: string, b: string): boolean {
  const bare = (word: string) => word.replace(/[sx]$/u, '');
  return bare(a) === bare(b);
}

/**
 * A candidate written beside the noun a « quel X » question asks for: right
 * after it, past a few words that qualify it ("la compagnie suédoise Stena
 * Line", "le vaisseau Vulture"), or just before it with only a copula or
 * articles between ("Le mridang est l'instrument des dieux").
 */
function headFit(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate): number {
  if (reading.heads.length === 0) return 0;
  if (STRICT_TYPES.has(reading.expected) && candidate.type !== reading.expected) return 0;
  const { tokens, text } = sentence;
  const joined = (from: number, to: number) => !/[,;:()«»"“”—–]/u.test(text.slice(from, to));
  const isHead = (token: ReadToken) => reading.heads.some((head) => head.term === token.askedTerm && sameWord(head.word, token.folded));
  for (let i = candidate.first - 1; i >= Math.max(0, candidate.first - HEAD_REACH); i -= 1) {
    if (isHead(tokens[i])) return joined(tokens[i].end, candidate.start) ? 1 : 0;
    if (tokens[i].asked) break;
  }
  for (let i = candidate.last + 1; i <= Math.min(tokens.length - 1, candidate.last + HEAD_REACH); i += 1) {
    if (isHead(tokens[i])) return joined(candidate.end, tokens[i].start) ? 0.6 : 0;
    if (!tokens[i].stop) break;
  }
  return 0;
}

/** How a date candidate is resolved: a date a plan moved to ahead ("a été reporté au 6 juillet"); a former plan at the occurrence nearest the article's date (past for a weekday); else by its clause's tense, the question's when the clause does not tell. */
function resolveOptions(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate, cues: DateCues): ResolveDateOptions {
  if (cues.ahead) return { past: false };
  if (cues.original) return { past: true, nearest: true };
  return { sentence: sentence.text, at: candidate.start, assumePast: reading.past };
}

/** Whether a clause mark stands in the sentence's text between two offsets. */
function crossesClause(text: string, from: number, to: number): boolean {
  return /[,;:()«»"“”—–]/u.test(text.slice(Math.min(from, to), Math.max(from, to)));
}

/**
 * Where a candidate sits against the question's words other than names:
 * right after one (only small words between: « le Canada réclame [la portion
 * de l'Arctique] »), right before one (« [Heinkel] testait »), and how many
 * other words and clause marks part it from the nearest.
 */
function placeAmongAskedWords(sentence: ReadSentence, candidate: AnswerCandidate): { after: number; before: number; near: number } {
  const { tokens, text } = sentence;
  const content = (t: ReadToken) => t.asked && !t.askedName;
  let i = candidate.first - 1;
  while (i >= 0 && tokens[i].stop && !tokens[i].asked) i -= 1;
  const after = i >= 0 && content(tokens[i]) && !crossesClause(text, tokens[i].end, candidate.start) ? 1 : 0;
  let j = candidate.last + 1;
  while (j < tokens.length && tokens[j].stop && !tokens[j].asked) j += 1;
  const before = j < tokens.length && content(tokens[j]) && !crossesClause(text, candidate.end, tokens[j].start) ? 1 : 0;
  let nearest = Infinity;
  tokens.forEach((token, k) => {
    if (!content(token) || (k >= candidate.first && k <= candidate.last)) return;
    const [from, to] = k < candidate.first ? [k + 1, candidate.first] : [candidate.last + 1, k];
    let d = 0;
    for (let m = from; m < to; m += 1) if (!tokens[m].stop) d += 1;
    if (crossesClause(text, k < candidate.first ? token.end : candidate.end, k < candidate.first ? candidate.start : token.start)) d += 2;
    nearest = Math.min(nearest, d);
  });
  return { after, before, near: nearest === Infinity ? 0 : 1 / (1 + nearest) };
}

/** What the score of a candidate is made of, by name (see {@link weighted}). */
export type CandidateFeatures = Record<string, number>;

/** The weights of a candidate's features for a question answered by a phrase (a fit, see {@link weighted}). */
const OPEN_QUESTION_WEIGHTS: Readonly<CandidateFeatures> = {
  context: 1.136,
  evidence: 2.869,
  unit: 1.165,
  head: 0.811,
  proximity: 0.718,
  anaphora: -0.047,
  askedShare: 1.702,
  rank: -0.244,
  lengthPenalty: 0.682,
  afterAsked: 0.207,
  beforeAsked: -0.34,
  nearAsked: 0.319,
  chunk: -0.24,
  typeMatch: -1.448,
  oneWord: -0.062,
  logWords: 0.117,
  leans: -0.114,
  namesNear: 0.984,
  opensSentence: -0.281,
  inParentheses: 0.11,
  crossesComma: -0.038,
};

/**
 * A candidate's score. For a question answered by a phrase (see
 * `OPEN_TYPES`), its features weighed by a listwise fit on the PIAF
 * questions of even-numbered articles amid the 10,000 OrangeSum articles
 * (the candidate's token F1 against the human answer as the target), checked
 * on the odd ones. The type fit, the step of a story a date gives, the
 * owner of an asked thing, a date's precision and agreement across articles
 * keep weights set by hand: PIAF hardly asks about them (its answer types are
 * loose, its articles unique), and they are what keeps a price from being
 * answered with a name, or a first plan with the last.
 */
function weighted(f: CandidateFeatures, open: boolean): number {
  if (!open) return handWeighted(f);
  let score = TYPE_FIT_WEIGHT * f.fit + f.role + f.owner + f.dateSpecificity + AGREEMENT_WEIGHT * (f.agreement ?? 0);
  for (const [name, weight] of Object.entries(OPEN_QUESTION_WEIGHTS)) score += weight * (f[name] ?? 0);
  return score;
}

/** The score set by hand, for questions asking a typed value (a person, a date, a count...): their types already say much of what the fit learns. */
function handWeighted(f: CandidateFeatures): number {
  return (
    1.2 * f.context + 1.5 * f.evidence + f.fit + f.role + f.unit + 0.8 * f.head + f.dateSpecificity + 0.8 * f.proximity + f.owner - f.anaphora - 0.8 * f.askedShare - 0.04 * f.rank - f.lengthPenalty
  );
}

/** What the type fit weighs (see {@link typeFit}). */
const TYPE_FIT_WEIGHT = 2.5;

/** What each other article giving the same value adds (up to two). */
const AGREEMENT_WEIGHT = 0.25;

/**
 * Whether a date dates another event than the one asked: when it was said
 * (« a déclaré mardi », unless the question asks that verb), the undoing of
 * an asked word (« le déconfinement … le 11 mai » for the lockdown), or, when
 * the question asks about something besides names, a part of the sentence
 * that holds none of the asked words (their cue words, « finalement »,
 * included) though the sentence holds them elsewhere or not at all (« Une
 * fois élu, … qu'elle n'avait pas démentie fin août », « la grève du 5
 * décembre contre la réforme »).
 */
function datesAnotherEvent(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate): boolean {
  const language = sentence.article.language;
  const asked = sentence.tokens.filter((t) => t.asked && !t.askedName && (t.end <= candidate.start || t.start >= candidate.end));
  const statement = dateOfStatement(sentence.text, candidate, language);
  if (statement && !asked.some((t) => t.start >= statement.start && t.end <= statement.end)) return true;
  const about = reading.terms.filter((t) => !t.name && !t.cue).map((t) => t.term);
  if (about.length === 0) return false;
  const scope = dateScope(sentence.text, candidate, language);
  if (scopeUndoes(sentence.text, scope, about, language)) return true;
  return !asked.some((t) => inDateScope(scope, t));
}

function scoreCandidate(reading: QuestionReading, sentence: ReadSentence, candidate: AnswerCandidate, replyLanguage: 'fr' | 'en'): ScoredCandidate | null {
  if (restatesQuestion(candidate, sentence, reading)) return null;
  if (sentence.rivals.some((rival) => rival.end <= candidate.start || rival.start >= candidate.end)) return null;
  if (candidate.type === 'date' && reading.expected === 'date' && datesAnotherEvent(reading, sentence, candidate)) return null;
  const fitOfType = typeFit(reading.expected, candidate.type);
  if (fitOfType === null) return null;
  const cues = candidate.type === 'date' ? dateCues(sentence, candidate) : NO_DATE_CUES;
  const ahead = cues.ahead;
  const resolved =
    candidate.type === 'date'
      ? resolveDateExpression(candidate.value, sentence.article.published, sentence.article.language, resolveOptions(reading, sentence, candidate, cues))
      : null;
  const fit = (STRICT_TYPES.has(reading.expected) ? 1.5 : 1) * fitOfType + tenseFit(reading, sentence, candidate, resolved, ahead);
  const words = candidate.last - candidate.first + 1;
  const lengthPenalty = candidate.type === 'other' ? Math.max(0, words - 4) * 0.06 : candidate.type === 'reason' ? Math.max(0, words - 10) * 0.03 : 0;
  if (reading.counted !== null && candidate.type === 'count' && insideName(sentence, candidate)) return null;
  if (candidate.type === 'count' && !reading.countsTime && countsDayOfMonth(sentence, candidate)) return null;
  if (candidate.type === 'count' && reading.asksAge && !statesAge(sentence, candidate)) return null;
  if (namesAnotherOrdinal(reading.ordinals, sentence.folded)) return null;
  const unit = unitFit(reading, sentence, candidate);
  if (unit === null) return null;
  const f: CandidateFeatures = {
    context: sentence.context,
    evidence: sentence.evidence,
    fit,
    role: roleFit(reading, candidate, cues),
    unit,
    head: headFit(reading, sentence, candidate),
    dateSpecificity: dateSpecificity(sentence, candidate, resolved),
    proximity: proximity(sentence.tokens, candidate),
    owner: OWNER_TYPES.has(reading.expected) && candidate.type !== 'other' ? boundToAskedNoun(sentence, candidate) : 0,
    anaphora: anaphoraPenalty(sentence, candidate),
    askedShare: askedShare(candidate, sentence, reading),
    rank: sentence.rank,
    lengthPenalty,
  };
  const place = placeAmongAskedWords(sentence, candidate);
  f.afterAsked = place.after;
  f.beforeAsked = place.before;
  f.nearAsked = place.near;
  f.chunk = candidate.type === 'other' ? 1 : 0;
  f.typeMatch = candidate.type === reading.expected ? 1 : 0;
  f.oneWord = words === 1 ? 1 : 0;
  f.logWords = Math.log(words);
  f.leans = sentence.leansOn ? 1 : 0;
  f.namesNear = sentence.namesNear ? 1 : 0;
  f.opensSentence = candidate.first <= sentence.tokens.findIndex((t) => !t.stop) ? 1 : 0;
  f.crossesComma = /,/u.test(candidate.value) ? 1 : 0;
  f.inParentheses = /\([^)]*$/u.test(sentence.text.slice(0, candidate.start)) ? 1 : 0;
  const score = weighted(f, OPEN_TYPES.has(reading.expected));
  const value = candidate.type === 'date' ? dateValue(candidate, resolved, replyLanguage, reading.asksYear) : candidate.value.trim();
  return { sentence, candidate, score, fit, value, features: f };
}

/** Sentences read per question, best covered first. */
const SENTENCES_SCORED = 8;
/** A sentence must hold at least this share of the question's terms (a name, or the sentence before naming it) to be read for an answer. */
const MIN_COVERAGE = 0.1;
/** …and at least this share of what the question asks about (see {@link ReadSentence.evidence}). */
export const MIN_EVIDENCE = 0.4;

/**
 * The weights of {@link confidenceOf}: a logistic fit on the passage
 * reader's answers to the PIAF questions of even-numbered articles amid the
 * 10,000 OrangeSum articles (token F1 >= 0.5 counted right) and to the
 * OrangeSum dev questions (weighted 5), checked on the odd-numbered PIAF
 * articles (log-loss 0.546 → 0.526, AUC 0.62 → 0.71 over the previous fit of
 * score, margin, context and agreement). The features were chosen one at a
 * time by five-fold cross-validated log-loss on the training questions.
 */
const CONFIDENCE = {
  bias: -4.505,
  /** The sentence is in another language than the question: its words meet the question's only through translations, so its coverage understates it. */
  crossLanguage: 0.944,
  margin: 0.779,
  context: 1.549,
  namesNear: 1.728,
  /** Per retrieved passage the sentence's passage is down the list, over {@link RANKS_WEIGHED}. */
  rank: -2.308,
  countAsked: 0.564,
  placeAsked: -0.545,
  named: 0.434,
  role: 1.551,
  articleFit: 0.848,
  /** An open chunk of words rather than a typed value. */
  chunk: -0.537,
  askedShare: -1.29,
};
/** Passage ranks the confidence tells apart; ranks past it count as the last. */
const RANKS_WEIGHED = 8;

/**
 * The chance that the value is right, from what predicts it (see
 * {@link CONFIDENCE}): its lead over the best other value, how much of the
 * question its sentence holds and whether the question's names are near,
 * the rank of its passage, what the question asks for and names, the role
 * the value plays, how well the whole article fits the question, whether
 * the value is a typed one, how much of it restates the question, and
 * whether the sentence is in the question's language. On PIAF's odd half,
 * answers binned by it were right 8% (< 0.1), 11% (< 0.15), 16%, 22% (< 0.3), 33%, 42% and 57% (>= 0.5).
 */
function confidenceOf(reading: QuestionReading, hits: SearchHit[], best: ScoredCandidate, margin: number): number {
  const { sentence, features } = best;
  const w = CONFIDENCE;
  const z =
    w.bias +
    (sentence.article.language !== reading.language ? w.crossLanguage : 0) +
    w.margin * Math.min(2, Math.max(0, margin)) +
    w.context * sentence.context +
    (sentence.namesNear ? w.namesNear : 0) +
    (w.rank * Math.min(sentence.rank, RANKS_WEIGHED)) / RANKS_WEIGHED +
    (reading.expected === 'count' ? w.countAsked : 0) +
    (reading.expected === 'place' ? w.placeAsked : 0) +
    (reading.names.length > 0 ? w.named : 0) +
    w.role * features.role +
    w.articleFit * articleFit(reading, hits, sentence.article) +
    (best.candidate.type === 'other' ? w.chunk : 0) +
    w.askedShare * features.askedShare;
  return Math.round((1 / (1 + Math.exp(-z))) * 100) / 100;
}

/**
 * Every answer candidate of the sentences the reader reads for a question,
 * scored, best first, with the candidates grouped by value (see
 * {@link answerFromPassages}); what the reader picks from, exposed so the
 * weights can be measured against questions with known answers.
 */
export function scoreAnswerCandidates(
  reading: QuestionReading,
  hits: SearchHit[],
  options: PassageReadingOptions = {},
): { scored: ScoredCandidate[]; byValue: Map<string, ScoredCandidate[]>; keyOf: Map<ScoredCandidate, string> } | PassageMiss {
  const replyLanguage = options.replyLanguage ?? reading.language;
  const { sentences, gated } = readPassageSentences(reading, hits, options.kindOf);
  if (sentences.length === 0) return gated > 0 ? { reason: 'focus-absent' } : { reason: 'not-stated', best: null };
  const ranked = [...sentences].sort((a, b) => b.evidence + b.context - (a.evidence + a.context) || a.rank - b.rank).slice(0, SENTENCES_SCORED);
  const instructions = [VOCABULARIES.fr.instructions, VOCABULARIES.en.instructions];
  const scored: ScoredCandidate[] = [];
  for (const sentence of ranked) {
    if (sentence.evidence < MIN_EVIDENCE || sentence.context < MIN_COVERAGE) continue;
    const folded = sentence.folded;
    if (instructions.some((pattern) => pattern.test(folded))) continue;
    if (reading.naming && !VOCABULARIES.fr.namingCues.test(folded) && !VOCABULARIES.en.namingCues.test(folded)) continue;
    for (const candidate of findAnswerCandidates(sentence.text, sentence.tokens, sentence.article.language, reading.expected)) {
      const result = scoreCandidate(reading, sentence, candidate, replyLanguage);
      if (result) scored.push(result);
    }
  }
  if (scored.length === 0) return { reason: 'not-stated', best: ranked[0] ?? null };
  const keyOf = new Map(scored.map((s) => [s, foldedValue(s.value)]));
  const byValue = new Map<string, ScoredCandidate[]>();
  for (const s of scored) {
    const key = keyOf.get(s)!;
    const same = byValue.get(key);
    if (same) same.push(s);
    else byValue.set(key, [s]);
  }
  for (const group of byValue.values()) {
    const articles = new Set(group.map((g) => g.sentence.article.id)).size;
    for (const s of group) {
      s.features.agreement = Math.min(2, articles - 1);
      s.score += AGREEMENT_WEIGHT * s.features.agreement;
    }
  }
  scored.sort((a, b) => b.score - a.score || a.sentence.rank - b.sentence.rank || a.candidate.start - b.candidate.start);
  return { scored, byValue, keyOf };
}

/**
 * Finds the short answer to a question in the retrieved passages: reads the
 * sentences of every passage whose article names the question's focus,
 * keeps the ones that hold enough of what the question asks about, takes
 * from them the candidates of the expected type (a date, an amount, a
 * name...) and scores each by its sentence's evidence, its type, the step
 * of the story it gives, how near it sits to the question's words and how
 * many articles agree. A candidate that only restates the question is no
 * answer, nor is a sentence that gives orders.
 */
export function answerFromPassages(reading: QuestionReading, hits: SearchHit[], options: PassageReadingOptions = {}): PassageAnswer | PassageMiss {
  const read = scoreAnswerCandidates(reading, hits, options);
  if ('reason' in read) return read;
  const { scored, byValue, keyOf } = read;
  const best = scored[0];
  const bestKey = keyOf.get(best)!;
  const group = byValue.get(bestKey) ?? [best];
  const agreeing: ReadSentence[] = [];
  for (const other of group) {
    if (other.sentence.article.id === best.sentence.article.id || agreeing.some((s) => s.article.id === other.sentence.article.id)) continue;
    agreeing.push(other.sentence);
  }
  const runnerUp = scored.find((s) => keyOf.get(s) !== bestKey);
  const margin = runnerUp ? best.score - runnerUp.score : 2;
  return {
    value: best.value,
    type: best.candidate.type,
    score: best.score,
    margin,
    confidence: confidenceOf(reading, hits, best, margin),
    sentence: best.sentence,
    candidate: best.candidate,
    agreeing: agreeing.slice(0, 2),
  };
}

/** A headline's quoted sentence must hold at least this share of what it says (its words, titles and sentences before counted as for a question). */
export const MIN_STATEMENT_EVIDENCE = 0.6;

/**
 * The sentence of the retrieved passages that best says what a text that
 * asks nothing says (a headline, a statement): read like a question's
 * sentences, among those that name its focus and hold enough of its words,
 * but with no value taken from it. Null when no sentence holds enough;
 * `focus-absent` when no article read names the focus.
 */
export function bestStatedSentence(reading: QuestionReading, hits: SearchHit[]): ReadSentence | PassageMiss {
  const { sentences, gated } = readPassageSentences(reading, hits);
  if (sentences.length === 0) return gated > 0 ? { reason: 'focus-absent' } : { reason: 'not-stated', best: null };
  const instructions = [VOCABULARIES.fr.instructions, VOCABULARIES.en.instructions];
  const held = sentences
    .filter((sentence) => sentence.evidence >= MIN_STATEMENT_EVIDENCE && sentence.context >= MIN_COVERAGE && sentence.namesNear && !sentence.leansOn)
    .filter((sentence) => !instructions.some((pattern) => pattern.test(sentence.folded)))
    .sort((a, b) => b.evidence + b.context - (a.evidence + a.context) || a.rank - b.rank);
  return held[0] ?? { reason: 'not-stated', best: null };
}

