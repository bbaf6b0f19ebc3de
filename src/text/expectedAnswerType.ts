import { foldForMatching } from './foldForMatching';
import { STOP_WORDS } from './stopWords';
import { alternationOf, typeNamedFirst, typeOfNoun, VOCABULARIES, type AnswerType } from './vocabulary';
import type { QuestionGrammar } from './vocabularyTypes';

function whichPattern(grammars: readonly QuestionGrammar[]): RegExp {
  const union = (pick: (grammar: QuestionGrammar) => ReadonlySet<string>) => grammars.flatMap((grammar) => [...pick(grammar)]);
  const determiners = union((grammar) => grammar.whichDeterminers);
  const joined = determiners.filter((word) => word.endsWith("'"));
  const spaced = determiners.filter((word) => !word.endsWith("'"));
  return new RegExp(
    `(?:^|[^\\p{L}])(?:${alternationOf(union((grammar) => grammar.whichWords), '\\s+')})\\s+` +
      `(?:(?:${alternationOf(union((grammar) => grammar.whichVerbs), '\\s+')})\\s+)?` +
      `(?:(?:${alternationOf(spaced, '\\s+')})\\s+|(?:${alternationOf(joined, '\\s+')}))?` +
      `((?:[\\p{L}'-]+\\s+){0,2}[\\p{L}'-]+)`,
    'u',
  );
}

const WHICH = whichPattern([VOCABULARIES.fr.questionGrammar, VOCABULARIES.en.questionGrammar]);

const WHO = new RegExp(
  `(?:^|[^\\p{L}])(?:${alternationOf([...VOCABULARIES.fr.questionGrammar.personInterrogatives, ...VOCABULARIES.en.questionGrammar.personInterrogatives], '\\s+')})(?![\\p{L}])`,
  'u',
);

const WHAT = /(?:^|[^\p{L}])(?:que|quoi|qu'est-ce|qu'est ce|qu'|what)(?![\p{L}])|^qu'/u;

/** A question with its contractions spelt out ("what's" → "what is"), folded for matching and its spaces collapsed. */
export function foldQuestion(question: string): string {
  return foldForMatching(question.replace(/\b(what|who|where|when|how)['’]s\b/giu, '$1 is')).replace(/\s+/g, ' ').trim();
}

/**
 * The « quel X » / "which X" phrase of a folded question: the match's first
 * group holds up to three words from the noun X on (« quelle est la date de
 * sortie » → "date de sortie"); null when the question has none.
 */
export function whichPhrase(folded: string): RegExpExecArray | null {
  return WHICH.exec(folded);
}

const ADJECTIVES_BEFORE_NOUN = new Set(
  'premier premiere premiers premieres dernier derniere derniers dernieres principal principale principaux seul seule plus grand grande grands grandes nouveau nouvelle ancien ancienne meilleur meilleure deuxieme second seconde troisieme petit petite vieux vieille first last main only new old best largest biggest second third latest most'.split(' '),
);

/**
 * The nouns a « quel X » phrase ({@link whichPhrase}) asks for, adjectives
 * before them skipped: the first in French (« quel modèle de raisonnement »);
 * in English the words before the first function word, the noun being the
 * last of a compound ("which reasoning model will").
 */
export function headNouns(which: RegExpExecArray, language: 'fr' | 'en'): string[] {
  const words = which[1].split(/\s+/).map((word) => word.replace(/^(?:l|d)'/, '')).filter((word) => !ADJECTIVES_BEFORE_NOUN.has(word));
  if (language === 'fr') return words.slice(0, 1);
  const end = words.findIndex((word) => STOP_WORDS.en.has(word));
  return words.slice(0, end < 0 ? words.length : Math.max(1, end));
}

/** Words of an English compound after « which » read for its head: "which car company bought" is a company. */
const COMPOUND_WORDS_READ = 3;

/**
 * The noun a « quel X » phrase asks for: the first in French; in English the
 * last of the compound's first words that names a kind of answer ("which car
 * company" → company), else its first word.
 */
function askedNoun(which: RegExpExecArray, language: 'fr' | 'en'): string | undefined {
  if (language === 'fr') return headNouns(which, 'fr')[0];
  const words = headNouns(which, 'en').slice(0, COMPOUND_WORDS_READ);
  return words.filter((word) => typeOfNoun(word) !== undefined).pop() ?? words[0];
}

/**
 * The answer type a question asks for, from its first question word
 * ("quand" → date, "quelle ville" → place, "qui" → person, « quel âge » →
 * count), its own language's vocabulary first; a question with none asks for
 * the type of the noun it opens with ("Le lieu du sommet ?"), else it is a
 * yes/no question when an auxiliary opens it or it ends with a question mark
 * ("Une hausse pour rénover les canalisations ?"). Question reading and
 * search's answer-shape re-rank both read a question through it.
 */
export function expectedAnswerType(question: string, language: 'fr' | 'en'): AnswerType {
  const folded = foldQuestion(question);
  const vocabularies = [VOCABULARIES[language], VOCABULARIES[language === 'fr' ? 'en' : 'fr']];
  let best: { at: number; type: AnswerType } | null = null;
  const consider = (at: number, type: AnswerType) => {
    if (!best || at < best.at) best = { at, type };
  };
  const which = whichPhrase(folded);
  const noun = which ? askedNoun(which, language) : undefined;
  for (const vocabulary of vocabularies) {
    for (const [pattern, type] of vocabulary.questionOpeners) {
      const match = pattern.exec(folded);
      if (match) consider(match.index, type);
    }
    if (which) consider(which.index, (noun !== undefined ? typeOfNoun(noun, [vocabulary]) : undefined) ?? 'other');
  }
  const who = WHO.exec(folded);
  if (who && !/qu'est-ce qui/u.test(folded)) consider(who.index, 'person');
  const what = WHAT.exec(folded);
  if (what) consider(what.index, 'other');
  if (best) return (best as { type: AnswerType }).type;
  const named = typeNamedFirst(folded, vocabularies);
  if (named) return named;
  const asked = VOCABULARIES[language].yesNo.test(folded) || VOCABULARIES.fr.yesNo.test(folded) || /[?？]$/u.test(folded);
  return asked ? 'yes-no' : 'other';
}
