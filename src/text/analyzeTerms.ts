import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import type { Language } from './language';
import { foldAccents } from './foldForMatching';
import { LEXICON_WORDS } from './lexiconWords';
import { STOP_WORDS } from './stopWords';
import { forEachWord, normaliseWord, type Token, tokenize } from './tokenize';

/** A token that survived stop-word filtering, with the term it indexes under. */
export interface AnalyzedToken extends Token {
  /** Folded stem (`lancement` → `lanc`), or the norm itself for names and versions (`gpt-4.5`, `openai`). */
  term: string;
  /** The language whose stop words and stemmer were applied. */
  language: 'fr' | 'en';
}

const FRENCH_LETTERS = /[àâçéèêëîïôûùüÿœ]/i;
const KEPT_AS_WRITTEN = /[\p{N}\p{Lu}]/u;
const STEM_CACHE_LIMIT = 200_000;

/** Capitalised forms that name something although their lowercase is a stop word. */
const CAPITALISED_NAMES = new Set(['May', 'US', 'U.S']);

function cachedStemmer(stem: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
      stemmed = foldAccents(stem(word));
      cache.set(word, stemmed);
    }
    return stemmed;
  };
}

const STEMMERS = { fr: cachedStemmer(frenchStemmer), en: cachedStemmer(englishStemmer) };

function isStopWord(token: Token, language: 'fr' | 'en'): boolean {
  if (LEXICON_WORDS[language].has(token.norm) || CAPITALISED_NAMES.has(token.text)) return false;
  return STOP_WORDS[language].has(token.norm);
}

/**
 * The index term of one token read in `language`: its folded stem, or its
 * norm for names and versions (`GPT-4.5`, `OpenAI`). Stop words are not
 * checked here; a query analysed in one language uses it to also look up the
 * other language's stem of its words (`Nvidia` → `nvidia` and `nvidi`).
 */
export function termOf(token: Token, language: 'fr' | 'en'): string {
  return keptAsWritten(token.text) ? token.norm : STEMMERS[language](token.text.toLowerCase());
}

/** Digits, inner marks or a capital after the first letter: a name or version, not a word to stem. */
function keptAsWritten(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
    if (code === 45 || code === 46 || code === 44 || code === 39 || code === 0x2019 || code === 0x2bc) return true;
    if (i > 0 && code >= 65 && code <= 90) return true;
    if (i > 0 && code > 127 && KEPT_AS_WRITTEN.test(word[i])) return true;
  }
  return false;
}

/** The language a text of unknown language mostly reads as, by its stop words; `und` on a tie. */
function languageByStopWords(tokens: Token[]): Language {
  let french = 0;
  let english = 0;
  for (const { norm } of tokens) {
    const fr = STOP_WORDS.fr.has(norm);
    const en = STOP_WORDS.en.has(norm);
    if (fr && !en) french += 1;
    else if (en && !fr) english += 1;
  }
  if (french === english) return 'und';
  return french > english ? 'fr' : 'en';
}

/**
 * Tokens of `text` that carry meaning, each with its index term: stop words
 * (stopwords-iso, minus meaningful news words) and elisions dropped, words
 * stemmed with the French or English Snowball stemmer and accent-folded.
 * Names and versions written with digits, inner capitals or inner marks
 * (`GPT-4.5`, `OpenAI`, `IA`) are kept unstemmed so both languages index them alike.
 * When `language` is missing or `und`, the text's stop words decide; failing
 * that, each word is read as French when it has French accents, else English.
 */
export function analyzeTokens(text: string, language?: Language): AnalyzedToken[] {
  const tokens = tokenize(text);
  return readTokens(tokens, language === 'fr' || language === 'en' ? language : languageByStopWords(tokens));
}

/** Whether a token read in `language` is kept: not an elision, a lone letter or a stop word. */
function carriesMeaning(token: Token, language: 'fr' | 'en'): boolean {
  const { norm } = token;
  if (norm.endsWith("'")) return false;
  if (norm.length < 2 && !(norm >= '0' && norm <= '9')) return false;
  return !isStopWord(token, language);
}

/** {@link analyzeTokens} over tokens already cut, read in `textLanguage` (`und`: word by word). */
function readTokens(tokens: Token[], textLanguage: Language): AnalyzedToken[] {
  const analyzed: AnalyzedToken[] = [];
  for (const token of tokens) {
    const { norm } = token;
    const tokenLanguage = textLanguage !== 'und' ? textLanguage : FRENCH_LETTERS.test(token.text) ? 'fr' : 'en';
    if (!carriesMeaning(token, tokenLanguage)) continue;
    analyzed.push({
      text: token.text,
      norm,
      start: token.start,
      end: token.end,
      term: termOf(token, tokenLanguage),
      language: tokenLanguage,
    });
  }
  return analyzed;
}

/** A passage analysed once for every index that reads it (see {@link analyzePassage}). */
export interface PassageAnalysis {
  /** `analyzeTokens(text, language)`: the passage read in its article's language (the lexical index). */
  inLanguage: AnalyzedToken[];
  /**
   * `analyzeTokens(text)`: the passage read by its own stop words, as a query
   * is (the embedder). The same array as `inLanguage` when the two readings agree.
   */
  bySelf: AnalyzedToken[];
}

/**
 * Both readings of a passage from one tokenisation, so that indexing a
 * passage for BM25 and for the embedder analyses its text once (the two
 * readings only differ when the passage's stop words point to another
 * language than its article's).
 */
export function analyzePassage(text: string, language: Language): PassageAnalysis {
  const tokens = tokenize(text);
  const known = language === 'fr' || language === 'en';
  const detected = languageByStopWords(tokens);
  if (known && detected !== language) return { inLanguage: readTokens(tokens, language), bySelf: readTokens(tokens, detected) };
  const analyzed = readTokens(tokens, detected);
  return { inLanguage: analyzed, bySelf: analyzed };
}

/**
 * The index terms of `text`: tokens, stop words removed, stemmed by language
 * and accent-folded (see {@link analyzeTokens}). Both the lexical index and the
 * embedder build on these, so a query and a passage meet on the same forms
 * (`lancera`, `lancement` → `lanc`).
 */
export function analyzeTerms(text: string, language?: Language): string[] {
  if (language !== 'fr' && language !== 'en') return analyzeTokens(text, language).map((token) => token.term);
  const termOfWord = TERM_OF_WORD[language];
  const terms: string[] = [];
  forEachWord(text, (word, start, end) => {
    let term = termOfWord.get(word);
    if (term === undefined) {
      if (termOfWord.size >= STEM_CACHE_LIMIT) termOfWord.clear();
      const token = { text: word, norm: normaliseWord(word), start, end };
      term = carriesMeaning(token, language) ? termOf(token, language) : null;
      termOfWord.set(word, term);
    }
    if (term !== null) terms.push(term);
  });
  return terms;
}

/**
 * Per language, the term each word indexes under, or null for a word
 * dropped: what {@link readTokens} decides from a word's text alone, kept so
 * that a build of many passages stems and filters each distinct word once.
 */
const TERM_OF_WORD = { fr: new Map<string, string | null>(), en: new Map<string, string | null>() };
