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

/** Whether a folded sentence has an event word or a scheduling word: without one, none of its dates makes a claim (a cheap test before the date grammar). */
function saysWhatHappens(folded: string, language: Language): boolean {
  if (hasEventCue(folded, language)) return true;
  return vocabulariesFor(language).some((v) => SCHEDULING[v.language].test(folded));
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
  if (!saysWhatHappens(folded, language)) return [];
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
    let event: DateEventKind | undefined = cue?.value;
    if (!event && SCHEDULED_FOR[vocabularyLanguage(language)].test(masked.slice(Math.max(regionStart, mention.start - 40), mention.start))) event = 'release';
    if (!event && earlier && named) event = earlier.event === 'postponement' ? 'release' : earlier.event;
    if (!event) return;

    let subject: EntityMention | undefined;
    if (cue && !cueOnRight) subject = subjectBefore(cue, mention, windowEnd, parts, masked, entities);
    else if (cue) subject = subjectAfter(cue, parts[dateIndex].start, mention.start, Math.max(windowEnd, clauseEnd(masked, cue.end, limit)), entities);
    else subject = preferProducts(within(entities, regionStart, mention.start), 'last');
    if (subject && subject.kind === 'name' && !(cue && (closeTo(masked, subject, cue) || announcedThing(masked, mention, subject, cue)))) subject = undefined;
    const subjectName = subject?.canonical ?? (!named && cue ? earlier?.subject : undefined);
    if (!subjectName) return;

    let bound = mention.bound;
    const negated = NEGATION[vocabularyLanguage(language)].test(masked.slice(cue && cue.start < mention.start ? Math.max(windowStart, cue.start - 10) : windowStart, mention.start));
    if (negated && bound !== 'before') return;

    const oldDate = event === 'postponement' && (bound === 'from' || /(?:^|\s)(?:de|from)\s$/u.test(masked.slice(windowStart, mention.start)));
    if (oldDate) {
      event = 'release';
      bound = null;
    }
    const formerPlan = reading.formerPlan && event !== 'postponement';
    const past = formerPlan || (event !== 'postponement' && reading.past && !reading.planned && !reading.expected && !reading.reportedPlan);
    const resolved = resolveMention({ ...mention, bound: negated ? null : bound }, { publication, past, nearest: formerPlan }, sentence);
    const start = resolved.range && resolved.open !== 'start' ? isoDay(resolved.range.start) : null;
    const end = resolved.range && resolved.open !== 'end' && !negated ? isoDay(resolved.range.end) : null;
    const endsBeforePublication = Boolean(publication && end && end < isoDay(publication.start));
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
