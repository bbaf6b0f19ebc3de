import { analyzeTokens, termOf } from '../text/analyzeTerms';
import { expandWithLexicon, isConcept } from '../text/expandWithLexicon';
import { foldForMatching } from '../text/foldForMatching';
import { STOP_WORDS } from '../text/stopWords';
import { tokenize, type Token } from '../text/tokenize';
import { expectedAnswerType, foldQuestion, headNouns, whichPhrase } from '../text/expectedAnswerType';
import { typeOfNoun, VOCABULARIES, type AnswerType, type DateRole, type Vocabulary } from '../text/vocabulary';
import { isOrdinalWord, isYear, ordinalNouns, type OrdinalNoun } from '../text/numberShapes';

/** A name the question asks about, with the parts that tell it from its neighbours. */
export interface FocusName {
  /** As the question writes it ("Galaxy S26"). */
  text: string;
  /** Folded words, particles left out (`galaxy`, `s26`). */
  words: string[];
  /** Words with digits: versions, model numbers ("s26", "4.5"); an article must write them next to the name. */
  distinctive: string[];
  /** Written after a preposition of place ("aux États-Unis", "in France"): a constraint rather than the subject. */
  place: boolean;
}

/** One meaningful term of the question, with how much it tells the answer's sentence apart. */
export interface QuestionTerm {
  /** The stem (or norm, for names and versions) in the question's language. */
  term: string;
  /** The stem the same word has in the other language (for cross-language matching), when it differs. */
  otherTerm?: string;
  /** Lexicon concepts the word expresses (`~delay` for "postponed"): it meets a sentence in either language through them. */
  concepts: string[];
  weight: number;
  /** Some passage holds the term (by either stem or a concept); false for a word the articles never use. */
  known: boolean;
  /** The word says what kind of answer is asked ("prix", "initialement") rather than what it is about. */
  cue: boolean;
  /** The term is (part of) a focus name: the gate already holds it, so it tells sentences apart less than the asked words. */
  name: boolean;
}

/** How common an analysed term is: the share of indexed passages holding it (0 when none does). */
export type TermShare = (term: string) => number;

/** Options of {@link readQuestion}. */
export interface ReadQuestionOptions {
  /** How common each term is in the indexed passages: rare words weigh more. Without it, every word weighs alike. */
  termShare?: TermShare;
}

/** What a question asks, as the extractive answerer needs it. */
export interface QuestionReading {
  question: string;
  language: 'fr' | 'en';
  /** The type of value the answer must be. */
  expected: AnswerType;
  /** The names the question is about; an article must name every one to be read. */
  names: FocusName[];
  /** Years the question names ("en 2029"): an answer must come from a passage about that year. */
  years: string[];
  /** Which step of a story a date question asks for. */
  role: DateRole | null;
  /** Weighted terms of the question, names and numbers weighing most. */
  terms: QuestionTerm[];
  /** Lexicon concepts the question expresses (`~release`), to meet sentences in the other language. */
  concepts: string[];
  /** Folded words of the question: an answer made only of them restates the question. */
  words: ReadonlySet<string>;
  /** Whether the question is written in the past ("When was X founded?"). */
  past: boolean;
  /** For "how many X" / « combien de X », the index in `terms` of X: a count's unit should be it ("296 jours" for "how many days"). */
  counted: number | null;
  /** The counted noun names people (« personnes », « habitants », "employees"). */
  countsPeople: boolean;
  /** The counted noun names people in general (« personnes », "people", see `peopleNouns`): a count of any people noun answers ("1.100 victimes"). */
  countsAnyone: boolean;
  /** The counted noun names a time (« combien de temps », "how many days"): only then does a number before a time ("9 août", « trois heures ») answer. */
  countsTime: boolean;
  /** The question asks a person's age (« quel âge », "how old"): only a number stated as an age answers. */
  asksAge: boolean;
  /** The nouns the question counts in order (« le second tour »): a sentence about another of them does not answer. */
  ordinals: OrdinalNoun[];
  /**
   * For « quel X » / "which X", the indexes in `terms` of X, the noun the
   * answer is an instance of: news writes the answer beside it ("la
   * compagnie suédoise Stena Line", "le vaisseau Vulture").
   */
  heads: Array<{ term: number; word: string }>;
  /** The question asks another name of something ("nom de code", "nickname"): the answer's sentence must give one. */
  naming: boolean;
  /** The question asks for a year (« en quelle année », "what year"): a date answers with its year alone. */
  asksYear: boolean;
}

