import type { AnswerType } from '../text/vocabulary';
import { foldForMatching } from '../text/foldForMatching';
import { askedThing, indirectQuestion } from './indirectQuestion';

/** The words of Scoop's replies in one language. */
export interface Messages {
  /** First line of a typed answer: the value and its marker. */
  shortAnswer(value: string, marker: string): string;
  /** The supporting sentence, quoted verbatim. */
  support(quote: string, marker: string): string;
  /** What the articles say about a text that asks nothing (a headline): the sentence that says it, quoted verbatim. */
  stated(quote: string, marker: string): string;
  /** Another article giving the same value. */
  agreeing(quote: string, marker: string): string;
  /**
   * Nothing in the articles answers, in the question's own words ("ne donnent pas le prix du Galaxy S25",
   * "don't say who bought WhatsApp"); null when they cannot be embedded. Only for a question in this language.
   */
  notAnswered(question: string): string | null;
  /** Nothing in the articles answers the question, quoted as asked: for when its words cannot be embedded and a paraphrase would guess. */
  notAnsweredQuoted(question: string): string;
  /** Nothing in the articles answers: what was not found, from the question's own words when they allow. */
  notStated(question: string, expected: AnswerType, focus: string | null): string;
  /** No sentence read says what a text that asks nothing (a headline) says (the closest articles are still offered as related reading). */
  notSaid(focus: string | null): string;
  /** No article names what the question is about. */
  notMentioned(names: string[]): string;
  /** Quotation marks around a verbatim quote. */
  quote(text: string): string;
  /** "A, B et C". */
  list(items: string[]): string;
}

const LIST = {
  fr: new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' }),
  en: new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }),
};

const FR_THING: Partial<Record<AnswerType, string>> = {
  date: 'la date',
  amount: 'le montant',
  count: 'le nombre',
  person: 'qui',
  organisation: "l'organisation",
  place: 'où',
  product: 'le produit',
  name: 'le nom',
  reason: 'pourquoi',
  manner: 'comment',
};

const EN_THING: Partial<Record<AnswerType, string>> = {
  date: 'when',
  amount: 'how much',
  count: 'how many',
  person: 'who',
  organisation: 'which organisation',
  place: 'where',
  product: 'which product',
  name: 'the name',
  reason: 'why',
  manner: 'how',
};

function frenchAbout(focus: string): string {
  return /^[aeiouyhàâéèêîôû]/iu.test(foldForMatching(focus)) ? `d'${focus}` : `de ${focus}`;
}

/** A decline in the question's own words: naming the thing a "what is" question asks for, else embedding the question. */
function inOwnWords(question: string, language: 'fr' | 'en', gives: (thing: string) => string, says: (clause: string) => string): string | null {
  const thing = askedThing(question, language);
  if (thing) return gives(thing);
  const clause = indirectQuestion(question, language);
  return clause ? says(clause) : null;
}

const FRENCH: Messages = {
  shortAnswer: (value, marker) => `${value} ${marker}.`,
  support: (quote, marker) => `Selon l’article : ${quote} ${marker}`,
  stated: (quote, marker) => `Ce que disent les articles : ${quote} ${marker}`,
  agreeing: (quote, marker) => `Un autre article le dit aussi : ${quote} ${marker}`,
  notAnswered: (question) =>
    inOwnWords(question, 'fr', (thing) => `Les articles indexés ne donnent pas ${thing}.`, (clause) => `Les articles indexés ne disent pas ${clause}.`),
  notAnsweredQuoted: (question) => `Les articles indexés ne répondent pas à la question ${FRENCH.quote(question.trim())}.`,
  notStated(question, expected, focus) {
    const inOwnWords = FRENCH.notAnswered(question);
    if (inOwnWords) return inOwnWords;
    const what = FR_THING[expected];
    const about = focus ? ` ${frenchAbout(focus)}` : '';
    if (!what) return `Les articles indexés ne répondent pas à cette question${focus ? ` sur ${focus}` : ''}.`;
    if (/^(?:qui|où|pourquoi|comment)$/u.test(what)) return `Les articles indexés ne disent pas ${what}${focus ? ` (${focus})` : ''}.`;
    return `Les articles indexés ne donnent pas ${what}${about}.`;
  },
  notSaid: (focus) => `Aucune phrase des articles indexés ne dit cela${focus ? ` sur ${focus}` : ''}.`,
  notMentioned: (names) => `Ils ne mentionnent pas ${LIST.fr.format(names)}.`,
  quote: (text) => `« ${text.replace(/\s+/g, ' ')} »`,
  list: (items) => LIST.fr.format(items),
};

const ENGLISH: Messages = {
  shortAnswer: (value, marker) => `${value} ${marker}.`,
  support: (quote, marker) => `According to the article: ${quote} ${marker}`,
  stated: (quote, marker) => `What the articles say: ${quote} ${marker}`,
  agreeing: (quote, marker) => `Another article says so too: ${quote} ${marker}`,
  notAnswered: (question) =>
    inOwnWords(question, 'en', (thing) => `The indexed articles don't give ${thing}.`, (clause) => `The indexed articles don't say ${clause}.`),
  notAnsweredQuoted: (question) => `The indexed articles don't answer ${ENGLISH.quote(question.trim())}.`,
  notStated(question, expected, focus) {
    const inOwnWords = ENGLISH.notAnswered(question);
    if (inOwnWords) return inOwnWords;
    const what = EN_THING[expected];
    if (!what) return `The indexed articles don't answer this${focus ? ` about ${focus}` : ''}.`;
    return `The indexed articles don't say ${what}${focus ? ` (${focus})` : ''}.`;
  },
  notSaid: (focus) => `No sentence of the indexed articles says this${focus ? ` about ${focus}` : ''}.`,
  notMentioned: (names) => `They don't mention ${LIST.en.format(names)}.`,
  quote: (text) => `"${text.replace(/\s+/g, ' ')}"`,
  list: (items) => LIST.en.format(items),
};

/** The message catalogue of each reply language. */
export const MESSAGES: Readonly<Record<'fr' | 'en', Messages>> = { fr: FRENCH, en: ENGLISH };
