import type { Article } from '../articles/article';
import { canonicalSubject } from './entities';
import { foldForMatching } from '../text/foldForMatching';
import { STOP_WORDS } from '../text/stopWords';
import { vocabularyLanguage } from '../text/language';
import { inEitherLanguage, VOCABULARIES, type NameKind, type Vocabulary } from '../text/vocabulary';
import { isKnownPlace } from '../text/placeNames';
import { isNumberNotName, isOrdinalWord } from '../text/numberShapes';

/** A name an article uses, found from the text itself, with its exact offsets. */
export interface LearnedName {
  start: number;
  end: number;
  text: string;
  /** The name as written, spaces collapsed and a possessive dropped ("Galaxy S25", "A350-1000", "Nouvelle-Zélande"). */
  canonical: string;
  kind: NameKind;
  /** The organisation the text says it is of ("GPT-4.5 d'OpenAI", "OpenAI's GPT-4.5"), as written there; only for a name with a digit (a product or model). */
  maker?: string;
}

/** One name of an article with how it reads across the article (the kind most of its cues give). */
export interface ArticleName {
  name: string;
  kind: NameKind;
  count: number;
  /** The organisation the article says the name is of, when it says so (see {@link LearnedName.maker}). */
  maker?: string;
}

const WORD = /(?:[ldjmnstcLDJMNSTC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=\p{L})|[\p{L}\p{N}]+(?:(?<=\p{N})[.,](?=\p{N})\p{N}+|-[\p{L}\p{N}]+)*/gu;
const ELISION = /['’]$/u;
const TITLE_ABBREVIATIONS = new Set(['m', 'mm', 'mme', 'mlle', 'dr', 'pr', 'mr', 'mrs', 'ms', 'st', 'me']);
const PARTICLES = inEitherLanguage((v) => v.nameParticles);
const CAPITAL = /^\p{Lu}/u;
const HAS_DIGIT = /\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const INNER_CAPITAL = /^\p{Ll}+\p{Lu}/u;
const MONTHS_AND_DAYS = new Set(
  [VOCABULARIES.fr, VOCABULARIES.en].flatMap((v) => [...Object.keys(v.dates.months), ...v.dates.weekdays]),
);
/** Every person's title of both vocabularies, folded ("ministre", "PDG", "Mme"). */
export const PERSON_TITLES: ReadonlySet<string> = inEitherLanguage((v) => v.personTitles);
const CORPORATE_SUFFIX = /^(?:sa|sas|inc|ltd|llc|plc|corp|ag|gmbh|spa|nv|bv)$/;

interface Word {
  text: string;
  folded: string;
  start: number;
  end: number;
  /** First word of its sentence (a capital there says nothing). */
  opens: boolean;
}

/** A capitalised word run into the end of the one before it: "au PakistanLe gouvernement", "le 6MEDIASIl". */
const GLUED_TAIL = /(?<=[\p{Ll}\p{N}]|\p{Lu}{2})\p{Lu}\p{Ll}*$/u;
/** A capitalised word run into a number, or a number of three characters or more into a word: "en 2020Tous les", "FRANCE 24Carole Delga", "Fonctionnaires2.593 postes" (not "Covid19", "Windows10"). */
const GLUED_NUMBER = /^\p{N}+(?=\p{Lu}\p{Ll}{2,})|^\p{L}\p{Ll}{4,}(?=\p{N}[\p{N}.,]{2,})/u;
/** What every glued word has, a digit or a capital after its first letter: most words have neither and skip the two tests. */
const MAY_BE_GLUED = /\p{N}|.\p{Lu}/u;
const SENTENCE_OPENERS = new Set([VOCABULARIES.fr, VOCABULARIES.en].flatMap((v) => [...v.determiners, ...v.subjectPronouns]));

/**
 * Where `word`, at `start` in `text`, is two words glued together, a
 * sentence run into the one before without a space (OrangeSum's headings run
 * into their paragraphs): the tail is a determiner or a subject pronoun
 * ("PakistanLe", "2020L'"), or a word and a number ("2020Tous"). -1 when
 * the word is one word ("McLaren", "iPhone", "OnePlus"), and when the text
 * writes the same word again: a sentence runs into another once, a name
 * recurs ("MoveOn" twice is no "Move" and « On »).
 */
function gluedCut(text: string, start: number, word: string): number {
  if (!MAY_BE_GLUED.test(word)) return -1;
  const end = start + word.length;
  const number = GLUED_NUMBER.exec(word);
  if (number) return start + number[0].length;
  const tail = GLUED_TAIL.exec(word);
  if (!tail || text.indexOf(word, end) >= 0 || text.lastIndexOf(word, start - 1) >= 0) return -1;
  const elided = /^['’]/u.test(text.slice(end, end + 1)) ? "'" : '';
  if (tail[0].length < 2 && !elided) return -1;
  return SENTENCE_OPENERS.has(foldForMatching(tail[0]) + elided) ? start + tail.index : -1;
}

function wordsOf(text: string, folded: string): Word[] {
  const words: Word[] = [];
  let last = 0;
  const push = (start: number, end: number, opens: boolean) => words.push({ text: text.slice(start, end), folded: folded.slice(start, end), start, end, opens });
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const cut = gluedCut(text, start, match[0]);
    push(start, cut > start ? cut : end, opensSentence(text.slice(last, start), words));
    if (cut > start) push(cut, end, true);
    last = end;
  }
  return words;
}

/** Whether a word after `between` (the text since the last word) opens a sentence. */
function opensSentence(between: string, words: readonly Word[]): boolean {
  if (between === ' ') return words.length === 0;
  const previous = words[words.length - 1];
  const afterTitle = previous !== undefined && TITLE_ABBREVIATIONS.has(previous.folded) && /^\.\s+$/u.test(between);
  return !afterTitle && (words.length === 0 || /[.!?:;«»"“”\n]\s*$/u.test(between) || /^\s*[-–—•]\s*$/u.test(between));
}

function isStop(folded: string): boolean {
  return STOP_WORDS.fr.has(folded) || STOP_WORDS.en.has(folded);
}

/**
 * Whether a word may be part of a name: capitalised (and, opening a
 * sentence, also capitalised elsewhere in the article), with inner capitals
 * ("iPhone", "eBay"), or a model number ("S25", "A350-1000").
 */
function nameWord(word: Word, capitalisedInside: ReadonlySet<string>): boolean {
  if (ELISION.test(word.text)) return false;
  const hasDigit = HAS_DIGIT.test(word.text);
  if (!hasDigit && !CAPITAL.test(word.text) && !INNER_CAPITAL.test(word.text)) return false;
  if (isNumberNotName(word.text, word.folded)) return false;
  if (hasDigit && HAS_LETTER.test(word.text)) return true;
  if (INNER_CAPITAL.test(word.text)) return true;
  if (!CAPITAL.test(word.text) || word.text.length < 2) return false;
  if (MONTHS_AND_DAYS.has(word.folded)) return false;
  if (word.opens) return !isStop(word.folded) && capitalisedInside.has(word.folded);
  return !isStop(word.folded) || word.text === word.text.toUpperCase();
}

/**
 * Whether a run of capitals is a phrase set in capitals rather than a name:
 * four words or more, or a function word among them ("IL AURAIT FAIT
 * AUTREMENT", "SARKOZY COMPARE LEURS HISTOIRES"); "BANK OF AMERICA", "AIR
 * FRANCE KLM" and "PSG" stay names.
 */
function isShouted(run: readonly Word[]): boolean {
  if (run.length < 2 || !run.every((w) => w.text === w.text.toUpperCase() && HAS_LETTER.test(w.text))) return false;
  const words = run.filter((w, k) => k === 0 || k === run.length - 1 || !PARTICLES.has(w.folded));
  return words.length >= 4 || words.some((w) => isStop(w.folded));
}

/** A number that continues a name as its version or model ("Galaxy S 25", "Audi Q5 40 TDI"), not a count, time, rank or year. */
function modelNumber(word: Word): boolean {
  return HAS_DIGIT.test(word.text) && !isNumberNotName(word.text, word.folded) && word.text.length <= 8;
}

/** Whether the word after `words[k]` goes on with the name, right after a space ("Challenger 50th Anniversary Edition"). */
function nameContinues(text: string, words: readonly Word[], k: number, capitalisedInside: ReadonlySet<string>): boolean {
  const after = words[k + 1];
  return after !== undefined && text.slice(words[k].end, after.start) === ' ' && nameWord(after, capitalisedInside);
}

/** A person's title written as an acronym ("PDG", "CEO"): it says who a name is, it is no name itself. */
function isTitle(word: Word): boolean {
  return word.text === word.text.toUpperCase() && PERSON_TITLES.has(word.folded);
}

/**
 * Whether "X de Y" names Y's X rather than one name: X is a versioned
 * product ("GPT-5 d'OpenAI", "iPhone 12 d'Apple") or Y a name the alias
 * table lists ("le cluster Azure Computing Power de Microsoft").
 */
function ownerFollows(words: Word[], first: number, last: number, afterParticle: Word): boolean {
  if (words.slice(first, last + 1).some((w) => HAS_DIGIT.test(w.text))) return true;
  return canonicalSubject(afterParticle.text) !== null;
}

/**
 * The lower-case words right before a name, nearest first, up to three and
 * up to the first function word or punctuation: the noun that types the
 * name and its adjectives ("le groupe pharmaceutique suisse Roche").
 */
function wordsBefore(text: string, words: Word[], first: number): Word[] {
  const found: Word[] = [];
  for (let k = first - 1; k >= 0 && found.length < 3; k -= 1) {
    const word = words[k];
    if (!/^\s+$/u.test(text.slice(word.end, words[k + 1].start)) || CAPITAL.test(word.text) || HAS_DIGIT.test(word.text)) break;
    found.push(word);
    if (isStop(word.folded)) break;
  }
  return found;
}

/** The words of an apposition after a name (", la marque premium de Nissan", ", le PDG de"), function words left out. */
function appositionAfter(text: string, words: Word[], last: number): Word[] {
  const next = words[last + 1];
  if (!next || !/^\s*,\s*$/u.test(text.slice(words[last].end, next.start))) return [];
  return words.slice(last + 1, last + 4).filter((w) => !isStop(w.folded) && !CAPITAL.test(w.text));
}

function kindOf(text: string, words: Word[], first: number, last: number, vocabulary: Vocabulary): NameKind {
  const inside = words.slice(first, last + 1);
  const before = words[first - 1];
  const after = words[last + 1];
  const cues = wordsBefore(text, words, first);
  const apposition = appositionAfter(text, words, last);
  const cued = (set: ReadonlySet<string>) => cues.some((w) => set.has(w.folded)) || apposition.slice(0, 2).some((w) => set.has(w.folded));
  if (inside.some((w) => HAS_DIGIT.test(w.text) && !isOrdinalWord(w.text, w.folded))) return 'product';
  if (after && CORPORATE_SUFFIX.test(after.folded)) return 'organisation';
  if (inside.length > 1 && vocabulary.organisationCues.has(inside[0].folded)) return 'organisation';
  if (before && (vocabulary.personTitles.has(before.folded) || TITLE_ABBREVIATIONS.has(before.folded))) return 'person';
  if (cued(vocabulary.organisationCues)) return 'organisation';
  if (cued(vocabulary.personTitles)) return 'person';
  if (before && vocabulary.eventCues.has(before.folded)) return 'event';
  const joined = inside.map((w) => w.folded).join(' ');
  if (isKnownPlace(joined)) return 'place';
  if (before && vocabulary.placePrepositions.has(before.folded) && inside.length <= 2) return 'place';
  return 'other';
}

function canonicalOf(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/['’]s$/u, '').trim();
}

/**
 * Finds the names a text uses, from the text itself: runs of capitalised
 * words, with the particles names carry inside ("Bureau du recensement des
 * États-Unis", "Bank of America") and their versions and model numbers
 * ("Galaxy S25", "A350-1000", "iOS 18.2", "GPT-4.5"), each typed by the
 * words around it (an organisation after "le groupe" or before "SA", a
 * person after a title, a place after a preposition of place, an event after
 * "la finale", a product when it has a number). A capital that only opens a
 * sentence makes a name only when the article capitalises the word elsewhere too.
 */
export function learnNames(text: string, language: Article['language'], folded: string = foldForMatching(text)): LearnedName[] {
  const vocabulary = VOCABULARIES[vocabularyLanguage(language)];
  const words = wordsOf(text, folded);
  const capitalisedInside = new Set(words.filter((w) => !w.opens && CAPITAL.test(w.text)).map((w) => w.folded));
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < words.length) {
    const opensWithOrdinal = HAS_DIGIT.test(words[i].text) && isOrdinalWord(words[i].text, words[i].folded) && nameContinues(text, words, i, capitalisedInside);
    if ((!nameWord(words[i], capitalisedInside) && !opensWithOrdinal) || isTitle(words[i])) {
      i += 1;
      continue;
    }
    let last = i;
    for (;;) {
      const next = words[last + 1];
      if (!next || next.opens || !/^[\s'’-]*$/u.test(text.slice(words[last].end, next.start)) || !/^\s?$/u.test(text.slice(words[last].end, next.start).replace(/[^\s]/gu, ''))) break;
      if (nameWord(next, capitalisedInside) || modelNumber(next) || (isOrdinalWord(next.text, next.folded) && nameContinues(text, words, last + 1, capitalisedInside))) {
        last += 1;
        continue;
      }
      const afterParticle = words[last + 2];
      if (
        PARTICLES.has(next.folded) &&
        afterParticle &&
        !afterParticle.opens &&
        CAPITAL.test(afterParticle.text) &&
        nameWord(afterParticle, capitalisedInside) &&
        !ownerFollows(words, i, last, afterParticle)
      ) {
        last += 2;
        continue;
      }
      break;
    }
    if (isShouted(words.slice(i, last + 1))) {
      i = last + 1;
      continue;
    }
    runs.push([i, last]);
    i = last + 1;
  }
  const names = splitAtNamesUsedAlone(text, words, runs).map(([first, last]): LearnedName => {
    const start = words[first].start;
    const end = words[last].end;
    const raw = text.slice(start, end);
    return { start, end, text: raw, canonical: canonicalOf(raw), kind: kindOf(text, words, first, last, vocabulary) };
  });
  markMakers(text, names);
  return names;
}

const COMPLEMENT_OF = inEitherLanguage((v) => v.complementOf);
/** « et », "and": a particle inside names ("Procter and Gamble") that also joins two names. */
const COORDINATORS = inEitherLanguage((v) => v.claims.coordinators);

/** Whether the word before `words[first]` is a person's title or the « de » of one's complement (« le député LREM », « le maire de », « la ministre de l'Economie »). */
function afterTitleOrComplement(text: string, words: readonly Word[], first: number): boolean {
  const before = words[first - 1];
  if (!before || !/^\s*$/u.test(text.slice(before.end, words[first].start))) return false;
  if (PERSON_TITLES.has(before.folded) || COMPLEMENT_OF.has(before.folded)) return true;
  const beforeThat = words[first - 2];
  return ELISION.test(before.text) && before.folded.startsWith('l') && beforeThat !== undefined && COMPLEMENT_OF.has(beforeThat.folded);
}

/**
 * Splits a run joined by « et » / "and" whose two sides the text also uses
 * alone ("Salesforce and Slack" beside "Salesforce" and "Slack": two names;
 * "Procter and Gamble" stays one). Splits a run of capitalised words that follows a title or its « de » and
 * ends with a name the text also uses alone: "le ministre de l'Economie Agnès Pannier-Runacher … Agnès
 * Pannier-Runacher a annoncé" gives "Economie" and "Agnès Pannier-Runacher",
 * "le maire de Lyon Grégory Doucet" gives "Lyon" and "Grégory Doucet". The
 * name kept must be two words or more, with no model number ("Porsche Cayman
 * GT4" stays whole), and the part before it must not end on a particle
 * ("Concours d'Élégance d'Amelia Island" stays whole).
 */
function splitAtNamesUsedAlone(text: string, words: readonly Word[], runs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const canonicalOfRun = (first: number, last: number) => canonicalOf(text.slice(words[first].start, words[last].end));
  const usedAlone = new Set(runs.map(([first, last]) => canonicalOfRun(first, last)));
  return runs.flatMap(([first, last]): Array<[number, number]> => {
    for (let k = first + 1; k < last; k += 1) {
      if (COORDINATORS.has(words[k].folded) && usedAlone.has(canonicalOfRun(first, k - 1)) && usedAlone.has(canonicalOfRun(k + 1, last))) return [[first, k - 1], [k + 1, last]];
    }
    if (!afterTitleOrComplement(text, words, first)) return [[first, last]];
    for (let k = first + 1; k < last; k += 1) {
      if (PARTICLES.has(words[k].folded) || PARTICLES.has(words[k - 1].folded)) continue;
      const tail = canonicalOfRun(k, last);
      if (usedAlone.has(tail) && !HAS_DIGIT.test(tail)) return [[first, k - 1], [k, last]];
    }
    return [[first, last]];
  });
}

/** "X d'Y", "X de Y", "X of Y", "X by Y" between two names. */
const MAKER_AFTER = /^\s+(?:d['’]|de\s+|du\s+|of\s+|by\s+|from\s+)$/u;
/** "X et Y d'Z", "X, Y and Z of W": names joined before the maker. */
const JOINED = /^\s*(?:,|et|and|&)\s*$|^\s+(?:et|and|&)\s+$/u;
const POSSESSIVE = /['’]s$/u;

/**
 * Marks, on product-like names (with a digit: "GPT-4.5", "Galaxy S25"), the
 * name the text gives as their maker: the name right after "d'" / "de" /
 * "of" / "by" ("les modèles GPT-4.5 et GPT-5 d'OpenAI", names joined by "et"
 * sharing it), or the possessive before ("OpenAI's GPT-4.5"). Whether the
 * maker is an organisation is the corpus's to say (see `NameDirectory`).
 */
function markMakers(text: string, names: LearnedName[]): void {
  for (let j = names.length - 2; j >= 0; j -= 1) {
    const name = names[j];
    const next = names[j + 1];
    const gap = text.slice(name.end, next.start);
    if (!HAS_DIGIT.test(name.canonical)) continue;
    if (MAKER_AFTER.test(gap) && !HAS_DIGIT.test(next.canonical)) name.maker = next.canonical;
    else if (JOINED.test(gap) && next.maker) name.maker = next.maker;
  }
  for (let j = 0; j + 1 < names.length; j += 1) {
    const owner = names[j];
    const named = names[j + 1];
    if (POSSESSIVE.test(owner.text) && /^\s+$/u.test(text.slice(owner.end, named.start)) && HAS_DIGIT.test(named.canonical) && !HAS_DIGIT.test(owner.canonical)) {
      named.maker ??= owner.canonical;
    }
  }
}

/**
 * The names of a whole article, each once, with the kind most of its
 * mentions' cues give (a name cued once as "le groupe X" is an organisation
 * everywhere in the article) and how often it is used.
 */
export function articleNames(learned: LearnedName[]): ArticleName[] {
  type Tally = { kinds: Map<NameKind, number>; count: number; maker?: string };
  const byName = new Map<string, Tally>();
  for (const name of learned) {
    const entry: Tally = byName.get(name.canonical) ?? { kinds: new Map(), count: 0 };
    entry.count += 1;
    if (name.kind !== 'other') entry.kinds.set(name.kind, (entry.kinds.get(name.kind) ?? 0) + 1);
    entry.maker ??= name.maker;
    byName.set(name.canonical, entry);
  }
  return [...byName.entries()].map(([name, { kinds, count, maker }]) => {
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
    return maker === undefined ? { name, kind, count } : { name, kind, count, maker };
  });
}
