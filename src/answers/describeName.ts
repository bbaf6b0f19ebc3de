import type { Article } from '../articles/article';
import type { TextSpan } from '../passages/passage';
import { splitSentences } from '../passages/splitSentences';
import type { SearchHit } from '../retrieval/searchHit';
import { foldForMatching } from '../text/foldForMatching';
import { STOP_WORDS } from '../text/stopWords';
import { inEitherLanguage, VOCABULARIES } from '../text/vocabulary';
import { foldedArticle, namesFocusName } from './namesFocus';
import type { FocusName, QuestionReading } from './readQuestion';

/** The particles a name carries inside (« de », "of"): left out when a question's name is matched to its focus. */
const NAME_PARTICLES = inEitherLanguage((v) => v.nameParticles);

/**
 * The name a "who is NAME?" question asks to describe (« Qui est Carlos
 * Ghosn ? », "Who was Jacques Chirac?"): the question says nothing else of
 * it, so what answers is what the articles say it is (« l'ancien PDG de
 * Renault »), not another name of its sentences. Null for any other question.
 */
export function describedName(reading: QuestionReading): FocusName | null {
  const focus = reading.names.filter((n) => !n.place);
  if (focus.length !== 1 || reading.years.length > 0) return null;
  const question = foldForMatching(reading.question).replace(/\s+/g, ' ').trim();
  const asked = VOCABULARIES.fr.whoIs.exec(question) ?? VOCABULARIES.en.whoIs.exec(question);
  if (!asked) return null;
  const wordsOf = (text: string) => (text.match(/[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu) ?? []).filter((w) => !NAME_PARTICLES.has(w)).join(' ');
  return wordsOf(asked[1]) === wordsOf(focus[0].words.join(' ')) ? focus[0] : null;
}

const DETERMINERS = inEitherLanguage((v) => v.determiners);
const STOPS = new Set([...STOP_WORDS.fr, ...STOP_WORDS.en]);
/** Words that name a role or a person (« PDG », "CEO", « patron », « chef », « femme »), other than small words ("sa" of a company's form is also « sa »). */
const ROLES = new Set(
  (['fr', 'en'] as const)
    .flatMap((l) => [...VOCABULARIES[l].personTitles, ...Object.keys(VOCABULARIES[l].typeNouns).filter((noun) => VOCABULARIES[l].typeNouns[noun] === 'person')])
    .filter((w) => w.length > 2 && !STOPS.has(w)),
);
/** What a description stands by: a role or a kind of organisation (« groupe », "company"). */
const HEADS = new Set([...ROLES, ...[...VOCABULARIES.fr.organisationCues, ...VOCABULARIES.en.organisationCues].filter((w) => w.length > 2 && !STOPS.has(w))]);
/** Words a title written before the name does not run back over (see `clauseWords`). */
const CLAUSE_WORDS = inEitherLanguage((v) => v.clauseWords);
/** Words a description may open with before its determiner-less head (see `beforeHead`). */
const BEFORE_HEAD = inEitherLanguage((v) => v.beforeHead);
const CLAUSE_END = /[,;:.!?«»"“”]|\s[-–—]\s/u;
const WORD = /(?:[ldjmnstc]|qu)['’](?=\p{L})|[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*(?:['’]s)?/giu;
/** A description longer than this is a clause, not a description. */
const MAX_WORDS = 14;

/** How a description stands beside the name, and what that says of it. */
type Placement = 'apposition' | 'copula' | 'title';
const PLACEMENT_WEIGHT: Record<Placement, number> = { apposition: 1, copula: 1.1, title: 0.9 };

/** A description of the name found in one sentence. */
export interface NameDescription {
  value: string;
  article: Article;
  /** The sentence that gives it, in article offsets. */
  sentence: TextSpan;
  placement: Placement;
  rank: number;
  /** How many retrieved articles give it. */
  articles: number;
}

interface Word {
  text: string;
  folded: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const folded = foldForMatching(text);
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], folded: folded.slice(m.index, m.index + m[0].length).replace(/['’]$/u, "'"), start: m.index, end: m.index + m[0].length }));
}

/** A phrase that describes: opens with a determiner or the words before a head, holds a head, and is short. */
function describes(words: Word[]): boolean {
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  const opens = DETERMINERS.has(words[0].folded) || BEFORE_HEAD.has(words[0].folded) || HEADS.has(words[0].folded) || /^\p{Lu}/u.test(words[0].text);
  return opens && words.some((w) => HEADS.has(w.folded));
}

/** Prepositions that open an adverbial phrase (« selon », « pour », "according"): a name inside one is no subject an apposition could describe. */
const PHRASE_PREPOSITIONS = new Set([...VOCABULARIES.fr.claims.phrasePrepositions, ...VOCABULARIES.en.claims.phrasePrepositions]);
/** Words that end a title on a complement (« le directeur de campagne de Marine Le Pen »): the title is someone else's. */
const OF = inEitherLanguage((v) => v.complementOf);

/**
 * True when the name stands inside an adverbial phrase of its clause, one a
 * preposition or a present participle opens (« Selon Jean Dupont, », « Visant
 * particulièrement Jean-Luc Mélenchon, », "According to Jean Dupont,"): what
 * follows the comma is the clause's own subject, not a description of the name.
 */
function insidePhrase(text: string, start: number): boolean {
  const words = wordsOf(text.slice(0, start).split(CLAUSE_END).pop() ?? '');
  return words.some((word) => PHRASE_PREPOSITIONS.has(word.folded)) || (words.length > 0 && /^\p{L}{3,}ant$/u.test(words[0].folded));
}

/** The phrase right after the name: « , l'ancien PDG de Renault, » or « est le patron de… », up to the clause's end. */
function after(text: string, start: number, end: number): { value: string; placement: Placement } | null {
  if (insidePhrase(text, start)) return null;
  const opening = /^\s*,\s*|^\s+(?:est|etait|était|fut|is|was)\s+/u.exec(text.slice(end));
  if (!opening) return null;
  const from = end + opening[0].length;
  const stop = CLAUSE_END.exec(text.slice(from));
  const phrase = text.slice(from, stop ? from + stop.index : text.length).trim();
  if (!describes(wordsOf(phrase))) return null;
  return { value: phrase, placement: opening[0].includes(',') ? 'apposition' : 'copula' };
}

/** The title just before the name, a role and what qualifies it: « le patron de Renault Carlos Ghosn », "the former CEO of Renault, Carlos Ghosn" (a bare « Monsieur » says nothing; « le pape » does). */
function before(text: string, start: number): { value: string; placement: Placement } | null {
  const head = text.slice(0, start).replace(/\s*,?\s*$/u, '');
  const clause = head.split(CLAUSE_END).pop() ?? '';
  const offset = head.length - clause.length;
  const words = wordsOf(clause);
  if (words.length > 0 && OF.has(words[words.length - 1].folded)) return null;
  let role = -1;
  for (let i = words.length - 1; i >= Math.max(0, words.length - 8); i -= 1) {
    if (CLAUSE_WORDS.has(words[i].folded)) break;
    if (ROLES.has(words[i].folded)) role = i;
  }
  const h = role;
  if (h < 0) return null;
  let from = h;
  for (let i = h - 1; i >= Math.max(0, h - 4); i -= 1) {
    const word = words[i];
    if (DETERMINERS.has(word.folded)) {
      from = i;
      break;
    }
    if (!HEADS.has(word.folded) && !BEFORE_HEAD.has(word.folded) && !/^\p{Lu}/u.test(word.text) && !/-/u.test(word.text)) break;
    from = i;
  }
  const phrase = head.slice(offset + words[from].start).trim();
  const described = wordsOf(phrase);
  const content = described.filter((w) => !DETERMINERS.has(w.folded));
  const bareTitle = content.length === 1 && /^\p{Lu}/u.test(content[0].text);
  if (!describes(described) || content.length === 0 || bareTitle) return null;
  return { value: phrase, placement: 'title' };
}

function namePattern(name: FocusName): RegExp {
  const body = name.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join("[\\s'’-]+(?:(?:de|du|des|d'|la|le|von|van|der|di|da)[\\s'’]+)?");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * What the retrieved passages say the name is: appositions (« Carlos Ghosn,
 * l'ancien PDG de Renault, »), copulas (« X est le patron de… ») and titles
 * written before it (« le patron de Renault Carlos Ghosn »), each a phrase
 * holding a role or a kind of organisation, from articles that name it;
 * best first (by how it stands and how many articles give it).
 */
export function findNameDescriptions(name: FocusName, hits: readonly SearchHit[]): NameDescription[] {
  const found: NameDescription[] = [];
  const pattern = namePattern(name);
  hits.forEach(({ article, passage }, rank) => {
    if (!namesFocusName(foldedArticle(article), name)) return;
    const text = article.text.slice(passage.start, passage.end);
    for (const span of splitSentences(text, article.language)) {
      const sentence = text.slice(span.start, span.end);
      const folded = foldForMatching(sentence);
      for (const match of folded.matchAll(pattern)) {
        for (const described of [after(sentence, match.index, match.index + match[0].length), before(sentence, match.index)]) {
          if (!described) continue;
          found.push({ ...described, article, rank, articles: 1, sentence: { start: passage.start + span.start, end: passage.start + span.end } });
        }
      }
    }
  });
  const key = (d: NameDescription) => foldForMatching(d.value).replace(/^(?:l'|le |la |les |un |une |the |a |an )/u, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const articlesOf = new Map<string, Set<string>>();
  for (const d of found) articlesOf.set(key(d), (articlesOf.get(key(d)) ?? new Set()).add(d.article.id));
  const score = (d: NameDescription) => PLACEMENT_WEIGHT[d.placement] + 0.3 * Math.min(2, articlesOf.get(key(d))!.size - 1) - 0.01 * d.rank;
  const unique = new Map<string, NameDescription>();
  for (const d of [...found].sort((a, b) => score(b) - score(a))) if (!unique.has(key(d))) unique.set(key(d), { ...d, articles: articlesOf.get(key(d))!.size });
  return [...unique.values()];
}
