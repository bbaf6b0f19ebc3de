import type { Article } from '../articles/article';
import type { SearchHit } from '../retrieval/searchHit';
import { foldedArticle, usesStem } from './namesFocus';
import type { QuestionReading } from './readQuestion';

type Term = QuestionReading['terms'][number];

/** A word of the question that says what it is about: not a name or a number, not a cue of the answer's kind, and used by some passage. */
function isTopicWord(term: Term): boolean {
  return !term.name && !term.cue && term.known;
}

function holdsTerm(folded: string, term: Term): boolean {
  return usesStem(folded, term.term) || usesStem(folded, term.otherTerm);
}

/** The share of the weight of `terms` that the article (title and text) holds; 1 when they weigh nothing. */
function heldShare(article: Article, terms: readonly Term[]): number {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 1;
  const folded = foldedArticle(article);
  return terms.filter((t) => holdsTerm(folded, t)).reduce((sum, t) => sum + t.weight, 0) / total;
}

/** The weights of {@link articleFit}: a logistic fit on the PIAF questions of even-numbered articles amid the 10,000 OrangeSum articles, checked on the odd ones. */
const FIT = { bias: -3.023, share: 1.775, shareLead: 1.432, rank: -0.778, scoreLead: 4.297, topicWords: 2.084 / 5 };
/** Topic words counted at most: a long question is not surer beyond them. */
const TOPIC_WORDS_COUNTED = 6;

/**
 * The chance that `article` is the one a question that names nothing is
 * about, from the article as a whole and its place among the retrieved
 * ones: the share of the question's weight its words hold, how far its
 * share of the topic words is ahead of the best other retrieved article's,
 * its rank, how far its score leads the next article's when it ranks first,
 * and how many topic words the question gives (a question of one common
 * word fits many articles). A question answered from an article that does
 * not fit is answered from an article about something else: its sentence
 * shares the question's words by chance.
 */
export function articleFit(reading: QuestionReading, hits: readonly SearchHit[], article: Article): number {
  const topic = reading.terms.filter(isTopicWord);
  const articles: Array<{ article: Article; rank: number; score: number }> = [];
  hits.forEach((hit, rank) => {
    if (!articles.some((a) => a.article.id === hit.article.id)) articles.push({ article: hit.article, rank, score: hit.score });
  });
  const own = articles.find((a) => a.article.id === article.id);
  if (!own) return 0;
  const topicShare = heldShare(article, topic);
  const otherShare = Math.max(0, ...articles.filter((a) => a !== own).map((a) => heldShare(a.article, topic)));
  const top = articles[0].score;
  const next = articles[1]?.score ?? 0;
  const scoreLead = own.rank === 0 && top > 0 ? (top - next) / top : 0;
  const z =
    FIT.bias +
    FIT.share * heldShare(article, reading.terms) +
    FIT.shareLead * (topicShare - otherShare) +
    FIT.rank * Math.log(1 + own.rank) +
    FIT.scoreLead * scoreLead +
    FIT.topicWords * Math.min(topic.length, TOPIC_WORDS_COUNTED);
  return 1 / (1 + Math.exp(-z));
}

/** Topic words a sentence must hold, every one, to stand for its article's fit: fewer are shared by chance. */
export const SENTENCE_TOPIC_WORDS = 3;

/**
 * Whether a sentence holds every word a question asks about (names and cue
 * words aside; a word no passage holds is never held) when the question
 * gives at least {@link SENTENCE_TOPIC_WORDS} topic words (« Le second tour des élections
 * municipales aura lieu le 28 juin » for « Quand aura lieu le second tour
 * des municipales ? »): it says what the question asks about, even when
 * other retrieved articles fit as well and its own ranks behind them.
 */
export function sentenceHoldsTopic(reading: QuestionReading, foldedSentence: string): boolean {
  const asked = reading.terms.filter((term) => !term.name && !term.cue);
  return asked.filter(isTopicWord).length >= SENTENCE_TOPIC_WORDS && asked.every((term) => holdsTerm(foldedSentence, term));
}
