import type { Article } from '../articles/article';
import { ANALYZED_LEXICON } from '../text/analyzedLexicon';
import { foldForMatching } from '../text/foldForMatching';
import { analyzeTerms } from '../text/analyzeTerms';
import { CONCEPT_PREFIX, expandWithLexicon, isConcept } from '../text/expandWithLexicon';
import { NEWS_LEXICON } from '../text/newsLexicon';
import { isKnownPlace, otherPlaceSpellings } from '../text/placeNames';
import type { FocusName, QuestionReading } from './readQuestion';

const FOLDED_LIMIT = 512;
const foldedArticles = new Map<string, string>();

/** The article's title and text folded for matching, kept for the few articles the last questions read. */
export function foldedArticle(article: Article): string {
  let folded = foldedArticles.get(article.id);
  if (folded === undefined) {
    folded = foldForMatching(`${article.title}\n${article.text}`);
    if (foldedArticles.size >= FOLDED_LIMIT) foldedArticles.delete(foldedArticles.keys().next().value!);
    foldedArticles.set(article.id, folded);
  }
  return folded;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

/** A folded word as a whole word; a version ("s26", "4.5") must not run on into another ("s260", "4.5.1", "gpt-4" in "gpt-4.5"). */
function wordPattern(words: string[]): RegExp {
  const key = words.join(' ');
  let pattern = patterns.get(key);
  if (!pattern) {
    const body = words.map((w) => escape(w).replace(/-/g, '[\\s-]?').replace(/(\p{L})(\p{N})/gu, '$1[\\s-]?$2')).join('[\\s\'"-]*(?:(?:de|du|des|d\'|la|le|of|the)[\\s\']+)?');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}]|[.,]\\p{N})`, 'u');
    if (patterns.size > 4096) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}

/** The literal pieces of a word that any match of its {@link wordPattern} contains ("gpt-4.5": "gpt", "4.5"). */
function literalPieces(word: string): string[] {
  return word.split(/-|(?<=\p{L})(?=\p{N})/u).filter((piece) => piece.length > 0);
}

/** A quick test before the pattern's: whether the text holds every literal piece of the words (most articles lack one). */
function mayHold(folded: string, words: string[]): boolean {
  return words.every((word) => literalPieces(word).every((piece) => folded.includes(piece)));
}

/**
 * The spellings a name may have in an article of either language: as the
 * question writes it and, for a country, an area or a city, in French and
 * English ("New Zealand", « Nouvelle-Zélande »; "US", « États-Unis »), whether
 * the question writes it as a place ("in France") or as a subject ("New
 * Zealand's election").
 */
function spellingsOf(name: FocusName): string[][] {
  if (name.distinctive.length > 0 || !mayBeAPlace(name)) return [name.words];
  return [name.words, ...otherPlaceSpellings(name.words.join(' ')).map((o) => o.split(' '))];
}

/**
 * Whether a name may be read as a place in the other language's spelling: written as a place ("in Jordan"), of several
 * words ("New Zealand") or in capitals ("US"). A lone word is often a person's name as well ("Maurice", « Dominique »,
 * "Jordan", "Chad" are also Mauritius, Dominica, « Jordanie », « Tchad »), and a question about the person must not
 * meet an article about the country.
 */
function mayBeAPlace(name: FocusName): boolean {
  return name.place || name.words.length > 1 || /^\p{Lu}{2,}$/u.test(name.text);
}

/** A code that names one thing on its own, letters and digits mixed ("VV16", "H100"): an article may write it apart from the rest of the name (« le lancement Vega "VV16" », "la mission VV16"). */
const STANDALONE_CODE = /^(?=.*\p{L})(?=.*\p{N})[\p{L}\p{N}]{4,}$/u;

/** True when folded text writes `word` (a folded word of a name) as a whole word. */
export function namesWord(folded: string, word: string): boolean {
  return mayHold(folded, [word]) && wordPattern([word]).test(folded);
}

/** The lexicon stems each word of a name may be written with in either language ("chinese" → `chin`, `chinois`; "ceo" → `pdg`, `directeur general`). */
const conceptWordings = new Map<string, string[][]>();

function wordingsOf(word: string): string[][] {
  let wordings = conceptWordings.get(word);
  if (!wordings) {
    const concepts = new Set((['fr', 'en'] as const).flatMap((language) => expandWithLexicon(analyzeTerms(word, language), language).filter(isConcept)));
    wordings = [...concepts].flatMap((concept) => [...(ANALYZED_LEXICON.fr.wordings.get(concept) ?? []), ...(ANALYZED_LEXICON.en.wordings.get(concept) ?? [])]).filter((stems) => stems.length > 0);
    if (conceptWordings.size > 4096) conceptWordings.clear();
    conceptWordings.set(word, wordings);
  }
  return wordings;
}

/** A one-word name the lexicon translates ("Chinese" for « chinoise », "CEO" for « directeur général »), written in any of its wordings. */
function namesConcept(folded: string, words: string[]): boolean {
  if (words.length !== 1) return false;
  return wordingsOf(words[0]).some((stems) => stems.every((stem) => usesStem(folded, stem)));
}

/**
 * Whether the folded article text names `name` with all its distinctive
 * parts: a name with a version must appear as written, version attached
 * ("Galaxy S26" is not "Galaxy S25", "GPT-4" is not "GPT-4.5"), unless the
 * version is a code that names the thing alone ("VV16"); a name of several
 * words must have each word in the article; a place may be written in the
 * article's language, and a word the lexicon translates in its wording.
 */
export function namesFocusName(folded: string, name: FocusName): boolean {
  if (name.words.length === 0) return true;
  const named = spellingsOf(name).some((words) => {
    if (mayHold(folded, words) && wordPattern(words).test(folded)) return true;
    if (name.distinctive.length > 0) return name.distinctive.every((d) => STANDALONE_CODE.test(d)) && words.every((w) => namesWord(folded, w));
    return words.every((w) => w.length < 3 || namesWord(folded, w));
  });
  return named || namesConcept(folded, name.words);
}

let placeConcepts: ReadonlySet<string> | null = null;

/** Lexicon concepts of a place (`~china`: "China", « Chine », "Chinese", « chinoise »): one of their wordings is a place the place table knows. */
function isPlaceConcept(concept: string): boolean {
  placeConcepts ??= new Set(NEWS_LEXICON.filter((c) => [...c.en, ...c.fr].some(isKnownPlace)).map((c) => CONCEPT_PREFIX + c.id));
  return placeConcepts.has(concept);
}

/** Whether the folded text holds one wording of a lexicon concept, in either language (every stem of it). */
function holdsConcept(folded: string, concept: string): boolean {
  const wordings = [...(ANALYZED_LEXICON.fr.wordings.get(concept) ?? []), ...(ANALYZED_LEXICON.en.wordings.get(concept) ?? [])];
  return wordings.some((stems) => stems.length > 0 && stems.every((stem) => usesStem(folded, stem)));
}

/**
 * The question's words of a place that are no name: French writes
 * nationalities in lower case (« quelle entreprise japonaise », « un
 * constructeur européen »), and they constrain the answer as "in Japan" does.
 */
function placeWords(reading: QuestionReading): string[][] {
  return reading.terms.filter((t) => !t.name).map((t) => t.concepts.filter(isPlaceConcept)).filter((concepts) => concepts.length > 0);
}

/**
 * Whether an article names everything the question is about: each focus
 * name, each year it gives and each place its words ask for (a Chinese
 * company does not answer « quelle entreprise japonaise »).
 */
export function articleNamesFocus(article: Article, reading: QuestionReading): boolean {
  const places = placeWords(reading);
  if (reading.names.length === 0 && reading.years.length === 0 && places.length === 0) return true;
  const folded = foldedArticle(article);
  if (!reading.names.every((name) => namesFocusName(folded, name))) return false;
  if (!places.every((concepts) => concepts.some((concept) => holdsConcept(folded, concept)))) return false;
  return reading.years.every((year) => folded.includes(year) || article.published?.startsWith(year));
}

/** A content word at least this rare (its weight, see `readQuestion`) names what the question is about: the article must use it. */
const TOPIC_WEIGHT = 0.9;

/** The stems each lexicon concept is worded with in each language (`~unemployment`: "chomag", "chomeur"). */
const CONCEPT_STEMS = { fr: ANALYZED_LEXICON.fr.wordings, en: ANALYZED_LEXICON.en.wordings };

/** Shorter stems of a translated wording match too many words ("cour" of "course" in "au cours de"). */
const CROSS_LANGUAGE_STEM = 5;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether the folded text has a word starting with `stem` (by substring search, not a pattern: the article texts are long). */
export function usesStem(folded: string, stem: string | undefined): boolean {
  if (stem === undefined || stem.length < 3) return false;
  for (let at = folded.indexOf(stem); at >= 0; at = folded.indexOf(stem, at + 1)) {
    if (at === 0 || !WORD_CHARACTER.test(folded[at - 1])) return true;
  }
  return false;
}

/**
 * Whether the article uses the question's rare words ("batteries",
 * "marathon", "noms de domaine"), at least half of them (a question in other
 * words than its article's may paraphrase one): an article about Aston
 * Martin that never speaks of batteries does not say who makes its batteries. Words the
 * articles never use (an English word in a French corpus) and words the
 * lexicon translates are not asked of it. An article in the other language
 * is asked for the rare words the lexicon translates, in its own wording
 * ("marathon" in "Who won the marathon?" as "course" or "marathon"); the
 * question's other words are not asked of it (their rarity was measured on
 * words the article's language only borrows).
 */
export function articleHoldsTopic(article: Article, reading: QuestionReading): boolean {
  const language = article.language === 'fr' || article.language === 'en' ? article.language : reading.language;
  const crossLanguage = language !== reading.language;
  const rare = reading.terms.filter((t) => !t.name && !t.cue && t.known && t.weight >= TOPIC_WEIGHT && (crossLanguage ? t.concepts.length > 0 : t.concepts.length === 0));
  if (rare.length === 0) return true;
  const folded = foldedArticle(article);
  const holds = (term: QuestionReading['terms'][number]): boolean =>
    crossLanguage
      ? term.concepts.some((concept) => (CONCEPT_STEMS[language].get(concept) ?? []).some((stems) => stems.length > 0 && stems.every((stem) => stem.length >= CROSS_LANGUAGE_STEM && usesStem(folded, stem))))
      : usesStem(folded, term.term) || usesStem(folded, term.otherTerm);
  return rare.filter(holds).length >= Math.ceil(rare.length / 2);
}
