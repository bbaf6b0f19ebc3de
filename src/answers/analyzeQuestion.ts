import { findEntities, isCompanyName, type EntityMention } from '../facts/entities';
import { namesOfSentence } from '../facts/sentenceNames';
import type { DateEventKind, PartnershipNature } from '../facts/fact';
import { foldForMatching } from '../text/foldForMatching';
import { findEventCues } from '../facts/claimCues';
import { questionLanguage } from '../text/detectLanguage';
import { tieCues, TIE_NATURE_CUES, typeNamedFirst, VOCABULARIES } from '../text/vocabulary';
import type { QuestionKind } from './answer';

/** The kind of fact a "fact" question asks for, which decides what is pulled out of the supporting sentence. */
export type FactTarget = 'code-name' | 'amount' | 'count' | 'person' | 'place' | 'name' | 'other';

/** A product, model or company named in a question. */
export interface SubjectMention {
  /** As the question writes it ("gpt 5"). */
  text: string;
  /** Canonical name (`GPT-5`). */
  canonical: string;
  kind: 'product' | 'company';
  /** The organisation behind it, when known (`OpenAI` for `GPT-5`). */
  company: string | null;
}

/** What a question asks, as the answerer needs it. */
export interface QuestionAnalysis {
  question: string;
  /** What retrieval runs on: the question itself, or for a follow-up the previous question about the new subject. */
  searchQuery: string;
  language: 'fr' | 'en';
  kind: QuestionKind;
  /** Products, models and companies the question is about, in the order written. */
  subjects: SubjectMention[];
  /** Date questions: the event asked about ("unveiled" → `unveiling`), null for "when is X expected". */
  event: DateEventKind | null;
  /** Whether the question speaks of something done ("When was X released?"). */
  past: boolean;
  /** Date questions about the first plan ("originally", « à l'origine »). */
  original: boolean;
  /** Partnership questions: the kind of tie asked about ("who hosts" → `cloud`), null for any. */
  nature: PartnershipNature | null;
  /** Fact questions: what to pull out of the supporting sentence. */
  target: FactTarget;
  /** True when the question was merged with the previous one ("and GPT-4.5?"). */
  followUp: boolean;
  /**
   * False when the text asks nothing: a headline or a statement pasted as is
   * ("Roche va lancer fin septembre un test rapide du coronavirus"). It has no
   * expected answer type, so it gets no short value (see {@link asksSomething}).
   */
  asks: boolean;
}

/** Names to recognise besides the alias table's: those learned from the articles. */
export interface QuestionVocabulary {
  /** Alias (as written) → canonical subject, e.g. `Orion` → `GPT-4.5`. */
  aliases?: ReadonlyMap<string, string>;
  /** The names the articles use, found in a question in any case and spacing (`FactBook.findNames`). */
  findNames?: (question: string) => EntityMention[];
}

