import type { Language } from '../text/language';
import { findDateExpressions } from '../facts/findDateExpressions';
import type { TextSpan } from '../passages/passage';
import { foldForMatching } from '../text/foldForMatching';
import { STOP_WORDS } from '../text/stopWords';
import { isKnownPlace } from '../text/placeNames';
import type { Token } from '../text/tokenize';
import { VOCABULARIES, type AnswerType, type Vocabulary } from '../text/vocabulary';
import { isYear } from '../text/numberShapes';

/** A word of a sentence as the answerer reads it. */
export interface ReadToken extends Token {
  /** Folded form (`foldForMatching`). */
  folded: string;
  /** A stop word in the sentence's language. */
  stop: boolean;
  /** The word matches a term of the question. */
  asked: boolean;
  /** The term it matches is part of a focus name (or a number) of the question. */
  askedName: boolean;
  /** The weight of the question term it matches (0 when it matches none). */
  weight: number;
  /** The index of the question term it matches, -1 when none. */
  askedTerm: number;
}

/** What a sentence word is to the question: the term it matches, a name's or not, and that term's weight. */
export interface AskedTerm {
  name: boolean;
  weight: number;
  /** Index of the term among the question's. */
  term: number;
}

/** A possible answer inside one sentence: a span, its type and where it sits among the sentence's words. */
export interface AnswerCandidate extends TextSpan {
  value: string;
  type: AnswerType;
  /** Index of its first and last word in the sentence's tokens. */
  first: number;
  last: number;
}

const HAS_DIGIT = /\p{N}/u;
const CAPITAL = /^\p{Lu}/u;
const NUMBER_WORDS = new Set(
  'un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante cent cents mille dizaine douzaine quinzaine vingtaine trentaine centaine millier one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty fifty hundred thousand dozen dozens hundreds thousands'.split(' '),
);
const CLAUSE_MARK = /[,;:()«»"“”\[\]—–]|\s-\s/;
const CENTURY = /(?<![\p{L}])(?:[IVXLC]+|\d{1,2})(?:e|er|eme|ème)\s+si[eè]cle(?![\p{L}])|(?<![\p{L}])(?:\d{1,2})(?:st|nd|rd|th)\s+century(?![\p{L}])|(?<![\p{L}])(?:ann[ée]es|the)\s+(?:1[0-9]|20)\d0s?(?![\p{L}\p{N}])/gu;

function vocabularyOf(language: Language): Vocabulary {
  return VOCABULARIES[language === 'en' ? 'en' : 'fr'];
}

function isStop(norm: string, language: Language): boolean {
  return language === 'en' ? STOP_WORDS.en.has(norm) : STOP_WORDS.fr.has(norm) || (language === 'und' && STOP_WORDS.en.has(norm));
}

/**
 * Words of a sentence, as the index's tokenizer cuts them where it matters
 * here (elisions apart, versions and decimals whole: `l'`, `GPT-4.5`, `3,9`)
 * but in one pass: the reader reads a few dozen sentences per question.
 */
const WORD = /(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})|[\p{L}\p{N}]+(?:[.,](?=\p{N})\p{N}+|-(?=\p{N})\p{N}+|(?<=\p{N})-[\p{L}\p{N}]+|(?<=\p{L})-(?=\p{N})[\p{N}.]+)*/giu;

/**
 * Reads a sentence's words, marking stop words and the words that match the
 * question (`asked`); `foldedText` is the sentence already folded, when the
 * caller has it (a slice of its article's folded text).
 */
export function readTokens(text: string, language: Language, asked: (token: Token, folded: string) => AskedTerm | null, foldedText = foldForMatching(text)): ReadToken[] {
  const tokens: ReadToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const folded = foldedText.slice(start, end).replace(/’/g, "'");
    const stop = folded.length < 2 || folded.endsWith("'") || isStop(folded, language);
    const token: ReadToken = { text: match[0], norm: folded, start, end, folded, stop, asked: false, askedName: false, weight: 0, askedTerm: -1 };
    const found = stop ? null : asked(token, folded);
    if (found !== null) {
      token.asked = true;
      token.askedName = found.name;
      token.weight = found.weight;
      token.askedTerm = found.term;
    }
    tokens.push(token);
  }
  return tokens;
}

