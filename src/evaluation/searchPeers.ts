import { create, insertMultiple, load as oramaLoad, save as oramaSave, search as oramaSearch, type AnyOrama, type RawData } from '@orama/orama';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import MiniSearch from 'minisearch';
import type { Article } from '../articles/article';
import type { Passage } from '../passages/passage';
import type { SearchHit } from '../retrieval/searchHit';
import { foldAccents } from '../text/foldForMatching';

/** The search libraries a user would pick instead of Scoop's own index. */
export type SearchPeerName = 'minisearch' | 'minisearch-articles' | 'orama';

/** Every search peer, in the order reports show them. */
export const SEARCH_PEERS: readonly SearchPeerName[] = ['minisearch', 'orama', 'minisearch-articles'];

/** What each search peer is, for report footnotes. */
export const SEARCH_PEER_DESCRIPTIONS: Record<SearchPeerName, string> = {
  minisearch:
    'MiniSearch 7 over the same passages (fields title + text, title weighted 0.5x since every passage repeats it; processTerm: lower case, @orama/stopwords, Snowball stemmer of @orama/stemmers, accents folded; no fuzzy or prefix search, which cost time and recall here), one index per language',
  'minisearch-articles':
    'MiniSearch 7 configured the same way over whole articles, title boosted 2x as its README shows (a hit anywhere in the article counts, so it is the easier task)',
  orama:
    "Orama 3 over the same passages (schema title + text, title weighted 0.5x; its tokenizer for the language with the @orama/stopwords list, stemming left off as by default: Orama matches query words as prefixes, and with @orama/stemmers' short stems that matched too much, recall@1/5/10 0.15 / 0.31 / 0.38 against 0.22 / 0.41 / 0.49 without, on every 10th PIAF question amid OrangeSum), one database per language",
};

/** A search library built over a corpus, searched as Scoop is. */
export interface SearchPeer {
  name: SearchPeerName;
  search(query: string, k: number): Promise<SearchHit[]>;
  /** The library's own saved form of its indexes (MiniSearch's JSON, Orama's `save`), for {@link loadSearchPeer}. */
  save(): string;
}

/** What the search peers are built from: the passages Scoop indexed and their articles. */
export interface SearchPeerInput {
  articles: readonly Article[];
  passages: readonly Passage[];
}

type PeerLanguage = 'fr' | 'en';

const STEMMERS: Record<PeerLanguage, (word: string) => string> = { fr: frenchStemmer, en: englishStemmer };
const STOPWORDS: Record<PeerLanguage, Set<string>> = { fr: new Set(frenchStopwords), en: new Set(englishStopwords) };
const ORAMA_LANGUAGES = { fr: 'french', en: 'english' } as const;
/**
 * Field boosts of the title. Over whole articles the title is boosted 2x, as
 * MiniSearch's README and Orama's docs show. Over passages, each passage
 * carries its article's title, so a boosted title ties every passage of an
 * article on it: measured on every 10th PIAF question amid the 10,000
 * OrangeSum articles, MiniSearch's recall@5 is 0.58 with the title boosted 2x,
 * 0.64 at 1x, 0.67 at 0.5x and 0.67 with no title; the peers get the 0.5x
 * that serves them best.
 */
const ARTICLE_TITLE_BOOST = 2;
const PASSAGE_TITLE_BOOST = 0.5;

/** English articles go to the English index; French and undetermined ones to the French one (the corpora here are French). */
function peerLanguage(article: Article): PeerLanguage {
  return article.language === 'en' ? 'en' : 'fr';
}

/** MiniSearch's processTerm as its README shows it, with a stop-word list and a stemmer for the language. */
function processTermFor(language: PeerLanguage): (term: string) => string | null {
  const stopwords = STOPWORDS[language];
  const stem = STEMMERS[language];
  return (term) => {
    const lower = term.toLowerCase();
    if (lower.length === 0 || stopwords.has(lower)) return null;
    return foldAccents(stem(lower));
  };
}

/** What a peer's documents are: Scoop's passages, or whole articles. */
type PeerUnit = 'passages' | 'articles';

interface UnitDocument {
  id: number;
  title: string;
  text: string;
}

/** A searchable unit (passage or whole article) with where it sits. */
interface Unit {
  passage: Passage;
  article: Article;
}

/** Units grouped by the language index they go to. */
function byLanguage(units: readonly Unit[]): Map<PeerLanguage, number[]> {
  const groups = new Map<PeerLanguage, number[]>();
  units.forEach((unit, i) => {
    const language = peerLanguage(unit.article);
    const list = groups.get(language) ?? [];
    list.push(i);
    groups.set(language, list);
  });
  return groups;
}

/** Best first across the language indexes (each BM25-scored), cut to k. */
function mergeHits(units: readonly Unit[], scored: { id: number; score: number }[], k: number): SearchHit[] {
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map(({ id, score }) => ({ passage: units[id].passage, article: units[id].article, score }));
}

function unitsOfPassages({ articles, passages }: SearchPeerInput): Unit[] {
  const articleById = new Map(articles.map((article) => [article.id, article]));
  return passages.flatMap((passage) => {
    const article = articleById.get(passage.articleId);
    return article ? [{ passage, article }] : [];
  });
}

/** Each article as one unit: a "passage" spanning its whole text. */
function unitsOfArticles(articles: readonly Article[]): Unit[] {
  return articles.map((article) => ({
    article,
    passage: { id: `${article.id}:all`, articleId: article.id, ordinal: 0, start: 0, end: article.text.length, text: article.text },
  }));
}