const STRONG_DATE = [
  /\bwhen\b/,
  /\bwhat date\b/,
  /\b(release|launch|ship|availability) date\b/,
  /\bwhich (month|year|day|quarter|week)\b/,
  /\bhow soon\b/,
  /\btimeline\b/,
  /\bquand\b/,
  /\bquelle date\b/,
  /\bdate (de|d')\s?(sortie|lancement|disponibilite|presentation|arrivee)\b/,
  /\bpour quand\b/,
  /\bquel(le)? (mois|annee|jour|trimestre|semaine)\b/,
  /\bcalendrier\b/,
];

const DATE_VERBS = [
  /\b(release[sd]?|releasing|launch(es|ed|ing)?|unveil(s|ed|ing)?|deploy(s|ed|ing|ment)?|ship(s|ped|ping)?|roll(ed|ing)? out|come out|available|expected|due|delay(s|ed)?|postpone[sd]?|pushed back|slipp?(ed|ing)?)\b/,
  /\b(sort(ie|ir|ira|iront|i|ies)?|lancement|lance(ra|ront|r|e)?|devoil\w*|deploi\w*|deploy\w*|disponib\w*|prevue?s?|attendue?s?|report\w*|retard\w*|repouss\w*|decal\w*|arrive(ra|ront|r)?)\b/,
];

const PARTNERSHIP = [
  /\bhost(s|ed|ing)?\b/,
  /\bpartner(s|ship|ships|ed|ing)?\b/,
  /\bwork(s|ed|ing)? with\b/,
  /\bteam(s|ed)? up\b/,
  /\binvest(s|ed|ing|or|ors|ment)?\b/,
  /\bback(s|ed|er|ers)\b/,
  /\bfund(s|ed|er|ers|ing)?\b/,
  /\bdeal(s)? with\b/,
  /\balliance\b|\ballied\b|\bally\b/,
  /\bcollaborat\w*/,
  /\bsuppl(y|ies|ied|ier|iers)\b/,
  /\bprovid(e|es|ed|er|ers)\b/,
  /\bcloud\b/,
  /\bties?\b|\btied\b/,
  /\bpartenai\w*/,
  /\bpartenariat\w*/,
  /\bheberg\w*/,
  /\bcollabor\w*/,
  /\bs'allie\w*|\balli(e|es|ance)\b/,
  /\binvesti\w*/,
  /\bfinanc\w*/,
  /\baccord(s)? avec\b/,
  /\bfournit\b|\bfourni(ssent|sseur|sseurs|r)\b/,
  /\btravaille(nt)? avec\b/,
  /\bs'appuie\w*/,
  /\brel(y|ies|ied|ying) on\b/,
  /\bsoutien\w*/,
  /\blien(s)? entre\b|\brelationship\b/,
  ...tieCues('acquisition'),
  ...tieCues('merger'),
];

const STRONG_FACT: Array<[RegExp, FactTarget]> = [
  [/\bcode[\s-]?names?\b|\bcodenamed?\b|\bnom de code\b|\bnom interne\b|\binternal name\b|\bknown internally\b|\bnickname\b|\bsurnom\w*/, 'code-name'],
  [/\bhow much (?!money|cash|funding|capital|will|would|did|does|do|has|have|had|is|are|was|were|can|could|should|to|for|in|of)[a-z]+\b/, 'count'],
  [/\bhow many\b|\bcombien de (?!temps)|\bcombien d'(?!argent|euros|dollars)|\bnombre de\b|\bnumber of\b/, 'count'],
  [/\bhow much\b|\bcombien\b|\bmontant\b|\bamount\b|\bvaluation\b|\bvalued\b|\bvaloris\w*|\bprice\b|\bprix\b|\bcost(s)?\b|\bcout(e|ent)?\b|\bbudget\b/, 'amount'],
  [/\bwhere\b|\bin which (city|state|country|town)\b|\bquelle ville\b|\bdans quel(le)? (ville|pays|etat|region)\b/, 'place'],
  [/\b(ceo|chief executive|chairman|chair|founder|founders|president|head|boss|pdg|directeur|directrice|dirigeant|fondateur|fondateurs|fonde|founded|president)\b/, 'person'],
  [/\bwhich (reasoning |language |ai )?(model|chip|chips|product|assistant)\b|\bquel(le)?s? (modele|puce|puces|produit|assistant)\b/, 'name'],
];

const FOLLOW_UP_OPENERS =
  /^\s*(and|what about|how about|same (question )?for|et|et pour|et concernant|et pour ce qui est de|quid de|qu'en est-il de|et qu'en est-il de|idem pour|meme question pour)\b/;

/** Which event a date question asks about when it names several ("when was the launch announced?" asks the announcement). */
const EVENT_PRIORITY: readonly DateEventKind[] = ['postponement', 'announcement', 'acquisition', 'election', 'match', 'entry-into-force', 'unveiling', 'deployment', 'training', 'launch', 'release', 'held'];

/** The event a date question asks about, from the event words of the shared vocabulary (both languages: questions cross languages). */
function askedEvent(folded: string): DateEventKind | null {
  const found = new Set(findEventCues(folded, 'und').map((cue) => cue.value));
  return EVENT_PRIORITY.find((event) => found.has(event)) ?? null;
}

const NATURE_PRIORITY: readonly PartnershipNature[] = ['acquisition', 'merger', 'chips', 'cloud', 'investment', 'distribution', 'integration', 'research'];

/** The kind of tie a partnership question asks about, from the tie words of the shared vocabulary. */
function askedNature(folded: string): PartnershipNature | null {
  const found = new Set(TIE_NATURE_CUES.filter(([pattern]) => pattern.test(folded)).map(([, nature]) => nature));
  return NATURE_PRIORITY.find((nature) => found.has(nature)) ?? null;
}

const ORIGINAL = /\b(originally|initially|at first|first planned|original plan|a l'origine|initialement|au depart|au debut prevu|d'abord)\b/;

const PAST = /\b(was|were|did|has been|have been|happened|already|a ete|ont ete|est sortie?|sont sortie?s|a-t-(il|elle) ete|ont-(ils|elles) ete|a eu lieu|deja)\b/;

const LOWERCASE_COMMON_WORDS = new Set(['arm', 'meta', 'orange', 'lambda', 'intel', 'sap', 'dell', 'perplexity', 'cohere', 'snowflake', 'thales', 'alexa', 'hopper', 'copilot']);

function titleCased(text: string): string {
  return text.replace(/\p{L}[\p{L}\d]*/gu, (word) => word[0].toUpperCase() + word.slice(1));
}

/**
 * Products, models and companies named in `text`, tolerant of case, spacing
 * and dashes ("gpt 5", "GPT5", "openai"): the alias table's, the names the
 * articles use (`vocabulary.findNames`) and versioned names the question
 * writes itself ("GPT-6", named by no article).
 */
export function findQuestionSubjects(text: string, vocabulary: QuestionVocabulary = {}): SubjectMention[] {
  const aliases = vocabulary.aliases ?? new Map<string, string>();
  const exact = findEntities(text, aliases);
  const loose = findEntities(titleCased(text), aliases).filter((mention) => {
    if (exact.some((known) => mention.start < known.end && known.start < mention.end)) return false;
    return !LOWERCASE_COMMON_WORDS.has(foldForMatching(mention.text));
  });
  const overlapsKnown = (known: EntityMention[]) => (mention: EntityMention) => !known.some((k) => mention.start < k.end && k.start < mention.end);
  const learned = (vocabulary.findNames?.(text) ?? []).filter(overlapsKnown([...exact, ...loose]));
  const versioned = namesOfSentence(text).filter((m) => /\d/.test(m.text)).filter(overlapsKnown([...exact, ...loose, ...learned]));
  const mentions = [...exact, ...loose, ...learned, ...versioned].sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const subjects: SubjectMention[] = [];
  for (const mention of mentions) {
    if (seen.has(mention.canonical)) continue;
    seen.add(mention.canonical);
    subjects.push({
      text: text.slice(mention.start, mention.end),
      canonical: mention.canonical,
      kind: mention.kind === 'company' || isCompanyName(mention.canonical) ? 'company' : 'product',
      company: mention.company,
    });
  }
  return subjects;
}

/** A question word of either vocabulary first ("quand", "qui", "est-ce", "what", "does"…). */
const QUESTION_OPENERS = new RegExp(
  `^(?:${[...new Set([...VOCABULARIES.fr.questionWords, ...VOCABULARIES.en.questionWords])]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}\\d])`,
  'u',
);

/**
 * True when `text` asks something ("Quand sort GPT-5 ?", "who hosts OpenAI")
 * rather than states it ("GPT-5 sort en mars"): a question mark, or an
 * interrogative first word in French or English.
 */
export function isQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (/[?？¿]\s*$/u.test(trimmed) || /\?\s/u.test(trimmed)) return true;
  const folded = foldForMatching(trimmed).replace(/^[^\p{L}]+/u, '');
  return QUESTION_OPENERS.test(folded) || INVERSION.test(folded);
}

/** A verb inverted with its subject pronoun (« sort-il », « a-t-elle »). */
const INVERSION = /\p{L}-(t-)?(il|elle|ils|elles|on)(?![\p{L}-])/u;

/** An interrogative word after a preposition ("De quoi…", "Dans quel pays…", "Par qui…", "In which year…"); not a relative pronoun ("Ces chanteurs qui nous ont quittés"). */
const INTERROGATIVE_AFTER_PREPOSITION = /^(?:grace a|grace au|lors de|lors du|aupres de|aupres du|face a|au cours de|au cours du|a cote de|a partir de|a propos de|en raison de|au sein de|pres de|autour de|because of|instead of|according to|ahead of|a|au|aux|de|du|des|d'|dans|par|pour|avec|en|sur|sous|chez|depuis|vers|selon|contre|entre|parmi|pendant|apres|avant|in|on|at|for|with|by|from|to|of|since|after|before|into|under|during|between|among)\s+(?:[\p{L}']+\s+)?(?:qui|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|combien|quand|ou|whom|which|what|when|where)\b/u;
/** An interrogative word last, or a clipped « qu' » first ("l'information doit être conforme à quoi", "Qu espère…"). */
const INTERROGATIVE_LAST = /(?:\b(?:quoi|qui|quand|ou|combien|what|when|where|who)\W*$|^qu\s)/u;
/** A request in the imperative ("Donnez une chaîne…", "Tell me when…"). */
const REQUEST_OPENERS = /^(?:donne|donnez|dis|dites|cite|citez|nomme|nommez|indique|indiquez|explique|expliquez|decris|decrivez|tell|give|name|list|show|explain|describe)\b/u;
/** A query naming what it wants ("Date de naissance d'Anselm Franz", "Nombre de joueurs…", "Price of the Polestar 2"). */
const WANTED_TYPES = new Set(['date', 'amount', 'count', 'place', 'person', 'name', 'organisation']);