function gapIsSpace(text: string, a: ReadToken, b: ReadToken): boolean {
  return /^[\s'’-]*$/.test(text.slice(a.end, b.start));
}

function isNameWord(token: ReadToken, index: number): boolean {
  if (token.text.endsWith("'") || token.text.endsWith('’')) return false;
  if (CAPITAL.test(token.text)) return index > 0 || !token.stop;
  return /\p{Ll}\p{Lu}/u.test(token.text) || (HAS_DIGIT.test(token.text) && /\p{L}/u.test(token.text) && !/^\p{N}+(?:e|er|eme|th|st|nd|rd)$/u.test(token.text));
}

/** What follows a title after these words is its domain, not its holder ("ministre des Affaires étrangères", "head of Sales"). */
const TITLE_DOMAIN = /^(?:de|des|du|d'|of)$/u;

function kindOfName(tokens: ReadToken[], first: number, last: number, vocabulary: Vocabulary): AnswerType {
  const before = tokens[first - 1];
  const twoBefore = tokens[first - 2];
  const after = tokens[last + 1];
  const words = tokens.slice(first, last + 1).map((t) => t.folded);
  if (words.some((w) => vocabulary.organisationCues.has(w)) || (after && vocabulary.organisationCues.has(after.folded) && /^(?:sa|sas|inc|ltd|llc|plc|corp|fc)$/.test(after.folded))) return 'organisation';
  if (before && vocabulary.organisationCues.has(before.folded)) return 'organisation';
  if (before && vocabulary.personTitles.has(before.folded)) return 'person';
  if (twoBefore && vocabulary.personTitles.has(twoBefore.folded) && before && (before.stop || CAPITAL.test(before.text))) return TITLE_DOMAIN.test(before.folded) ? 'name' : 'person';
  if (words.some((w) => HAS_DIGIT.test(w))) return 'product';
  if (before && vocabulary.eventCues.has(before.folded)) return 'name';
  if (isKnownPlace(words.join(' '))) return 'place';
  if (before && vocabulary.placePrepositions.has(before.folded)) return 'place';
  const capitalised = words.length >= 2 && tokens.slice(first, last + 1).every((t) => CAPITAL.test(t.text));
  return capitalised ? 'person' : 'name';
}

const LIST_JOINT = /^(?:,\s*|\s+(?:et|and|ou|or)\s+|,\s*(?:et|and)\s+)$/u;

/** Names of one kind written as a list ("Arthur Mensch, Guillaume Lample et Timothée Lacroix"), as one candidate. */
function nameLists(text: string, names: AnswerCandidate[]): AnswerCandidate[] {
  const lists: AnswerCandidate[] = [];
  let run: AnswerCandidate[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const first = run[0];
      const last = run[run.length - 1];
      const types = new Set(run.map((r) => r.type));
      lists.push({ start: first.start, end: last.end, value: text.slice(first.start, last.end), type: types.size === 1 ? first.type : 'name', first: first.first, last: last.last });
    }
    run = [];
  };
  for (const name of names) {
    const previous = run[run.length - 1];
    if (previous && LIST_JOINT.test(text.slice(previous.end, name.start))) run.push(name);
    else {
      flush();
      run = [name];
    }
  }
  flush();
  return lists;
}

/** Capitalised runs, particles and versions inside ("Giulio Cappelli", "Bureau du recensement des États-Unis", "Galaxy S25"). */
function nameCandidates(text: string, tokens: ReadToken[], vocabulary: Vocabulary): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i], i) || isYear(tokens[i].text)) {
      i += 1;
      continue;
    }
    let last = i;
    for (;;) {
      const next = tokens[last + 1];
      if (!next || !gapIsSpace(text, tokens[last], next)) break;
      if (isNameWord(next, last + 1) || (HAS_DIGIT.test(next.text) && !isYear(next.text) && next.text.length <= 6)) {
        last += 1;
        continue;
      }
      const afterParticle = tokens[last + 2];
      if (vocabulary.nameParticles.has(next.folded) && afterParticle && gapIsSpace(text, next, afterParticle) && isNameWord(afterParticle, last + 2)) {
        last += 2;
        continue;
      }
      break;
    }
    found.push({
      start: tokens[i].start,
      end: tokens[last].end,
      value: text.slice(tokens[i].start, tokens[last].end),
      type: kindOfName(tokens, i, last, vocabulary),
      first: i,
      last,
    });
    i = last + 1;
  }
  return found;
}

function tokenIndexAt(tokens: ReadToken[], offset: number, fromEnd = false): number {
  if (fromEnd) {
    for (let i = tokens.length - 1; i >= 0; i -= 1) if (tokens[i].start < offset) return i;
    return 0;
  }
  for (let i = 0; i < tokens.length; i += 1) if (tokens[i].end > offset) return i;
  return tokens.length - 1;
}

function spanCandidate(text: string, tokens: ReadToken[], start: number, end: number, type: AnswerType): AnswerCandidate {
  return { start, end, value: text.slice(start, end), type, first: tokenIndexAt(tokens, start), last: tokenIndexAt(tokens, end, true) };
}