/**
 * MiniSearch's options as its README sets them up (fields, processTerm with a
 * stemmer and stop words, a title boost), without `fuzzy` or `prefix`: on
 * every 10th PIAF question amid the OrangeSum articles, fuzzy 0.2 took 870 ms
 * a query and lost recall (0.38 / 0.57 / 0.64 at 1/5/10), prefix search gave
 * 0.39 / 0.59 / 0.65 at a p99 of 2.2 s against 0.41 / 0.58 / 0.66 and 0.5 s
 * without (title boosted 2x in all three).
 */
function miniSearchOptions(language: PeerLanguage, unit: PeerUnit) {
  return {
    fields: ['title', 'text'],
    processTerm: processTermFor(language),
    searchOptions: { boost: { title: unit === 'articles' ? ARTICLE_TITLE_BOOST : PASSAGE_TITLE_BOOST } },
  };
}

function miniSearchPeer(name: SearchPeerName, units: Unit[], indexes: [PeerLanguage, MiniSearch<UnitDocument>][]): SearchPeer {
  return {
    name,
    search: async (query, k) => {
      const scored = indexes.flatMap(([, index]) => index.search(query).slice(0, k).map((result) => ({ id: result.id as number, score: result.score })));
      return mergeHits(units, scored, k);
    },
    save: () => JSON.stringify(indexes.map(([language, index]) => [language, index.toJSON()])),
  };
}

function buildMiniSearch(name: SearchPeerName, units: Unit[]): SearchPeer {
  const indexes: [PeerLanguage, MiniSearch<UnitDocument>][] = [];
  for (const [language, ids] of byLanguage(units)) {
    const index = new MiniSearch<UnitDocument>(miniSearchOptions(language, unitOf(name)));
    index.addAll(ids.map((id) => ({ id, title: units[id].article.title, text: units[id].passage.text })));
    indexes.push([language, index]);
  }
  return miniSearchPeer(name, units, indexes);
}

function unitOf(name: SearchPeerName): PeerUnit {
  return name === 'minisearch-articles' ? 'articles' : 'passages';
}

/**
 * MiniSearch over the same passages Scoop indexes, set up as its README
 * recommends: title and text fields, and a processTerm that drops stop words
 * and stems (per language); see {@link miniSearchOptions}.
 */
export function buildMiniSearchPeer(input: SearchPeerInput): SearchPeer {
  return buildMiniSearch('minisearch', unitsOfPassages(input));
}

/** MiniSearch set up the same way over whole articles: each hit is an article, quoted whole. */
export function buildMiniSearchArticlePeer(input: Pick<SearchPeerInput, 'articles'>): SearchPeer {
  return buildMiniSearch('minisearch-articles', unitsOfArticles(input.articles));
}

/**
 * Orama over the same passages, set up as its docs show for a language: the
 * tokenizer's language and the @orama/stopwords list; title and text
 * searched, the title weighted as for MiniSearch. Stemming stays off (its
 * default): Orama matches every query word as a prefix, so short stems match
 * far too many words (see {@link SEARCH_PEER_DESCRIPTIONS}).
 */
export async function buildOramaPeer(input: SearchPeerInput): Promise<SearchPeer> {
  const units = unitsOfPassages(input);
  const databases: [PeerLanguage, AnyOrama][] = [];
  for (const [language, ids] of byLanguage(units)) {
    const db = createOrama(language);
    await insertMultiple(db, ids.map((id) => ({ id: String(id), title: units[id].article.title, text: units[id].passage.text })), 1000);
    databases.push([language, db]);
  }
  return oramaPeer(units, databases);
}

function createOrama(language: PeerLanguage): AnyOrama {
  return create({
    schema: { title: 'string', text: 'string' } as const,
    components: {
      tokenizer: { language: ORAMA_LANGUAGES[language], stopWords: [...STOPWORDS[language]] },
    },
  });
}

function oramaPeer(units: Unit[], databases: [PeerLanguage, AnyOrama][]): SearchPeer {
  return {
    name: 'orama',
    search: async (query, k) => {
      const scored: { id: number; score: number }[] = [];
      for (const [, db] of databases) {
        const results = await oramaSearch(db, { term: query, properties: ['title', 'text'], boost: { title: PASSAGE_TITLE_BOOST }, limit: k });
        for (const hit of results.hits) scored.push({ id: Number(hit.id), score: hit.score });
      }
      return mergeHits(units, scored, k);
    },
    save: () => JSON.stringify(databases.map(([language, db]) => [language, oramaSave(db)])),
  };
}

/**
 * A search peer from what its {@link SearchPeer.save} wrote, over the same
 * corpus: the library's own way of loading a saved index (its cold start).
 */
export function loadSearchPeer(name: SearchPeerName, input: SearchPeerInput, saved: string): SearchPeer {
  const units = name === 'minisearch-articles' ? unitsOfArticles(input.articles) : unitsOfPassages(input);
  const parts = JSON.parse(saved) as [PeerLanguage, unknown][];
  if (name === 'orama') {
    return oramaPeer(
      units,
      parts.map(([language, raw]) => {
        const db = createOrama(language);
        oramaLoad(db, raw as RawData);
        return [language, db];
      }),
    );
  }
  return miniSearchPeer(
    name,
    units,
    parts.map(([language, json]) => [language, MiniSearch.loadJS<UnitDocument>(json as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions(language, unitOf(name)))]),
  );
}

/** Builds one search peer by name. */
export async function buildSearchPeer(name: SearchPeerName, input: SearchPeerInput): Promise<SearchPeer> {
  switch (name) {
    case 'minisearch':
      return buildMiniSearchPeer(input);
    case 'minisearch-articles':
      return buildMiniSearchArticlePeer(input);
    case 'orama':
      return buildOramaPeer(input);
  }
}