/** A headline's label and its colon ("Prix de l'eau : …", "Electricité: …"), on folded text. */
const HEADLINE_LABEL = /^[^:?]{2,80}?\s?:\s+(?=\S)/u;
/** « Quand » / "when" as a conjunction, before a noun phrase ("Quand une phrase du prince Harry fâche…"). */
const WHEN_CONJUNCTION = /^(?:quand|lorsque|when)\s(?:un|une|le|la|les|l'|des|du|ce|cette|ces|son|sa|ses|the|a|an|his|her|its|their)\s/u;
/** An indirect question in a headline runs on ("Electricité : pourquoi les prix risquent d'augmenter dans les prochains mois"); one of fewer words may be a query typed without its mark. */
const INDIRECT_QUESTION_WORDS = 7;

/** Whether a folded clause asks by its own words: a question word first, after a preposition or last, or an inverted verb. */
function clauseAsks(folded: string): boolean {
  const bare = folded.replace(/[?？!.\s]+$/u, '');
  return QUESTION_OPENERS.test(bare) || INVERSION.test(bare) || INTERROGATIVE_AFTER_PREPOSITION.test(bare) || INTERROGATIVE_LAST.test(bare);
}

/**
 * Headline forms that look like questions and ask nothing: a label and a
 * colon before a statement, question mark or not ("Prix de l'eau : une
 * hausse pour rénover les canalisations ?", "Comment mieux prévenir les
 * cancers : les Français appelés à donner leur avis"), or before a long
 * indirect question without its mark ("Electricité : pourquoi les prix
 * risquent d'augmenter dans les prochains mois"); « quand » / "when" as a
 * conjunction ("Quand une phrase du prince Harry fâche la famille Markle").
 */
function readsAsHeadline(folded: string): boolean {
  const label = HEADLINE_LABEL.exec(folded);
  if (label) {
    const tail = folded.slice(label[0].length);
    if (!clauseAsks(tail)) return true;
    if (!/[?？]/u.test(tail) && !INVERSION.test(tail) && tail.split(/\s+/).length >= INDIRECT_QUESTION_WORDS) return true;
  }
  return !/[?？]/u.test(folded) && !INVERSION.test(folded) && WHEN_CONJUNCTION.test(folded);
}

/**
 * Whether `text` asks something, to be answered with a short value: a
 * question ({@link isQuestion}), an interrogative after a preposition, a
 * request, a query that names what it wants ("Date de naissance de…", a
 * release date, a price, a code name), or a follow-up. A headline or a
 * statement asks nothing ("Kourou: lancement prévu de la fusée européenne
 * Vega", and the headline forms of {@link readsAsHeadline}), nor a text of
 * several phrases whose only cue is a noun of what it could ask ("23
 * milliards d'euros, le coût faramineux du bruit au travail"): any value
 * pulled from it would be a word of the closest sentence with no question to
 * answer.
 */
export function asksSomething(text: string): boolean {
  const folded = foldForMatching(text.trim()).replace(/^[^\p{L}]+/u, '').replace(/\s+/g, ' ');
  if (readsAsHeadline(folded)) return false;
  if (isQuestion(text)) return true;
  const label = HEADLINE_LABEL.exec(folded);
  if (label && clauseAsks(folded.slice(label[0].length))) return true;
  if (INTERROGATIVE_AFTER_PREPOSITION.test(folded) || INTERROGATIVE_LAST.test(folded) || REQUEST_OPENERS.test(folded)) return true;
  const wanted = typeNamedFirst(folded);
  if (wanted && WANTED_TYPES.has(wanted)) return true;
  if (/[,:;]\s/u.test(folded)) return false;
  return STRONG_DATE.some((pattern) => pattern.test(folded)) || STRONG_FACT.some(([pattern, target]) => target !== 'person' && pattern.test(folded));
}

function firstMatch<T>(folded: string, table: Array<[RegExp, T]>): T | null {
  for (const [pattern, value] of table) if (pattern.test(folded)) return value;
  return null;
}

function classify(folded: string): { kind: QuestionKind; target: FactTarget } {
  if (STRONG_DATE.some((pattern) => pattern.test(folded))) return { kind: 'date', target: 'other' };
  const strongFact = firstMatch(folded, STRONG_FACT);
  if (strongFact && strongFact !== 'person') return { kind: 'fact', target: strongFact };
  const partnership = PARTNERSHIP.some((pattern) => pattern.test(folded));
  if (strongFact === 'person' && !(partnership && /\b(who|qui)\b/.test(folded) && !/\b(who|qui) (is|was|est|etait)\b/.test(folded))) {
    return { kind: 'fact', target: 'person' };
  }
  if (partnership) return { kind: 'partnership', target: 'other' };
  if (DATE_VERBS.some((pattern) => pattern.test(folded))) return { kind: 'date', target: 'other' };
  if (/^\s*(who|qui)\b/.test(folded)) return { kind: 'fact', target: 'person' };
  return { kind: 'fact', target: 'other' };
}

function isFollowUp(question: string, folded: string, subjects: SubjectMention[]): boolean {
  if (subjects.length === 0) return false;
  if (FOLLOW_UP_OPENERS.test(folded)) return true;
  const words = folded.replace(/\s+/g, ' ').trim().split(' ').length;
  const subjectWords = subjects.reduce((sum, subject) => sum + subject.text.split(/\s+/).length, 0);
  return words - subjectWords <= 1 && question.trim().length <= 40;
}

function replaceSubjects(previous: string, previousSubjects: SubjectMention[], subjects: SubjectMention[]): string {
  const replacement = subjects.map((subject) => subject.text).join(' ');
  const first = previousSubjects[0];
  if (!first) return `${previous.replace(/[?？]\s*$/, '')} ${replacement}?`;
  return previous.split(first.text).join(replacement);
}

/**
 * Reads a question: its language (French or English; English when unsure),
 * what it asks (a date, a partnership or another fact, and which one), and
 * the subjects it names, matching "gpt 5", "GPT5" and "Gpt-5" alike. A
 * follow-up such as "and GPT-4.5?" or « et GPT-4.5 ? » takes the previous
 * question's intent with the new subject.
 */
export function analyzeQuestion(question: string, previousQuestion?: string, vocabulary: QuestionVocabulary = {}): QuestionAnalysis {
  const folded = foldForMatching(question);
  const subjects = findQuestionSubjects(question, vocabulary);
  if (previousQuestion && previousQuestion.trim() !== '' && isFollowUp(question, folded, subjects)) {
    const previous = analyzeQuestion(previousQuestion, undefined, vocabulary);
    return {
      ...previous,
      question,
      searchQuery: replaceSubjects(previousQuestion, previous.subjects, subjects),
      language: questionLanguage(question, previous.language),
      subjects,
      followUp: true,
      asks: true,
    };
  }
  const { kind, target } = classify(folded);
  return {
    question,
    searchQuery: question,
    language: questionLanguage(question, 'en'),
    kind,
    subjects,
    event: kind === 'date' ? askedEvent(folded) : null,
    past: PAST.test(folded),
    original: ORIGINAL.test(folded),
    nature: kind === 'partnership' ? askedNature(folded) : null,
    target,
    followUp: false,
    asks: asksSomething(question),
  };
}