const HAS_DIGIT = /\p{N}/u;
const CAPITAL = /^\p{Lu}/u;
const INNER_CAPITAL = /^\p{Ll}+\p{Lu}/u;
const PAST = /\b(?:was|were|did|has been|have been|had|a ete|ont ete|a-t-(?:il|elle)|ont-(?:ils|elles)|avait|avaient|etait|etaient|fut|furent)\b|\b\p{L}+(?:ed)\b|-t-(?:il|elle)\s+(?:ete|eu)\b/u;

/** Whether a folded word names a time: a month, a unit of time (« jours », "hours") or a date noun. */
export function namesTime(word: string): boolean {
  const singular = word.replace(/[sx]$/u, '');
  return (['fr', 'en'] as const).some((l) => {
    const { months, units } = VOCABULARIES[l].dates;
    return [word, singular].some((w) => months[w] !== undefined || units[w] !== undefined || VOCABULARIES[l].typeNouns[w] === 'date');
  });
}

/** Weight of a question word no passage holds. */
const UNKNOWN_WORD_WEIGHT = 0.35;
/** Share of its weight kept by a word that says what kind of answer is asked ("prix", "coûte", "initialement") rather than what about. */
const CUE_WORD_SHARE = 0.3;

/**
 * A word's weight from how common it is in the passages: a word most
 * passages hold ("jour", "année") tells little, a rare one ("orage",
 * "Techno-Classica") tells what the question is about. A word no passage
 * holds (an English word the French articles never use) weighs little:
 * nothing can hold it, so it cannot tell sentences apart.
 */
function rarityWeight(shares: number[]): number {
  const share = Math.max(0, ...shares);
  if (share <= 0) return UNKNOWN_WORD_WEIGHT;
  return Math.min(1.6, Math.max(0.25, Math.log(1 / share) / 5.5));
}

function isNameToken(token: Token, index: number, vocabulary: Vocabulary, language: 'fr' | 'en'): boolean {
  if (token.text.endsWith("'") || token.text.endsWith('’') || isOrdinalWord(token.text, token.norm)) return false;
  if (HAS_DIGIT.test(token.text) && /\p{L}/u.test(token.text)) return true;
  if (INNER_CAPITAL.test(token.text)) return true;
  if (!CAPITAL.test(token.text)) return false;
  if (token.text.length === 1) return false;
  const folded = foldForMatching(token.text);
  if (index === 0 && (vocabulary.questionWords.has(folded) || STOP_WORDS[language].has(token.norm) || STOP_WORDS.fr.has(token.norm) || STOP_WORDS.en.has(token.norm))) return false;
  if (vocabulary.questionWords.has(folded)) return false;
  return !(index === 0 && /^(?:est-ce|a|en|de|le|la|les|dans|par|pour|sur|selon|depuis|avant|apres|in|on|at|for|by|since|after|before)$/u.test(folded));
}

/** The names a question is about: capitalised runs (with particles: "Bureau du recensement des États-Unis"), versions attached. */
export function findFocusNames(question: string, language: 'fr' | 'en'): FocusName[] {
  const vocabulary = VOCABULARIES[language];
  const tokens = tokenize(question);
  const names: FocusName[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i], i, vocabulary, language) || isYear(tokens[i].text)) {
      i += 1;
      continue;
    }
    let end = i;
    for (;;) {
      const next = tokens[end + 1];
      if (!next) break;
      const gap = question.slice(tokens[end].end, next.start);
      if (/[^\s'’-]/.test(gap)) break;
      const counted = tokens[end + 2];
      const countOf = /^\p{N}+$/u.test(next.text) && counted !== undefined && /^\p{Ll}{3,}s$/u.test(counted.text) && !STOP_WORDS[language].has(counted.norm);
      if (isNameToken(next, end + 1, vocabulary, language) || (HAS_DIGIT.test(next.text) && !isYear(next.text) && !countOf)) {
        end += 1;
        continue;
      }
      const afterParticle = tokens[end + 2];
      if (vocabulary.nameParticles.has(next.norm) && afterParticle && isNameToken(afterParticle, end + 2, vocabulary, language)) {
        end += 2;
        continue;
      }
      break;
    }
    const run = tokens.slice(i, end + 1);
    const before = tokens[i - 1];
    const words = run.map((t) => foldForMatching(t.text)).filter((w) => !vocabulary.nameParticles.has(w));
    names.push({
      text: question.slice(run[0].start, run[run.length - 1].end),
      words,
      distinctive: words.filter((w) => HAS_DIGIT.test(w)),
      place: before !== undefined && !words.some((w) => HAS_DIGIT.test(w)) && (vocabulary.placePrepositions.has(before.norm) || before.norm === "l'" || before.norm === 'a'),
    });
    i = end + 1;
  }
  return names;
}

const COUNTED = /\b(?:how many |combien d(?:e |'))(?:([\p{L}-]+) (?:de |d'|of ))?(\p{L}+)/u;

