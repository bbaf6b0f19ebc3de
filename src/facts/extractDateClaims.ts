import type { Article } from '../articles/article';
import type { Language } from '../text/language';
import { citeSpan } from '../passages/citation';
import type { TextSpan } from '../passages/passage';
import { isoDay, publicationInterval } from './calendar';
import { findEventCues, hasEventCue, readStatusCues, sentenceIsHearsay, type Cue } from './claimCues';
import type { ClaimStatus, DateClaim, DateEventKind } from './fact';
import { findDateExpressions, resolveMention, type DateMention } from './findDateExpressions';
import type { EntityMention } from './entities';
import { foldForMatching } from '../text/foldForMatching';
import { vocabulariesFor, vocabularyLanguage } from '../text/language';
import { VOCABULARIES } from '../text/vocabulary';

/** What the date-claim extractor needs about one sentence. */
export interface SentenceContext {
  article: Article;
  span: TextSpan;
  /** Products and organisations named in the sentence, aliases already mapped to their subject. */
  entities: EntityMention[];
}

const CONTINUATION = /^\s*(?:et|mais|puis|qui|ou|devrait|devraient|sera|seront|est|sont|a|ont|va|vont|doit|doivent|pourrait|and|but|then|which|who|should|will|would|could|is|are|was|were|has|have|had|must|may|might)(?![\p{L}\d])/u;
/** A clause's negation and the words that schedule a release without a release verb ("prévu pour", "slated for"), per language. */
const NEGATION = { fr: new RegExp(VOCABULARIES.fr.claims.negation, 'u'), en: new RegExp(VOCABULARIES.en.claims.negation, 'u') };
const SCHEDULED_FOR = { fr: new RegExp(VOCABULARIES.fr.claims.scheduledFor, 'u'), en: new RegExp(VOCABULARIES.en.claims.scheduledFor, 'u') };

/** The scheduling words anywhere in a sentence (the patterns above hold them right before a date). */
const SCHEDULING = {
  fr: new RegExp(VOCABULARIES.fr.claims.scheduledFor.replace(/\$$/, ''), 'u'),
  en: new RegExp(VOCABULARIES.en.claims.scheduledFor.replace(/\$$/, ''), 'u'),
};

/** One language's words for events named by what they are, compiled once. */
interface NamedEventWords {
  nouns: Array<[RegExp, DateEventKind]>;
  /** Any of the nouns, or a noun of « la date de », anywhere (the cheap test before the date grammar). */
  anywhere: RegExp;
  frames: RegExp;
  dateOf: RegExp;
  toDate: RegExp;
}

/** The nouns of an event-noun pattern, its last plain group (« municipales?|presidentielle|... »), for a test without its context. */
function nounsOf(source: string): string {
  const groups = [...source.matchAll(/\((?!\?)([^()]*)\)/gu)];
  return groups[groups.length - 1]?.[1] ?? source;
}

function compileNamedEvents(language: 'fr' | 'en'): NamedEventWords {
  const words = VOCABULARIES[language].claims;
  const nouns = words.eventNouns.map(([source, kind]): [RegExp, DateEventKind] => [new RegExp(`(?:^|[^\\p{L}-])${source}(?![\\p{L}-])`, 'gud'), kind]);
  const dateNouns = words.dateOf.replace(/^\(\?:\^\|\[\^\\p\{L\}\]\)/u, '').replace(/\\s\?\$$|\$$/u, '');
  return {
    nouns,
    anywhere: new RegExp(`${words.eventNouns.map(([source]) => nounsOf(source)).join('|')}|${dateNouns}`, 'u'),
    frames: new RegExp(words.eventFrames, 'u'),
    dateOf: new RegExp(words.dateOf, 'u'),
    toDate: new RegExp(words.eventToDate, 'u'),
  };
}

const NAMED_EVENT_WORDS = { fr: compileNamedEvents('fr'), en: compileNamedEvents('en') };

const PUBLICATION = { fr: new RegExp(VOCABULARIES.fr.claims.publication, 'u'), en: new RegExp(VOCABULARIES.en.claims.publication, 'u') };

/** Whether an event cue is a word of publication (« publiée mercredi »): a study or a post comes out so, and only a product is its subject. */
function isPublication(cue: Cue<DateEventKind>, masked: string, language: Language): boolean {
  const word = masked.slice(cue.start, cue.end);
  return cue.value === 'release' && vocabulariesFor(language).some((v) => PUBLICATION[v.language].test(word));
}

