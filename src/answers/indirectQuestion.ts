/**
 * The grammar of embedding a question in a reply ("ne disent pas qui a racheté
 * WhatsApp", "don't say when the Eiffel Tower will reopen"): the word order of
 * each language, over the words its vocabulary's question grammar lists.
 * Patterns run on folded text, whose offsets are the question's.
 */
import { foldForMatching } from '../text/foldForMatching';
import { STOP_WORDS } from '../text/stopWords';
import { alternationOf, VOCABULARIES, type QuestionGrammar } from '../text/vocabulary';

/** The interrogative a question opens with, a preposition allowed before it and a measure after it ("à quelle", "how many"). */
function openingPattern(grammar: QuestionGrammar): RegExp {
  const preposition = grammar.prepositions.size > 0 ? `(?:(?:${alternationOf(grammar.prepositions)})(?:\\s+|(?<=')))?` : '';
  const measure = grammar.howMeasures.size > 0 ? `(?:\\s+(?:${alternationOf(grammar.howMeasures)}))?` : '';
  return new RegExp(`^${preposition}(?:${alternationOf(grammar.interrogatives)})${measure}(?=[\\s,]|$)`, 'u');
}

const FRENCH = VOCABULARIES.fr.questionGrammar;
const ENGLISH = VOCABULARIES.en.questionGrammar;
const FRENCH_OPENING = openingPattern(FRENCH);
const ENGLISH_OPENING = openingPattern(ENGLISH);
const FRENCH_EST_CE_QUE = /\s+est[- ]ce\s+qu(?:e\s+|')/u;
const FRENCH_INVERTED_PRONOUN = new RegExp(`-(?:t-)?(?:${alternationOf(FRENCH.invertedPronouns)})(?![\\p{L}\\d])`, 'u');
const FRENCH_PERSONAL_INVERSION = new RegExp(`-(?:${alternationOf(FRENCH.personalPronouns)})(?![\\p{L}\\d])`, 'u');
/** How far after the opening word an auxiliary may stand and still be the question's inversion ("which company will…"). */
const AUXILIARY_REACH = 3;

function withoutMark(question: string): string {
  return question.trim().replace(/\s*[?？!.]+\s*$/u, '').replace(/\s+/gu, ' ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Quand Emmanuel Macron a-t-il été élu" → "quand Emmanuel Macron a été élu"; null when the words do not allow it. */
function frenchIndirect(question: string): string | null {
  const folded = foldForMatching(question);
  const opening = FRENCH_OPENING.exec(folded);
  if (!opening || FRENCH_PERSONAL_INVERSION.test(folded)) return null;
  const estCeQue = FRENCH_EST_CE_QUE.exec(folded);
  let clause = estCeQue ? `${question.slice(0, estCeQue.index)} ${question.slice(estCeQue.index + estCeQue[0].length)}` : question;
  const inversion = FRENCH_INVERTED_PRONOUN.exec(foldForMatching(clause));
  if (inversion) {
    const beforeVerb = clause.slice(opening[0].length, inversion.index).trim();
    if (!/\s/u.test(beforeVerb)) return null;
    clause = clause.slice(0, inversion.index) + clause.slice(inversion.index + inversion[0].length);
  }
  return lowerFirst(clause);
}

/** The name a subject starts with: a determiner at most, then capitalised or numbered words ("the Eiffel Tower", "GPT-6"). */
function nameSubjectLength(words: readonly string[]): number {
  let at = VOCABULARIES.en.determiners.has(foldForMatching(words[0] ?? '')) ? 1 : 0;
  const start = at;
  while (at < words.length && /^[\p{Lu}\p{N}]/u.test(words[at])) at += 1;
  return at > start ? at : 0;
}

/** A past participle by its ending ("elected", "taken", "called"). */
function isPastParticiple(word: string): boolean {
  return /^\p{Ll}[\p{Ll}-]{2,}(?:ed|en)$/u.test(word);
}

/** A verb form that follows its auxiliary ("elected", "taken", "leading"), by its ending. */
function isParticiple(word: string): boolean {
  return isPastParticiple(word) || /^\p{Ll}[\p{Ll}-]{2,}ing$/u.test(word);
}

/** "When will the Eiffel Tower reopen" → "when the Eiffel Tower will reopen"; null when the words do not allow it. */
function englishIndirect(question: string): string | null {
  const opening = ENGLISH_OPENING.exec(foldForMatching(question));
  if (!opening) return null;
  const openingWords = question.slice(0, opening[0].length);
  const words = question.slice(opening[0].length).trim().split(' ').filter(Boolean);
  const auxiliaryAt = words.slice(0, AUXILIARY_REACH).findIndex((word) => {
    const folded = foldForMatching(word);
    return ENGLISH.modals.has(folded) || ENGLISH.copulas.has(folded) || ENGLISH.doForms.has(folded);
  });
  if (auxiliaryAt < 0) return lowerFirst(question);
  const asked = [openingWords, ...words.slice(0, auxiliaryAt)].join(' ');
  const auxiliary = words[auxiliaryAt];
  const rest = words.slice(auxiliaryAt + 1);
  const folded = foldForMatching(auxiliary);
  if (ENGLISH.doForms.has(folded) || rest.length === 0) return null;
  const nameLength = nameSubjectLength(rest);
  const participleAt = rest.findIndex((word, i) => i > nameLength && isPastParticiple(word));
  const nounsAfterName = nameLength > 0 && participleAt > 0 && rest.slice(nameLength, participleAt).every((word) => /^\p{Ll}[\p{Ll}-]*$/u.test(word) && !STOP_WORDS.en.has(word));
  const subjectLength = nounsAfterName ? participleAt : nameLength;
  const subject = rest.slice(0, subjectLength);
  const predicate = rest.slice(subjectLength);
  const predicateOpensLower = predicate.length === 0 || /^\p{Ll}/u.test(predicate[0]);
  if (ENGLISH.copulas.has(folded)) {
    const asksWhatOrWho = /^(?:who|whom|whose|what|which)\b/u.test(opening[0]);
    if (asksWhatOrWho) {
      const opensSubject = VOCABULARIES.en.determiners.has(foldForMatching(rest[0])) || subjectLength > 0;
      if (!opensSubject) return lowerFirst([asked, auxiliary, ...rest].join(' '));
      if (subjectLength > 0 && predicate.length > 0 && isParticiple(predicate[0])) return lowerFirst([asked, ...subject, auxiliary, ...predicate].join(' '));
      return isParticiple(rest[rest.length - 1]) ? null : lowerFirst([asked, ...rest, auxiliary].join(' '));
    }
    if (predicate.length === 0) return lowerFirst([asked, ...rest, auxiliary].join(' '));
    return subjectLength > 0 && predicateOpensLower ? lowerFirst([asked, ...subject, auxiliary, ...predicate].join(' ')) : null;
  }
  if (subjectLength === 0 || predicate.length === 0 || !predicateOpensLower) return null;
  return lowerFirst([asked, ...subject, auxiliary, ...predicate].join(' '));
}

/**
 * The question as a clause a reply can embed, in the question's own words:
 * "Qui a racheté WhatsApp ?" → "qui a racheté WhatsApp", "When will the Eiffel
 * Tower reopen?" → "when the Eiffel Tower will reopen". Null when it does not
 * open with a question word, or when turning it round would take more grammar
 * than word order (an English "did", a subject that is not a name).
 */
export function indirectQuestion(question: string, language: 'fr' | 'en'): string | null {
  const text = withoutMark(question);
  if (text === '') return null;
  return language === 'fr' ? frenchIndirect(text) : englishIndirect(text);
}

const ASKED_THING = {
  fr: /^(?:quel|quelle|quels|quelles)\s+(?:est|sont|était|étaient|sera|seront|etait|etaient)\s+((?:le|la|les|l['’])\s?.+)$/iu,
  en: /^(?:what|which)\s+(?:is|are|was|were|will be)\s+(the\s.+)$/iu,
};

/**
 * The thing a "what is" question asks for, as a noun phrase a reply can name:
 * "Quel est le prix du Galaxy S25 en France ?" → "le prix du Galaxy S25 en
 * France". Null for other questions, and for "What are the new iPhones
 * called?", whose phrase ends in a participle.
 */
export function askedThing(question: string, language: 'fr' | 'en'): string | null {
  const match = ASKED_THING[language].exec(withoutMark(question));
  if (!match || (language === 'en' && isPastParticiple(match[1].split(' ').pop() ?? ''))) return null;
  return match[1];
}
