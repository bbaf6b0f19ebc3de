/**
 * The grammar of embedding a question in a reply ("ne disent pas qui a racheté
 * WhatsApp", "don't say when the Eiffel Tower will reopen"): which words open a
 * question, and the auxiliaries an English question puts before its subject.
 */
const FRENCH_OPENING = /^(?:(?:à|a|en|de|d['’]|dans|depuis|pour|par|avec|sur|chez|vers)\s*)?(?:qui|où|ou|quand|combien|comment|pourquoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles)(?=[\s,]|$)/iu;
const FRENCH_EST_CE_QUE = /\s+est[- ]ce\s+qu(?:e\s+|['’])/iu;
const FRENCH_INVERTED_PRONOUN = /-(?:t-)?(?:il|elle|ils|elles|on)\b/u;
const FRENCH_PERSONAL_INVERSION = /-(?:je|tu|nous|vous)\b/iu;

const ENGLISH_OPENING = /^(?:(?:in|on|at|for|by|with|from|since|to|of)\s+)?(?:who|whom|whose|what|which|when|where|why|how(?:\s+(?:much|many|long|old|far|big|often))?)\b/iu;
const ENGLISH_MODALS = new Set(['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'has', 'have', 'had']);
const ENGLISH_COPULAS = new Set(['is', 'are', 'was', 'were']);
const ENGLISH_DO = new Set(['do', 'does', 'did']);
const ENGLISH_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that']);
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
  const opening = FRENCH_OPENING.exec(question);
  if (!opening || FRENCH_PERSONAL_INVERSION.test(question)) return null;
  let clause = question.replace(FRENCH_EST_CE_QUE, ' ');
  const inversion = FRENCH_INVERTED_PRONOUN.exec(clause);
  if (inversion) {
    const beforeVerb = clause.slice(opening[0].length, inversion.index).trim();
    if (!/\s/u.test(beforeVerb)) return null;
    clause = clause.slice(0, inversion.index) + clause.slice(inversion.index + inversion[0].length);
  }
  return lowerFirst(clause);
}

/** The name a subject starts with: a determiner at most, then capitalised or numbered words ("the Eiffel Tower", "GPT-6"). */
function nameSubjectLength(words: readonly string[]): number {
  let at = ENGLISH_DETERMINERS.has(words[0]?.toLowerCase() ?? '') ? 1 : 0;
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
  const opening = ENGLISH_OPENING.exec(question);
  if (!opening) return null;
  const words = question.slice(opening[0].length).trim().split(' ').filter(Boolean);
  const auxiliaryAt = words.slice(0, AUXILIARY_REACH).findIndex((word) => {
    const folded = word.toLowerCase();
    return ENGLISH_MODALS.has(folded) || ENGLISH_COPULAS.has(folded) || ENGLISH_DO.has(folded);
  });
  if (auxiliaryAt < 0) return lowerFirst(question);
  const asked = [opening[0], ...words.slice(0, auxiliaryAt)].join(' ');
  const auxiliary = words[auxiliaryAt];
  const rest = words.slice(auxiliaryAt + 1);
  const folded = auxiliary.toLowerCase();
  if (ENGLISH_DO.has(folded) || rest.length === 0) return null;
  const subjectLength = nameSubjectLength(rest);
  const subject = rest.slice(0, subjectLength);
  const predicate = rest.slice(subjectLength);
  const predicateOpensLower = predicate.length === 0 || /^\p{Ll}/u.test(predicate[0]);
  if (ENGLISH_COPULAS.has(folded)) {
    const asksWhatOrWho = /^(?:who|whom|whose|what|which)\b/iu.test(opening[0]);
    if (asksWhatOrWho) {
      const opensSubject = ENGLISH_DETERMINERS.has(rest[0].toLowerCase()) || subjectLength > 0;
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
