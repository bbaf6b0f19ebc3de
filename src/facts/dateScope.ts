import type { TextSpan } from '../passages/passage';
import { foldForMatching } from '../text/foldForMatching';
import { vocabulariesFor, type Language } from '../text/language';
import { dateNamingWords, undoes, wordsPattern, type Vocabulary } from '../text/vocabulary';

/**
 * The parts of a sentence a date expression dates: the clause it modifies
 * (« élu … le 7 mai », « depuis le 17 mars »), less the relative clauses
 * inside it, or the noun phrase it completes (« la grève du 5 décembre
 * contre la réforme »: the strike's date, not the reform's). Sentence offsets.
 */
export interface DateScope {
  /** The spans dated, in text order. */
  spans: TextSpan[];
  /** The noun the date completes, when it completes one ("grève", "strike" in "the December 5 strike"). */
  noun: TextSpan | null;
}

interface Word extends TextSpan {
  folded: string;
  /** As written, lower-cased (accents kept: a French participle is told by them). */
  lower: string;
}

interface Grammar {
  /** A word that says nothing besides a date: a date's own words, a determiner, a preposition, a pronoun. */
  small: (word: string) => boolean;
  dateWord: (word: string) => boolean;
  determiner: (word: string) => boolean;
  participle: (word: string) => boolean;
  coordinator: (word: string) => boolean;
  /** A pronoun or an auxiliary: after a coordinator, a verb follows (« et se terminera », "and was"). */
  verbal: (word: Word) => boolean;
  /** A pronoun written before its verb (« il », "they"): a comma-clause opening with one takes up the noun before it. */
  clitic: (word: string) => boolean;
  auxiliary: (word: Word) => boolean;
  /** A preposition opening an adverbial phrase (« après », "after"). */
  adverbial: (word: string) => boolean;
  /** « de », « du », "of": a word that makes what follows the complement of the noun before. */
  of: (word: string) => boolean;
  /** An adverb of manner, lower-cased (« finalement », "finally"). */
  adverb: (word: string) => boolean;
  /** A relative pronoun standing for the noun before it (« qui », "which"). */
  relativePronoun: (word: string) => boolean;
  /** Verbs of saying, each pattern ending where its match must end. */
  speech: RegExp[];
  openers: RegExp[];
  relatives: RegExp[];
}