/**
 * The noun a « combien de X » / "how many X" question counts: X, or for a
 * measure of something (« combien de tonnes de blé ») the noun after it;
 * X itself when an article follows (« combien d'exemplaires de la Bugatti »).
 */
function countedNoun(folded: string, language: 'fr' | 'en'): string | null {
  const match = COUNTED.exec(folded);
  if (!match) return null;
  const [, measure, noun] = match;
  if (measure !== undefined && (STOP_WORDS[language].has(noun) || VOCABULARIES[language].determiners.has(noun))) return measure;
  return noun;
}

function roleOf(folded: string, language: 'fr' | 'en'): DateRole | null {
  for (const [pattern, role] of VOCABULARIES[language].roles) if (pattern.test(folded)) return role;
  return null;
}

/**
 * Reads a question into what the extractive answerer needs: the type of
 * value it asks for, the names it is about (with their distinctive parts),
 * the years it names, the role of a date question and its weighted terms.
 */
export function readQuestion(asked: string, language: 'fr' | 'en', options: ReadQuestionOptions = {}): QuestionReading {
  const question = asked.replace(/\b(what|who|where|when|how)['’]s\b/giu, '$1 is');
  const vocabulary = VOCABULARIES[language];
  const other = language === 'fr' ? 'en' : 'fr';
  const folded = foldQuestion(question);
  const names = findFocusNames(question, language);
  const nameWords = new Set(names.flatMap((n) => n.words));
  const years = [...new Set(tokenize(question).filter((t) => isYear(t.text)).map((t) => t.text))];
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  const countedWord = countedNoun(folded, language);
  let counted: number | null = null;
  const quel = whichPhrase(folded);
  const headWords = new Set(quel ? headNouns(quel, language) : []);
  const heads: QuestionReading['heads'] = [];
  for (const token of analyzeTokens(question, language)) {
    const word = foldForMatching(token.text);
    if (vocabulary.questionWords.has(word) || seen.has(token.term)) continue;
    seen.add(token.term);
    if (word === countedWord && counted === null) counted = terms.length;
    if (headWords.has(word)) heads.push({ term: terms.length, word });
    const isName = nameWords.has(word);
    const isNumber = HAS_DIGIT.test(token.text);
    const isCue = (word !== countedWord && vocabulary.typeNouns[word] !== undefined) || vocabulary.moneyVerbs.test(word) || vocabulary.roles.some(([pattern]) => pattern.test(word));
    const otherTerm = termOf(token, other);
    const concepts = [
      ...new Set([...expandWithLexicon([token.term], language), ...(otherTerm !== token.term ? expandWithLexicon([otherTerm], other) : [])].filter(isConcept)),
    ];
    const share = options.termShare;
    const shares = share ? [share(token.term), ...(otherTerm !== token.term ? [share(otherTerm)] : []), ...concepts.map(share)] : [1];
    const rarity = share ? rarityWeight(shares) : 1;
    const weight = isName ? 2.5 : isNumber ? 2 : isCue ? CUE_WORD_SHARE * rarity : rarity;
    terms.push({
      term: token.term,
      otherTerm: otherTerm !== token.term ? otherTerm : undefined,
      concepts,
      weight,
      known: shares.some((s) => s > 0),
      cue: isCue,
      name: isName || isNumber,
    });
  }
  const concepts = [...new Set(expandWithLexicon(terms.map((t) => t.term), language).filter(isConcept))];
  const words = new Set((folded.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !vocabulary.questionWords.has(w)));
  let expected = expectedAnswerType(question, language);
  if (expected === 'count' && /\b(?:combien|how much)\b(?! de\b| d'| of\b)/u.test(folded) && vocabulary.moneyVerbs.test(folded)) expected = 'amount';
  const naming = /\b(?:nom de code|nom interne|code[ -]?names?|codenamed|surnom|nickname)\b/u.test(folded);
  const asksYear = /\b(?:quelle annee|what year|which year)\b/u.test(folded);
  return {
    question,
    language,
    expected,
    naming,
    asksYear,
    counted,
    countsPeople: counted !== null && countedWord !== null && typeOfNoun(countedWord, [vocabulary]) === 'person',
    countsAnyone: counted !== null && countedWord !== null && vocabulary.peopleNouns.has(countedWord),
    countsTime: counted !== null && countedWord !== null && (namesTime(countedWord) || vocabulary.timeItself.has(countedWord)),
    asksAge: VOCABULARIES.fr.asksAge.test(folded) || VOCABULARIES.en.asksAge.test(folded),
    ordinals: ordinalNouns(folded),
    heads,
    names,
    years,
    role: roleOf(folded, language),
    terms,
    concepts,
    words,
    past: PAST.test(folded),
  };
}