/** Date expressions ("fin mai", "le 22 juin 1941"), centuries and decades, bare years. */
function dateCandidates(text: string, tokens: ReadToken[], language: Language): AnswerCandidate[] {
  const found = findDateExpressions(text, language).map((m) => spanCandidate(text, tokens, m.start, m.end, 'date'));
  for (const match of text.matchAll(CENTURY)) found.push(spanCandidate(text, tokens, match.index, match.index + match[0].length, 'date'));
  for (const token of tokens) {
    if (!isYear(token.text)) continue;
    if (found.some((c) => c.start <= token.start && token.end <= c.end)) continue;
    found.push(spanCandidate(text, tokens, token.start, token.end, 'date'));
  }
  return found;
}

/** Numbers with their scale and unit ("20 milliards d'euros", "30 000 hommes", "22 %", "treize"). */
function numberCandidates(text: string, tokens: ReadToken[], vocabulary: Vocabulary): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const ordinal = /^\p{N}+(?:e|er|ere|eme|ème|ieme|ième|th|st|nd|rd)$/u.test(token.text);
    const numeric = /^\p{N}[\p{N}.,]*$/u.test(token.text) || ordinal;
    if (!numeric && !NUMBER_WORDS.has(token.folded)) continue;
    if ((token.folded === 'un' || token.folded === 'une' || token.folded === 'one') && !(tokens[i + 1] && vocabulary.scales.has(tokens[i + 1].folded))) continue;
    if (isYear(token.text) && !/^\s*(?:%|hommes|habitants|km|m|euros|dollars)/u.test(text.slice(token.end, token.end + 10))) continue;
    let last = i;
    while (tokens[last + 1] && /^\p{N}{3}$/u.test(tokens[last + 1].text) && /^[\s\u00a0\u202f]$/u.test(text.slice(tokens[last].end, tokens[last + 1].start))) last += 1;
    let end = tokens[last].end;
    let type: AnswerType = ordinal ? 'other' : 'count';
    const rest = text.slice(end, end + 3);
    if (/^\s?%/.test(rest)) end = end + rest.indexOf('%') + 1;
    const symbol = /^[\s\u00a0\u202f]?[$€£]/u.exec(rest);
    if (symbol) {
      end += symbol[0].length;
      type = 'amount';
    }
    let j = last + 1;
    if (symbol) {
      found.push(spanCandidate(text, tokens, token.start, end, type));
      i = last;
      continue;
    }
    if (tokens[j] && vocabulary.scales.has(tokens[j].folded)) {
      end = tokens[j].end;
      j += 1;
    }
    if (tokens[j] && (tokens[j].folded === 'de' || tokens[j].folded === "d'" || tokens[j].folded === 'of') && tokens[j + 1] && vocabulary.currencies.has(tokens[j + 1].folded)) j += 1;
    if (tokens[j] && vocabulary.currencies.has(tokens[j].folded)) {
      end = tokens[j].end;
      type = 'amount';
    } else if (tokens[j] && !tokens[j].stop && !tokens[j].asked && /^\p{L}/u.test(tokens[j].text) && gapIsSpace(text, tokens[j - 1], tokens[j])) {
      end = tokens[j].end;
    }
    const before = text.slice(Math.max(0, token.start - 2), token.start);
    let start = token.start;
    if (/[$€£]\s?$/.test(before)) {
      start = token.start - before.replace(/^.*?([$€£]\s?)$/, '$1').length;
      type = 'amount';
    }
    found.push(spanCandidate(text, tokens, start, end, type));
    i = last;
  }
  return found;
}

function trimStops(tokens: ReadToken[], first: number, last: number): [number, number] | null {
  let a = first;
  let b = last;
  while (a <= b && (tokens[a].stop || tokens[a].asked)) a += 1;
  while (b >= a && (tokens[b].stop || tokens[b].asked)) b -= 1;
  return a <= b ? [a, b] : null;
}

const CHUNK_LIMIT = 7;

/**
 * Runs of words the question does not use, between clause marks and the
 * question's own words, trimmed of stop words: the noun phrases an open
 * question ("Qu'a produit Picasso pour Cocteau ?") is answered by.
 */
function chunkCandidates(text: string, tokens: ReadToken[]): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  let runStart = -1;
  const close = (end: number) => {
    if (runStart < 0) return;
    const trimmed = trimStops(tokens, runStart, end);
    runStart = -1;
    if (!trimmed) return;
    let [a, b] = trimmed;
    const askedBefore = a > 0 && tokens[a - 1].asked;
    if (b - a + 1 > CHUNK_LIMIT) {
      if (askedBefore || !(b + 1 < tokens.length && tokens[b + 1].asked)) b = a + CHUNK_LIMIT - 1;
      else a = b - CHUNK_LIMIT + 1;
      const again = trimStops(tokens, a, b);
      if (!again) return;
      [a, b] = again;
    }
    found.push({ start: tokens[a].start, end: tokens[b].end, value: text.slice(tokens[a].start, tokens[b].end), type: 'other', first: a, last: b });
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const breaks = i > 0 && CLAUSE_MARK.test(text.slice(tokens[i - 1].end, tokens[i].start));
    if (breaks) close(i - 1);
    if (tokens[i].asked) {
      close(i - 1);
      continue;
    }
    if (runStart < 0) runStart = i;
  }
  close(tokens.length - 1);
  return found;
}