const WORD = /(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'(?=\p{L})|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** Marks that end a clause: semicolons, colons, parentheses, brackets, quotes, bullets, a dash between spaces. */
const CLAUSE_MARK = /[;:()[\]"!?•]|\s-\s/gu;

function dateWordsOf(vocabulary: Vocabulary): Set<string> {
  const { dates } = vocabulary;
  return new Set([
    ...dateNamingWords(dates),
    ...Object.keys(dates.periodParts),
    ...Object.keys(dates.deicticSteps),
    ...Object.keys(dates.ordinals),
    ...Object.keys(dates.counts),
    ...dates.frames,
  ]);
}

const grammars = new Map<Language, Grammar>();

function grammarFor(language: Language): Grammar {
  let grammar = grammars.get(language);
  if (!grammar) {
    const vocabularies = vocabulariesFor(language);
    const dateWords = vocabularies.map(dateWordsOf);
    const participles = vocabularies.map((v) => new RegExp(`^(?:${v.claims.participle})$`, 'u'));
    const dateWord = (word: string) => /^\p{N}/u.test(word) || dateWords.some((set) => set.has(word));
    const adverbs = vocabularies.map((v) => new RegExp(`^(?:${v.claims.mannerAdverb})$`, 'u'));
    const auxiliary = (word: Word) => word.lower !== 'à' && vocabularies.some((v) => v.claims.auxiliaries.has(word.folded));
    grammar = {
      small: (word) => dateWord(word) || vocabularies.some((v) => v.determiners.has(word) || v.dates.prepositions.has(word) || v.claims.clitics.has(word)),
      dateWord,
      determiner: (word) => vocabularies.some((v) => v.determiners.has(word)),
      participle: (word) => participles.some((pattern) => pattern.test(word)),
      coordinator: (word) => vocabularies.some((v) => v.claims.coordinators.has(word)),
      verbal: (word) => auxiliary(word) || vocabularies.some((v) => v.claims.clitics.has(word.folded)),
      auxiliary,
      clitic: (word) => vocabularies.some((v) => v.claims.clitics.has(word)),
      adverbial: (word) => vocabularies.some((v) => v.claims.phrasePrepositions.has(word)),
      of: (word) => vocabularies.some((v) => v.complementOf.has(word)),
      adverb: (word) => adverbs.some((pattern) => pattern.test(word)),
      relativePronoun: (word) => vocabularies.some((v) => v.claims.relativePronouns.has(word)),
      speech: vocabularies.map((v) => new RegExp(`(?<![\\p{L}])(?:${v.claims.speechVerbs})$`, 'u')),
      openers: vocabularies.map((v) => wordsPattern(v.claims.clauseOpeners)),
      relatives: vocabularies.map((v) => wordsPattern(v.claims.relativeOpeners)),
    };
    grammars.set(language, grammar);
  }
  return grammar;
}

function wordsOf(sentence: string, folded: string): Word[] {
  const words: Word[] = [];
  for (const match of folded.matchAll(WORD)) {
    const end = match.index + match[0].length;
    words.push({ start: match.index, end, folded: match[0], lower: sentence.slice(match.index, end).toLowerCase() });
  }
  return words;
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.end > b.start && a.start < b.end;
}

function inside(word: TextSpan, span: TextSpan): boolean {
  return word.start >= span.start && word.end <= span.end;
}

function matchesOf(patterns: RegExp[], folded: string, mention: TextSpan): TextSpan[] {
  const found: TextSpan[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (!overlaps(span, mention)) found.push(span);
    }
  }
  return found;
}

/** Where clauses end for good: the marks, the words that open a clause of their own, a coordinator before a verb. */
function hardBreaks(folded: string, words: Word[], mention: TextSpan, grammar: Grammar): TextSpan[] {
  const breaks = matchesOf([CLAUSE_MARK, ...grammar.openers], folded, mention);
  words.forEach((word, i) => {
    const next = words[i + 1];
    if (next && grammar.coordinator(word.folded) && grammar.verbal(next) && !overlaps(word, mention)) breaks.push(word);
  });
  return breaks.sort((a, b) => a.start - b.start);
}

/** The relative clauses: from their pronoun to the next comma or hard break. */
function relativeClauses(folded: string, mention: TextSpan, breaks: TextSpan[], grammar: Grammar): TextSpan[] {
  return matchesOf(grammar.relatives, folded, mention).map((opener) => {
    const comma = folded.indexOf(',', opener.end);
    const hard = breaks.find((b) => b.start >= opener.end)?.start ?? folded.length;
    return { start: opener.start, end: Math.min(hard, comma < 0 ? folded.length : comma) };
  });
}

/** The span between the breaks either side of `[from, to)`, `steps` breaks out, within `[floor, ceiling)`. */
function between(breaks: TextSpan[], from: number, to: number, floor: number, ceiling: number, steps: number): TextSpan {
  const before = breaks.filter((b) => b.end <= from && b.start >= floor);
  const after = breaks.filter((b) => b.start >= to && b.end <= ceiling);
  return { start: before[before.length - steps]?.end ?? floor, end: after[steps - 1]?.start ?? ceiling };
}

/** Whether spans say something besides the date: a word that is neither a small word nor a word of dates. */
function saysMore(words: Word[], spans: TextSpan[], mention: TextSpan, grammar: Grammar): boolean {
  return words.some((w) => spans.some((s) => inside(w, s)) && !inside(w, mention) && !grammar.small(w.folded));
}

/** `span` less the `holes` in it. */
function subtract(span: TextSpan, holes: TextSpan[]): TextSpan[] {
  let pieces = [span];
  for (const hole of holes) {
    pieces = pieces.flatMap((piece) => {
      if (!overlaps(piece, hole)) return [piece];
      return [{ start: piece.start, end: hole.start }, { start: hole.end, end: piece.end }].filter((p) => p.end > p.start);
    });
  }
  return pieces;
}

/** Comma-clauses of `span` (a comma between digits is a decimal, not a break), relative clauses taken out. */
function commaParts(folded: string, span: TextSpan, holes: TextSpan[]): TextSpan[][] {
  const parts: TextSpan[][] = [];
  let start = span.start;
  const push = (end: number) => {
    const pieces = subtract({ start, end }, holes).filter((p) => /[\p{L}\p{N}]/u.test(folded.slice(p.start, p.end)));
    if (pieces.length > 0) parts.push(pieces);
  };
  for (let i = span.start; i < span.end; i += 1) {
    if (folded[i] !== ',' || (/\d/.test(folded[i - 1] ?? '') && /\d/.test(folded[i + 1] ?? ''))) continue;
    push(i);
    start = i + 1;
  }
  push(span.end);
  return parts;
}

/**
 * A date alone in its comma-clause dates the clauses beside it: the one
 * before and the one after, and past adverbial phrases to the clause they
 * belong to (« En octobre 1945, après la chute du régime, le club retrouve
 * son nom »).
 */
function neighbours(parts: TextSpan[][], index: number, adverbial: (pieces: TextSpan[]) => boolean): TextSpan[] {
  let first = index - 1;
  while (first > 0 && adverbial(parts[first])) first -= 1;
  let last = index + 1;
  while (last < parts.length - 1 && adverbial(parts[last])) last += 1;
  return parts.slice(Math.max(0, first), last + 1).flat();
}

/** How many words of the comma-clause before a participle's the noun it qualifies can be (« Le confinement, instauré le 17 mars »). */
const QUALIFIED_NOUN_WORDS = 4;

/** The spans of the clause a date modifies, before any noun it completes is looked for. */
function clauseOf(folded: string, words: Word[], mention: TextSpan, grammar: Grammar): TextSpan[] {
  const breaks = hardBreaks(folded, words, mention, grammar);
  const relatives = relativeClauses(folded, mention, breaks, grammar);
  const own = relatives.filter((r) => r.start <= mention.start && mention.end <= r.end).pop();
  const floor = own?.start ?? 0;
  const ceiling = own?.end ?? folded.length;
  let clause = between(breaks, mention.start, mention.end, floor, ceiling, 1);
  const holesIn = (span: TextSpan) => relatives.filter((r) => r !== own && r.start >= span.start && r.end <= span.end && !inside(mention, r));
  if (!saysMore(words, subtract(clause, holesIn(clause)), mention, grammar)) clause = between(breaks, mention.start, mention.end, own ? 0 : floor, own ? folded.length : ceiling, own ? 1 : 2);
  const parts = commaParts(folded, clause, holesIn(clause));
  const index = parts.findIndex((pieces) => pieces.some((p) => mention.start >= p.start && mention.start <= p.end));
  const part = parts[index];
  const antecedent = own && grammar.relativePronoun(words.find((w) => w.start >= own.start)?.folded ?? '') ? qualifiedNoun(words, breaks, own.start) : [];
  if (!part) return [...antecedent, clause];
  const wordsIn = (pieces: TextSpan[]) => words.filter((w) => pieces.some((p) => inside(w, p)));
  const opensWithPreposition = (pieces: TextSpan[]) => grammar.adverbial(wordsIn(pieces)[0]?.folded ?? '');
  if (!saysMore(words, part, mention, grammar)) return [...antecedent, ...neighbours(parts, index, opensWithPreposition)];
  const partWords = wordsIn(part);
  const first = partWords.find((w) => !grammar.adverb(w.lower));
  if (first && index > 0 && grammar.auxiliary(first) && first === partWords[0]) return parts.slice(0, index + 1).flat();
  if (first && index > 0 && (grammar.participle(first.lower) || (grammar.clitic(first.folded) && first === partWords[0]))) {
    const tail = wordsIn(parts[index - 1]).slice(-QUALIFIED_NOUN_WORDS);
    return [...(tail.length > 0 ? [{ start: tail[0].start, end: tail[tail.length - 1].end }] : []), ...part];
  }
  if (index > 0 && opensWithPreposition(part) && !opensWithPreposition(parts[index - 1])) return [...parts[index - 1], ...part];
  return [...antecedent, ...part];
}

/**
 * The words just before `at` that a relative pronoun there qualifies (« le
 * second tour des municipales, qui se déroulera le 28 juin »), back to the
 * last hard break.
 */
function qualifiedNoun(words: Word[], breaks: TextSpan[], at: number): TextSpan[] {
  const floor = breaks.filter((b) => b.end <= at).pop()?.end ?? 0;
  const tail = words.filter((w) => w.end <= at && w.start >= floor).slice(-QUALIFIED_NOUN_WORDS);
  return tail.length > 0 ? [{ start: tail[0].start, end: tail[tail.length - 1].end }] : [];
}

function isNoun(words: Word[], index: number, grammar: Grammar): boolean {
  const word = words[index];
  if (!word || grammar.small(word.folded) || grammar.participle(word.lower) || /^\p{N}/u.test(word.folded)) return false;
  return [1, 2].some((back) => {
    const before = words[index - back];
    return before !== undefined && grammar.determiner(before.folded);
  });
}

const onlySpace = (text: string) => /^\s*$/u.test(text);

/**
 * The noun a date completes: the one before « de/du » or "of" right before
 * the date (« la grève du 5 décembre », "the strike of December 5"), or the
 * one right after a date written before its noun ("the May 7 election"),
 * with its determiner and the complements that follow it. Null when the date
 * completes no noun.
 */
function completedNoun(folded: string, words: Word[], mention: TextSpan, grammar: Grammar): { phrase: TextSpan; noun: TextSpan } | null {
  const firstInside = words.findIndex((w) => w.start >= mention.start);
  if (firstInside < 0) return null;
  const opensWithOf = grammar.of(words[firstInside].folded) && words[firstInside].end < mention.end;
  const ofAt = opensWithOf ? firstInside : firstInside - 1;
  const of = words[ofAt];
  if (of && grammar.of(of.folded) && (opensWithOf || onlySpace(folded.slice(of.end, mention.start))) && isNoun(words, ofAt - 1, grammar)) {
    const noun = words[ofAt - 1];
    const determiner = grammar.determiner(words[ofAt - 2]?.folded ?? '') ? ofAt - 2 : ofAt - 3;
    let end = mention.end;
    let next = words.findIndex((w) => w.start >= mention.end);
    while (next >= 0 && words[next + 1] && grammar.of(words[next].folded) && onlySpace(folded.slice(end, words[next].start))) {
      end = words[next + 1].end;
      next += 2;
    }
    return { phrase: { start: words[determiner].start, end }, noun: { start: noun.start, end: noun.end } };
  }
  const before = words[firstInside - 1];
  const after = words.find((w) => w.start >= mention.end);
  if (before && after && grammar.determiner(before.folded) && onlySpace(folded.slice(before.end, mention.start)) && onlySpace(folded.slice(mention.end, after.start))) {
    if (!grammar.small(after.folded) && !grammar.participle(after.lower)) return { phrase: { start: before.start, end: after.end }, noun: { start: after.start, end: after.end } };
  }
  return null;
}

/**
 * The parts of `sentence` the date expression at `mention` dates. Its clause
 * runs between the marks and the words that open another clause (« mais »,
 * « contre », "and" before a verb), relative clauses inside it left out (one
 * the date stands in is its clause); a date alone in its clause or
 * comma-clause (« Le 7 mai, … », « …, le 17 mars, … ») dates its neighbours;
 * a comma-clause opening with an auxiliary goes on from the subject (« Son
 * procès, qui…, a été reporté au 6 juillet »), one opening with a
 * participle or a pronoun qualifies or takes up the noun just before it (« Le
 * confinement, instauré le 17 mars », « le déconfinement, il commencera le 11
 * mai »), as does a relative clause opened by a pronoun (« le second tour,
 * qui se déroulera le 28 juin »); one opening with a preposition elaborates
 * the clause before it, unless that one opens with a preposition too (« …entreront en vigueur progressivement, avec un
 * premier train le 1er novembre »); and a date that completes a noun (« la
 * grève du 5 décembre ») dates that noun's phrase only.
 */
export function dateScope(sentence: string, mention: TextSpan, language: Language): DateScope {
  const grammar = grammarFor(language);
  const folded = foldForMatching(sentence);
  const words = wordsOf(sentence, folded);
  const clause = clauseOf(folded, words, mention, grammar);
  const completed = completedNoun(folded, words, mention, grammar);
  if (completed && clause.some((span) => inside(completed.phrase, span))) return { spans: [completed.phrase], noun: completed.noun };
  return { spans: clause, noun: null };
}

/** Whether `span` (a word of the sentence) lies in what the date dates. */
export function inDateScope(scope: DateScope, span: TextSpan): boolean {
  return scope.spans.some((s) => inside(span, s));
}

/** How many words (small words and adverbs: « a également exprimé jeudi soir », "said on Tuesday") may stand between a verb of saying and the date it takes. */
const SPEECH_GAP_WORDS = 2;

/**
 * The verb of saying a date expression dates, when it follows one (« a
 * déclaré mardi la ministre », « a indiqué mercredi 3 juin l'Elysée »,
 * "said on Tuesday"): the date is when it was said, not when what was said
 * happens. Null when no such verb stands right before the date.
 */
export function dateOfStatement(sentence: string, mention: TextSpan, language: Language): TextSpan | null {
  const grammar = grammarFor(language);
  const folded = foldForMatching(sentence);
  const before = wordsOf(sentence, folded.slice(0, mention.start));
  let verb = before.length - 1;
  while (verb >= 0 && before.length - 1 - verb < SPEECH_GAP_WORDS && (grammar.small(before[verb].folded) || grammar.adverb(before[verb].lower))) verb -= 1;
  const word = before[verb];
  if (!word) return null;
  const upTo = folded.slice(Math.max(0, word.end - 40), word.end);
  return grammar.speech.some((pattern) => pattern.test(upTo)) ? { start: word.start, end: word.end } : null;
}

/**
 * Whether what a date dates names the undoing of one of `stems` (folded
 * stems of asked words): « le déconfinement, il commencera le 11 mai » dates
 * the end of a lockdown, not the lockdown.
 */
export function scopeUndoes(sentence: string, scope: DateScope, stems: readonly string[], language: Language): boolean {
  const vocabularies = vocabulariesFor(language);
  const folded = foldForMatching(sentence);
  return wordsOf(sentence, folded).some((w) => inDateScope(scope, w) && stems.some((stem) => vocabularies.some((v) => undoes(w.lower, stem, v))));
}
