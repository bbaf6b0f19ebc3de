import type { Language } from '../text/language';
import { foldForMatching } from '../text/foldForMatching';
import { vocabulariesFor } from '../text/language';
import { VOCABULARIES, wordsPattern, type DateEventKind, type Vocabulary } from '../text/vocabulary';

/** A word in a clause that says what happens (an event) or how sure the article is (a status). */
export interface Cue<T> {
  start: number;
  end: number;
  value: T;
}

/** One language's claim words, compiled once. */
interface CompiledClaimWords {
  events: Array<[RegExp, DateEventKind]>;
  /** Every event pattern as one alternation: whether any matches, in one pass over the text. */
  anyEvent: RegExp;
  cancelled: RegExp;
  rumoured: RegExp;
  expected: RegExp;
  planned: RegExp;
  past: RegExp;
  sentenceHearsay: RegExp;
  reportedPlan: RegExp | null;
  conditional: RegExp | null;
  formerPlan: RegExp[];
}

function compile(vocabulary: Vocabulary): CompiledClaimWords {
  const words = vocabulary.claims;
  return {
    events: words.events.map(([source, kind]) => [wordsPattern(source), kind]),
    anyEvent: wordsPattern(words.events.map(([source]) => `(?:${source})`).join('|'), 'u'),
    cancelled: wordsPattern(words.cancelled),
    rumoured: wordsPattern(words.rumoured),
    expected: wordsPattern(words.expected),
    planned: wordsPattern(words.planned),
    past: wordsPattern(words.past),
    sentenceHearsay: wordsPattern(words.sentenceHearsay),
    reportedPlan: words.reportedPlan ? new RegExp(words.reportedPlan, 'u') : null,
    conditional: words.conditional ? new RegExp(words.conditional, 'u') : null,
    formerPlan: vocabulary.roles.filter(([, role]) => role === 'original').map(([pattern]) => pattern),
  };
}

const COMPILED = new Map<Vocabulary, CompiledClaimWords>([VOCABULARIES.fr, VOCABULARIES.en].map((v) => [v, compile(v)]));

function compiledFor(language: Language): CompiledClaimWords[] {
  return vocabulariesFor(language).map((v) => COMPILED.get(v)!);
}

function has(pattern: RegExp | null, text: string): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/**
 * Event cues (release, launch, postponement...) in `folded.slice(from, to)`,
 * in text order, read with the vocabulary of `language` (both for `und`).
 */
export function findEventCues(folded: string, language: Language, from = 0, to = folded.length): Array<Cue<DateEventKind>> {
  const found: Array<Cue<DateEventKind>> = [];
  const slice = folded.slice(from, to);
  for (const words of compiledFor(language)) {
    for (const [pattern, value] of words.events) {
      pattern.lastIndex = 0;
      for (const match of slice.matchAll(pattern)) {
        found.push({ start: from + match.index, end: from + match.index + match[0].length, value });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether `folded` holds any event cue of `language` ({@link findEventCues} not empty), stopping at the first. */
export function hasEventCue(folded: string, language: Language): boolean {
  return compiledFor(language).some((words) => words.anyEvent.test(folded));
}

/** What a clause says about how sure the claim is, read from its words. */
export interface StatusReading {
  cancelled: boolean;
  rumoured: boolean;
  expected: boolean;
  planned: boolean;
  past: boolean;
  reportedPlan: boolean;
  conditional: boolean;
  /** "initialement prévu", "originally slated": a plan made before, its date in the past of the article. */
  formerPlan: boolean;
}

/** Reads the status cues of a folded clause. */
export function readStatusCues(foldedClause: string, language: Language): StatusReading {
  const languages = compiledFor(language);
  const any = (pick: (words: CompiledClaimWords) => RegExp | null) => languages.some((words) => has(pick(words), foldedClause));
  return {
    cancelled: any((w) => w.cancelled),
    rumoured: any((w) => w.rumoured),
    expected: any((w) => w.expected),
    planned: any((w) => w.planned),
    past: any((w) => w.past),
    reportedPlan: any((w) => w.reportedPlan),
    conditional: any((w) => w.conditional),
    formerPlan: languages.some((words) => words.formerPlan.some((pattern) => pattern.test(foldedClause))),
  };
}

/** Sentence-wide hearsay ("Selon les sources, ...", "..., according to people familiar with the matter"). */
export function sentenceIsHearsay(foldedSentence: string, language: Language): boolean {
  return compiledFor(language).some((words) => has(words.sentenceHearsay, foldedSentence));
}

/** Where a clause ends: punctuation, or a subordinate or contrasting clause starting. */
const CLAUSE_BREAK = /[,;:]|\s(?=(?:que|qu'|that|mais|but|tandis|alors que|while)[\s'])/gu;

/** The tense a clause speaks in, as far as its status words tell. */
export type ClauseTense = 'past' | 'future';

/**
 * The tense of the clause of `sentence` that holds offset `at`, read from its
 * status words ("Apple a reconnu vendredi que...": past; "Apple présentera
 * vendredi...": future), null when its words do not tell. A plan or an
 * expectation is future; a past tense without either is past. The clause is
 * the comma-separated part holding `at`, widened to its neighbours when it has
 * no verb of its own ("Vendredi, Apple a annoncé..."). A subordinate clause
 * ("que...", "that...") is a clause of its own.
 */
export function clauseTense(sentence: string, at: number, language: Language): ClauseTense | null {
  const folded = foldForMatching(sentence);
  const bounds = [0, ...[...folded.matchAll(CLAUSE_BREAK)].map((m) => m.index + 1), folded.length + 1];
  const index = Math.max(0, bounds.findIndex((b, i) => at >= b && at < (bounds[i + 1] ?? Infinity)));
  const clauses = [[index, index], [index, index + 1], [index - 1, index + 1]] as const;
  for (const [from, to] of clauses) {
    const clause = folded.slice(bounds[Math.max(0, from)], bounds[Math.min(bounds.length - 1, to + 1)] - 1);
    const reading = readStatusCues(clause, language);
    if (reading.planned || reading.expected || reading.reportedPlan) return 'future';
    if (reading.past) return 'past';
  }
  return null;
}