/** A name written as the complement of a common noun (« des cas de Covid-19 », « la lutte contre le Covid-19 »). */
const COMPLEMENT_OF_NOUN = /(?:^|\s)\p{Ll}[\p{L}-]{2,}\s(?:de|du|des|d['’]|au|aux|contre)\s?(?:(?:la|le|les)\s|l['’])?$/u;

/**
 * Whether a name is the complement of a common noun other than its event word
 * and away from that word (« une rapide augmentation du nombre de cas de
 * Covid-19, a annoncé la préfecture mardi »): it qualifies that noun, the event
 * is someone else's. Right by the event word (« la sortie de l'iPhone 12 ») it
 * is the event's.
 */
function complementFarFromCue(sentence: string, masked: string, name: EntityMention, cue: Cue<DateEventKind>): boolean {
  return COMPLEMENT_OF_NOUN.test(sentence.slice(Math.max(0, name.start - 40), name.start)) && !closeTo(masked, name, cue);
}

const LETTER_OR_FIGURE = /[\p{L}\p{N}]/u;

/** Whether `text` holds `word` as a whole word, case kept. */
function writesWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!LETTER_OR_FIGURE.test(text.charAt(at - 1)) && !LETTER_OR_FIGURE.test(text.charAt(at + word.length))) return true;
  }
  return false;
}

/** Per article, the one-word names it also writes in lower case. */
const LOWER_CASE_USES = new WeakMap<Article, Map<string, boolean>>();

/**
 * Whether a one-word name the article does not type is a common noun set in
 * capitals (« la Cour suprême », « le Journal du dimanche », « le ministre de la
 * Santé »): the article writes the same word in lower case elsewhere. Such a
 * word names an institution only in part, never a dated subject.
 */
function isCommonNoun(article: Article, name: EntityMention): boolean {
  if (name.kind !== 'name' || /[\s\d]|.\p{Lu}/u.test(name.canonical)) return false;
  let uses = LOWER_CASE_USES.get(article);
  if (!uses) LOWER_CASE_USES.set(article, (uses = new Map()));
  let lower = uses.get(name.canonical);
  if (lower === undefined) {
    const word = name.canonical.charAt(0).toLocaleLowerCase() + name.canonical.slice(1);
    lower = writesWord(article.text, word);
    uses.set(name.canonical, lower);
  }
  return lower;
}

/** Whether a folded sentence has an event word or a scheduling word: without one (or an event noun, {@link namesEventByNoun}), none of its dates makes a claim (a cheap test before the date grammar). */
function saysWhatHappens(folded: string, language: Language): boolean {
  if (hasEventCue(folded, language)) return true;
  return vocabulariesFor(language).some((v) => SCHEDULING[v.language].test(folded));
}

/** Whether a folded sentence names an event by a noun (« municipales », « la date du ») and has a figure for its day: its dates may make claims though it names no one. */
export function namesEventByNoun(folded: string, language: Language): boolean {
  return /\d/u.test(folded) && vocabulariesFor(language).some((v) => NAMED_EVENT_WORDS[v.language].anywhere.test(folded));
}

/** An event a sentence names right before one of its dates, as a subject: the noun or the name, its kind, and the election round the text gives. */
interface NamedEvent {
  subject: string;
  event: DateEventKind;
  /** Where the name of the event ends: a postponement word between it and the date moves it. */
  end: number;
  /** True for an election: its subject takes the year of its date (« Municipales 2020 »). */
  dated: boolean;
}

/** An election's round written one way whatever the text's words (« second tour », « deuxième tour » → « 2e tour »): the round's word swapped for the shortest ordinal of its number with a digit. */
function roundLabel(folded: string, ordinals: Readonly<Record<string, number>>): string {
  const [word, ...rest] = folded.split(' ');
  const number = ordinals[word];
  if (number === undefined) return folded;
  const written = Object.keys(ordinals).filter((o) => ordinals[o] === number && /\d/u.test(o)).sort((a, b) => a.length - b.length)[0];
  return [written ?? word, ...rest].join(' ');
}