/** Marks that end a phrase for good; a comma may sit inside one ("hauts postes exécutifs, administratifs et politiques"). */
const PHRASE_BREAK = /[;:()«»"“”\[\]—–]|\s-\s/;
/** The longest phrase an open question is answered with. */
const PHRASE_LIMIT = 12;

/**
 * The phrases an open question may be answered by, beside the chunks: every
 * run of words the question does not use (over commas too), cut at each of
 * its words from either end, so that the score can pick how much of the run
 * answers ("réclame [la portion de l'Arctique] s'étalant entre les méridiens").
 */
function phraseCandidates(text: string, tokens: ReadToken[]): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  const runs: Array<[number, number]> = [];
  let runStart = -1;
  for (let i = 0; i <= tokens.length; i += 1) {
    const ends = i === tokens.length || tokens[i].asked || (i > 0 && PHRASE_BREAK.test(text.slice(tokens[i - 1].end, tokens[i].start)));
    if (ends && runStart >= 0) {
      runs.push([runStart, i - 1]);
      runStart = -1;
    }
    if (i < tokens.length && !tokens[i].asked && runStart < 0) runStart = i;
  }
  for (const [from, to] of runs) {
    const trimmed = trimStops(tokens, from, to);
    if (!trimmed) continue;
    const [a, b] = trimmed;
    const add = (x: number, y: number) => {
      if (tokens[x].stop || tokens[y].stop || y - x + 1 > PHRASE_LIMIT) return;
      found.push({ start: tokens[x].start, end: tokens[y].end, value: text.slice(tokens[x].start, tokens[y].end), type: 'other', first: x, last: y });
    };
    for (let y = a; y <= b && y - a < PHRASE_LIMIT; y += 1) add(a, y);
    for (let x = b; x > a && b - x < PHRASE_LIMIT; x -= 1) add(x, b);
  }
  return found;
}

/** The clause a reason word opens ("car …", "parce que …", "because …"), up to the next clause mark. */
function reasonCandidates(text: string, tokens: ReadToken[], vocabulary: Vocabulary): AnswerCandidate[] {
  const folded = foldForMatching(text);
  const match = vocabulary.reasonCues.exec(folded) ?? VOCABULARIES.fr.reasonCues.exec(folded) ?? VOCABULARIES.en.reasonCues.exec(folded);
  if (!match) return [];
  const start = match.index + match[0].length;
  const rest = text.slice(start);
  const stop = rest.search(/[;:()]|,\s(?:mais|but|alors|tandis|while)\b|\.\s/u);
  const end = start + (stop < 0 ? rest.length : stop);
  const trimmedStart = start + (rest.length - rest.trimStart().length);
  if (end - trimmedStart < 3) return [];
  const candidate = spanCandidate(text, tokens, trimmedStart, end, 'reason');
  const words = candidate.last - candidate.first + 1;
  if (words > 14) {
    const cutEnd = tokens[candidate.first + 13].end;
    return [{ ...candidate, end: cutEnd, value: text.slice(trimmedStart, cutEnd), last: candidate.first + 13 }];
  }
  return [candidate];
}

/** Questions answered by a phrase rather than a typed value. */
export const OPEN_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(['other', 'manner', 'reason', 'yes-no', 'name']);

/**
 * Every answer candidate of a sentence: names (typed person, organisation,
 * place or product by the words around them), dates, numbers and amounts,
 * reasons, and the open noun phrases left between the question's words.
 */
export function findAnswerCandidates(text: string, tokens: ReadToken[], language: Language, expected: AnswerType): AnswerCandidate[] {
  const vocabulary = vocabularyOf(language);
  const names = nameCandidates(text, tokens, vocabulary);
  const candidates = [...names, ...nameLists(text, names), ...dateCandidates(text, tokens, language), ...numberCandidates(text, tokens, vocabulary)];
  if (expected === 'reason') candidates.push(...reasonCandidates(text, tokens, vocabulary));
  candidates.push(...chunkCandidates(text, tokens));
  if (OPEN_TYPES.has(expected)) {
    const taken = new Set(candidates.map((c) => `${c.start}:${c.end}`));
    for (const phrase of phraseCandidates(text, tokens)) {
      const key = `${phrase.start}:${phrase.end}`;
      if (!taken.has(key)) {
        taken.add(key);
        candidates.push(phrase);
      }
    }
  }
  return candidates;
}