/** « Municipales (second tour) » in 2020: « Municipales 2020 (second tour) ». */
function datedEventName(subject: string, year: string): string {
  const round = subject.indexOf(' (');
  return round < 0 ? `${subject} ${year}` : `${subject.slice(0, round)} ${year}${subject.slice(round)}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The event a date is the date of when the sentence names it right before it,
 * with at most a scheduling participle and a preposition between: an event
 * noun (« le second tour des municipales le 28 juin », « le déconfinement,
 * prévu le 11 mai »), not framed as another day (« la levée du confinement le
 * 11 mai »), or a name after « la date de » (« la date du Brexit fixée au 31
 * octobre »). The date then dates that event, whatever else the sentence says.
 */
function namedEventBefore(sentence: string, masked: string, from: number, mention: { start: number }, entities: EntityMention[], language: Language): NamedEvent | undefined {
  for (const vocabulary of vocabulariesFor(language)) {
    const words = NAMED_EVENT_WORDS[vocabulary.language];
    const before = masked.slice(from, mention.start);
    for (const [pattern, kind] of words.nouns) {
      let last: RegExpExecArray | undefined;
      for (const match of before.matchAll(pattern)) last = match;
      const noun = last?.indices?.[2];
      if (!last || !noun) continue;
      const end = last.index + last[0].length;
      if (!words.toDate.test(before.slice(end)) || words.frames.test(before.slice(0, last.indices![1]?.[0] ?? noun[0]))) continue;
      const round = last.indices![1] ? roundLabel(before.slice(last.indices![1][0], last.indices![1][1]), vocabulary.dates.ordinals) : '';
      const name = capitalised(sentence.slice(from + noun[0], from + noun[1]));
      return { subject: round ? `${name} (${round})` : name, event: kind, end: from + end, dated: kind === 'election' };
    }
    for (const entity of within(entities, from, mention.start)) {
      if (words.dateOf.test(masked.slice(from, entity.start)) && words.toDate.test(masked.slice(entity.end, mention.start))) {
        return { subject: entity.canonical, event: 'held', end: entity.end, dated: false };
      }
    }
  }
  return undefined;
}

/** Replaces what is inside parentheses with spaces: asides ("(probablement ...)") do not hedge the main clause. */
function maskParentheses(folded: string): string {
  let depth = 0;
  let out = '';
  for (const char of folded) {
    if (char === '(') depth += 1;
    out += depth > 0 ? ' ' : char;
    if (char === ')' && depth > 0) depth -= 1;
  }
  return out;
}

/** Comma-separated segments of `[from, to)`, outside parentheses. */
function segments(masked: string, from: number, to: number): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = from;
  for (let i = from; i < to; i += 1) {
    if (masked[i] === ',' || masked[i] === ';' || masked[i] === ':') {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  spans.push({ start, end: to });
  return spans;
}

function clauseEnd(masked: string, from: number, limit: number): number {
  const rest = masked.slice(from, limit);
  const stop = rest.search(/[,;:]|\s(?:mais|but|while|tandis que|alors que)\s/u);
  return stop < 0 ? limit : from + stop;
}

/**
 * The names a dated subject is looked for among, most likely first:
 * products, then other names (a company or an event the article does not
 * type), then everything (organisations too).
 */
function subjectPools(entities: EntityMention[]): EntityMention[][] {
  const products = entities.filter((e) => e.kind === 'product');
  const named = entities.filter((e) => e.kind !== 'company');
  return [products, named, entities];
}

function preferProducts(entities: EntityMention[], order: 'first' | 'last'): EntityMention | undefined {
  const pool = subjectPools(entities).find((p) => p.length > 0) ?? [];
  return order === 'first' ? pool[0] : pool[pool.length - 1];
}

function within(entities: EntityMention[], from: number, to: number): EntityMention[] {
  return entities.filter((e) => e.start >= from && e.end <= to);
}

/** A name after a date and a preposition ("présentée le 13 octobre au Mondial de Paris") is where or what else, not the subject. */
const PLACE_AFTER_DATE = /(?:^|[^\p{L}])(?:au|aux|a|en|de|du|des|dans|sur|chez|lors|pendant|at|in|on|during|from|to|for)\s(?:[^,;:]*\s)?$/u;

const CONJUNCTION = /(?:^|\s)(?:et|mais|puis|qui|and|but|then|which|who|while|tandis que|alors que)\s/gu;

/** A platform named after a preposition ("deployed on Azure") is where the event happens, not what it is about. */
const PLACE_BEFORE = /(?:^|[^\p{L}])(?:on|onto|via|through|into|in|to|sur|dans|chez|avec|with|pour|for)\s*$/u;

function lastConjunction(masked: string, from: number, to: number): number | null {
  let at: number | null = null;
  CONJUNCTION.lastIndex = 0;
  for (const match of masked.slice(from, to).matchAll(CONJUNCTION)) at = from + match.index;
  return at;
}

function wordCount(text: string): number {
  return (text.match(/\p{L}+/gu) ?? []).length;
}

/**
 * Where to look for the event cue of a date: its own comma-clause, and the
 * clauses before while they name nothing ("Le lancement de Mistral Large 3,
 * initialement prévu au printemps, ...", "GPT-5 sera lancé, selon nos
 * informations, en mai").
 */
function cueRegionStart(masked: string, parts: TextSpan[], dateIndex: number, dateStart: number, entities: EntityMention[]): number {
  let index = dateIndex;
  let start = parts[index].start;
  for (let back = 0; back < 3 && index > 0; back += 1) {
    const end = index === dateIndex ? dateStart : parts[index].end;
    if (within(entities, parts[index].start, end).length > 0) break;
    index -= 1;
    start = parts[index].start;
  }
  return start;
}

/**
 * The subject of an event cue before its date: the first product between
 * the cue and the date ("lancera GPT-5 en mai") or right after the date
 * ("a dévoilé lundi Mistral Large"), else the nearest before the cue in its
 * clause ("GPT-5 sera lancé"), else, when the clause continues an earlier
 * one ("..., et devrait être lancé"), the nearest in the clauses before.
 * Products win over organisations.
 */
function subjectBefore(
  cue: Cue<unknown>,
  mention: { start: number; end: number },
  clauseEnd: number,
  parts: TextSpan[],
  masked: string,
  entities: EntityMention[],
): EntityMention | undefined {
  const index = parts.findIndex((p) => cue.start >= p.start && cue.start < p.end);
  if (index < 0) return undefined;
  const conjunction = lastConjunction(masked, parts[index].start, cue.start);
  const subStart = conjunction ?? parts[index].start;
  const subText = masked.slice(subStart, cue.start);
  const continues = conjunction !== null || CONTINUATION.test(subText) || subText.trim() === '';
  const gapIsShort = wordCount(masked.slice(cue.end, mention.start)) <= 1;
  const looks: Array<(pool: EntityMention[]) => EntityMention | undefined> = [
    (pool) => within(pool, cue.end, mention.start).find((e) => !PLACE_BEFORE.test(masked.slice(Math.max(0, e.start - 12), e.start))),
    (pool) => (gapIsShort ? within(pool, mention.end, Math.min(clauseEnd, mention.end + 60)).find((e) => !PLACE_AFTER_DATE.test(masked.slice(mention.end, e.start))) : undefined),
    (pool) => within(pool, subStart, cue.start).pop(),
    (pool) => (continues ? within(pool, parts[index].start, subStart).pop() : undefined),
    (pool) => {
      if (!continues) return undefined;
      for (let back = 1; back <= 3 && index - back >= 0; back += 1) {
        const found = within(pool, parts[index - back].start, parts[index - back].end).pop();
        if (found) return found;
      }
      return undefined;
    },
  ];
  for (const pool of subjectPools(entities)) {
    for (const look of looks) {
      const found = look(pool);
      if (found) return found;
    }
  }
  return undefined;
}

/** The subject of an event cue after its date ("Google on Wednesday released Gemini 2.0 Flash"). */
function subjectAfter(cue: Cue<unknown>, clauseStart: number, dateStart: number, clauseEnd: number, entities: EntityMention[]): EntityMention | undefined {
  for (const pool of subjectPools(entities)) {
    const found = within(pool, cue.end, clauseEnd)[0] ?? within(pool, clauseStart, dateStart).pop();
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether a name stands right by its event word ("la sortie de X", "X
 * sortira", "X a été reporté"): at most three words between, none of them
 * opening another clause. A name the article does not type is a dated
 * subject only then.
 */
function closeTo(masked: string, name: EntityMention, cue: Cue<unknown>): boolean {
  const gap = name.end <= cue.start ? masked.slice(name.end, cue.start) : masked.slice(cue.end, name.start);
  return wordCount(gap) <= 3 && !CLAUSE_LINK.test(gap) && !/[,;:]/u.test(gap);
}

/**
 * Whether a name is what an announcement made on a date is about: "Renault a
 * annoncé mardi que la nouvelle Twingo sera présentée...", the first name
 * after "que"/"that" right after the date.
 */
function announcedThing(masked: string, mention: { end: number }, name: EntityMention, cue: Cue<DateEventKind>): boolean {
  if (cue.value !== 'announcement' || name.start < mention.end) return false;
  const gap = masked.slice(mention.end, name.start);
  return /^\s*(?:que|qu'|that)(?:[^\p{L}]|$)/u.test(gap) && wordCount(gap) <= 4 && !/[,;:]/u.test(gap);
}

const CLAUSE_LINK = /(?:^|[^\p{L}])(?:que|qu'|that|which|who|et|and|mais|but|dont|ou|or)(?:[^\p{L}]|$)/u;

/**
 * An event cue after its date, only when the date stands between a subject
 * and its verb ("Google on Wednesday released...") or opens the sentence
 * ("En mai, OpenAI lancera GPT-5"): at most three words away, and not across
 * "que"/"that" ("a déclaré lundi que la sortie..." is no release on Monday).
 */
function cueAfter(
  masked: string,
  language: Language,
  mention: { start: number; end: number },
  regionStart: number,
  windowEnd: number,
  limit: number,
): Cue<DateEventKind> | undefined {
  const opensSentence = wordCount(masked.slice(regionStart, mention.start)) <= 1;
  const end = opensSentence && masked[windowEnd] === ',' ? clauseEnd(masked, windowEnd + 1, limit) : windowEnd;
  const cue = findEventCues(masked, language, mention.end, end)[0];
  if (!cue) return undefined;
  const gap = masked.slice(mention.end, cue.start);
  return wordCount(gap) <= 3 && !CLAUSE_LINK.test(gap) ? cue : undefined;
}

/** Events a sentence names by what they are: when one is there, it is what its dates are about ("les élections, qui devaient avoir lieu le 19"). */
const SPECIFIC_EVENTS: ReadonlySet<DateEventKind> = new Set(['acquisition', 'election', 'match', 'entry-into-force']);

/**
 * The event a date is about among the cues before it: a postponement (the
 * last one), else an event named by what it is, else the last cue that is
 * not an announcement nor a mere "takes place", else the last one.
 */
function chooseCue(cues: Array<Cue<DateEventKind>>): Cue<DateEventKind> | undefined {
  const postponement = cues.filter((c) => c.value === 'postponement').pop();
  if (postponement) return postponement;
  const named = cues.filter((c) => SPECIFIC_EVENTS.has(c.value)).pop();
  if (named) return named;
  const specific = cues.filter((c) => c.value !== 'announcement' && c.value !== 'held').pop();
  return specific ?? cues[cues.length - 1];
}

function statusOf(
  event: DateEventKind,
  reading: ReturnType<typeof readStatusCues>,
  hearsay: boolean,
  endsBeforePublication: boolean,
  formerPlan: boolean,
): ClaimStatus {
  if (reading.cancelled) return 'cancelled';
  if (event === 'postponement') return 'postponed';
  if (reading.rumoured || hearsay) return 'rumoured';
  if (reading.expected) return 'expected';
  if (reading.reportedPlan || reading.planned) return 'planned';
  if (reading.conditional) return 'rumoured';
  if (formerPlan && !reading.past) return 'planned';
  if (reading.past || endsBeforePublication) return 'done';
  return 'planned';
}

/**
 * The dated claims of one sentence: for each date expression, the event cue
 * nearest before it (or after it, in the same clause), the subject attached
 * to that cue, and the status its clause's tense and hedges give. A date
 * with no event cue or no subject gives no claim: a missing claim is better
 * than a wrong one.
 */
export function extractDateClaims({ article, span, entities: named }: SentenceContext): DateClaim[] {
  const sentence = article.text.slice(span.start, span.end);
  const language = article.language;
  const folded = foldForMatching(sentence);
  const namesEvent = namesEventByNoun(folded, language);
  if (!namesEvent && !saysWhatHappens(folded, language)) return [];
  const mentions = findDateExpressions(sentence, language, folded);
  if (mentions.length === 0) return [];
  const masked = maskParentheses(folded);
  const publication = publicationInterval(article.published);
  const hearsay = sentenceIsHearsay(masked, language);
  const entities = named.filter((e) => !mentions.some((m) => e.start < m.end && m.start < e.end));
  const claims: Array<DateClaim & { mention: DateMention }> = [];
  const citation = citeSpan(article, span);

  mentions.forEach((mention, i) => {
    const previous = mentions[i - 1];
    const next = mentions[i + 1];
    const windowStart = previous ? previous.end : 0;
    const limit = next ? next.start : masked.length;
    const windowEnd = clauseEnd(masked, mention.end, limit);
    if (masked[mention.start] === ' ' && sentence[mention.start] === '(') return;

    const parts = segments(masked, windowStart, limit);
    const dateIndex = Math.max(0, parts.findIndex((p) => mention.start >= p.start && mention.start <= p.end));
    const regionStart = cueRegionStart(masked, parts, dateIndex, mention.start, entities);
    let cue = chooseCue(findEventCues(masked, language, regionStart, mention.start));
    const cueOnRight = !cue;
    if (!cue) cue = cueAfter(masked, language, mention, regionStart, windowEnd, limit);
    const reading = readStatusCues(masked.slice(regionStart, cueOnRight && cue ? cue.end : mention.end), language);
    const earlier = claims[claims.length - 1];

    const named = within(entities, regionStart, mention.start).length > 0;
    const namedEvent = namesEvent && /\d/u.test(mention.text) ? namedEventBefore(sentence, masked, windowStart, mention, entities, language) : undefined;
    if (namedEvent) {
      const moved = findEventCues(masked, language, namedEvent.end, mention.start).some((c) => c.value === 'postponement');
      cue = { start: namedEvent.end, end: namedEvent.end, value: moved ? 'postponement' : namedEvent.event };
    }
    let event: DateEventKind | undefined = cue?.value;
    if (!event && SCHEDULED_FOR[vocabularyLanguage(language)].test(masked.slice(Math.max(regionStart, mention.start - 40), mention.start))) event = 'release';
    if (!event && earlier && named) event = earlier.event === 'postponement' ? 'release' : earlier.event;
    if (!event) return;

    let subject: EntityMention | undefined;
    if (namedEvent) subject = undefined;
    else if (cue && !cueOnRight) subject = subjectBefore(cue, mention, windowEnd, parts, masked, entities);
    else if (cue) subject = subjectAfter(cue, parts[dateIndex].start, mention.start, Math.max(windowEnd, clauseEnd(masked, cue.end, limit)), entities);
    else subject = preferProducts(within(entities, regionStart, mention.start), 'last');
    if (subject && subject.kind === 'name' && !(cue && (closeTo(masked, subject, cue) || announcedThing(masked, mention, subject, cue)))) subject = undefined;
    if (subject && cue && event === 'election' && subject.end <= cue.start) subject = undefined;
    if (subject && (isCommonNoun(article, subject) || (cue && complementFarFromCue(sentence, masked, subject, cue)))) subject = undefined;
    if (!namedEvent && cue && isPublication(cue, masked, language) && subject?.kind !== 'product') return;
    let subjectName = namedEvent?.subject ?? subject?.canonical ?? (!named && cue ? earlier?.subject : undefined);
    if (!subjectName) return;

    let bound = mention.bound;
    const negated = NEGATION[vocabularyLanguage(language)].test(masked.slice(cue && cue.start < mention.start ? Math.max(windowStart, cue.start - 10) : windowStart, mention.start));
    if (negated && bound !== 'before') return;

    const oldDate = event === 'postponement' && (bound === 'from' || /(?:^|\s)(?:de|from)\s$/u.test(masked.slice(windowStart, mention.start)));
    if (oldDate) {
      event = 'release';
      bound = null;
    }
    const movedAfter = namedEvent !== undefined && event !== 'postponement' && findEventCues(masked, language, mention.end, limit).some((c) => c.value === 'postponement');
    const formerPlan = (reading.formerPlan || movedAfter) && event !== 'postponement';
    const past = formerPlan || (event !== 'postponement' && reading.past && !reading.planned && !reading.expected && !reading.reportedPlan);
    const resolved = resolveMention({ ...mention, bound: negated ? null : bound }, { publication, past, nearest: namedEvent && !formerPlan ? 'either' : formerPlan }, sentence);
    if (namedEvent && resolved.relative) return;
    const start = resolved.range && resolved.open !== 'start' ? isoDay(resolved.range.start) : null;
    const end = resolved.range && resolved.open !== 'end' && !negated ? isoDay(resolved.range.end) : null;
    const endsBeforePublication = Boolean(publication && end && end < isoDay(publication.start));
    if (namedEvent?.dated) {
      if (!start || start !== end) return;
      subjectName = datedEventName(namedEvent.subject, start.slice(0, 4));
    }
    const status = oldDate ? 'planned' : statusOf(event, reading, hearsay, endsBeforePublication, formerPlan);
    claims.push({
      subject: subjectName,
      event,
      when: mention.text,
      start,
      end,
      relative: resolved.relative,
      status,
      ...(formerPlan ? { formerPlan: true } : {}),
      citation,
      mention,
    });
  });
  return claims.map(({ mention: _mention, ...claim }) => claim);
}
