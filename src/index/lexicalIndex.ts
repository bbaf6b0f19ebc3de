import type { Language } from '../text/language';
import { analyzeTerms, analyzeTokens, termOf } from '../text/analyzeTerms';
import { compoundParts } from '../text/compoundParts';
import { expandWithLexicon, isConcept } from '../text/expandWithLexicon';
import { answerShapeOf } from '../text/answerShape';
import { VOCABULARIES } from '../text/vocabulary';

/** A text to index under an id, in its language. */
export interface LexicalDocument {
  id: string;
  text: string;
  language: Language;
  /** `analyzeTerms(text, language)` when the caller has them already (see `analyzePassage`); computed otherwise. */
  terms?: string[];
  /** Title of the document's article: a second field of the document, searched with {@link TITLE_WEIGHT} (BM25F). */
  title?: string;
}

/** Options of {@link LexicalIndex.search}. */
export interface LexicalSearchOptions {
  /** Language of the query; read from its stop words when missing. */
  language?: Language;
  /** Ids never returned. */
  exclude?: Set<string>;
  /**
   * Weight of the article's own BM25 score beside the passage's, each scaled
   * by the best of the query (see {@link LexicalIndex.search}); 0 ranks by the
   * passage's score alone. Default {@link ARTICLE_EVIDENCE_WEIGHT}.
   */
  articleWeight?: number;
  /** Length normalisation of the article score (BM25's b over article lengths). Default {@link ARTICLE_LENGTH_NORMALISATION}. */
  articleB?: number;
  /** Weight of a news-lexicon concept of the query (`~release`) beside its words, in documents of another language than the query's. Default {@link CONCEPT_WEIGHT}. */
  conceptWeight?: number;
  /** The same in documents of the query's own language, where its words meet theirs already. Default {@link SAME_LANGUAGE_CONCEPT_WEIGHT}. */
  sameLanguageConceptWeight?: number;
  /** Weight of the title field beside the passage's text; 0 leaves titles out. Default {@link TITLE_WEIGHT}. */
  titleWeight?: number;
  /** Length normalisation of the title field (BM25F's b for it). Default {@link TITLE_LENGTH_NORMALISATION}. */
  titleB?: number;
  /**
   * Weight of a passage's score given to its untouched neighbours (the passages
   * just before and after it in its article that hold no query term), which
   * then compete with their article's evidence; 0 leaves them out. Default
   * {@link NEIGHBOUR_WEIGHT}.
   */
  neighbourWeight?: number;
  /** Weight of the nearest held term of a question word no document holds (see {@link SPELLING_WEIGHT}); 0 leaves misspellings alone. */
  spellingWeight?: number;
  /** Weight of the question's words found close together in a passage, over the best few passages; 0 leaves it out. Default {@link PROXIMITY_WEIGHT}. */
  proximityWeight?: number;
  /** The same as `spellingWeight` for a capitalised word (a name the articles may simply not hold), never above `spellingWeight`. Default {@link NAME_SPELLING_WEIGHT}. */
  nameSpellingWeight?: number;
  /** Weight of a passage holding what the question's answer is written with (a date, a number; see {@link ANSWER_SHAPE_WEIGHT}); 0 leaves it out. */
  answerShapeWeight?: number;
}

/**
 * How much the article a passage comes from counts beside the passage
 * itself. Measured on PIAF dev amid the 10,000 OrangeSum articles (BM25
 * recall@5, even half / odd half): 0 gives 0.677 / 0.656, 0.3 gives 0.706 /
 * 0.680, 0.5 gives 0.715 / 0.688, 1 gives 0.708 / 0.690 (article b 0.75,
 * every question). With the article b of 0.3, on every other question
 * (recall@5 and @10): 0.5 gives 0.721 / 0.705 and 0.769 / 0.758, 0.7 gives
 * 0.724 / 0.707 and 0.780 / 0.767, 1 gives 0.727 / 0.709 and 0.786 / 0.767;
 * the retrieval set's dev recall@10 goes 0.88 -> 0.92 at 1.
 */
export const ARTICLE_EVIDENCE_WEIGHT = 1;

/**
 * BM25's b for the article score: a long article is penalised less than a
 * long passage (it is long because it covers its subject). Measured on every
 * other PIAF dev question amid the 10,000 OrangeSum articles (recall@5, even
 * half / odd half): b 0.75 gives 0.709 / 0.691, 0.3 gives 0.721 / 0.705.
 */
export const ARTICLE_LENGTH_NORMALISATION = 0.3;

/**
 * Weight of an article's title in each of its passages (BM25F: the title's
 * term frequency, normalised by the title's length, counts this much beside
 * the passage's own, before BM25's saturation; document frequencies count a
 * term in either field). Measured on every other PIAF dev question amid the
 * 10,000 OrangeSum articles (recall@1 / @5 / @10, even half | odd half): no
 * title 0.498 / 0.727 / 0.786 | 0.533 / 0.709 / 0.767; weight 0.5 0.511 /
 * 0.744 / 0.805 | 0.550 / 0.733 / 0.784; 1 0.520 / 0.739 / 0.802 | 0.549 /
 * 0.738 / 0.784; 2 0.512 / 0.740 / 0.793 | 0.545 / 0.730 / 0.776 (title b 0.5).
 */
export const TITLE_WEIGHT = 1;

/** BM25F's b for the title field. Same reading as above, weight 1: b 0.2 gives 0.738 / 0.736 at recall@5, 0.5 gives 0.739 / 0.738, 0.8 gives 0.746 / 0.741. */
export const TITLE_LENGTH_NORMALISATION = 0.8;

/**
 * How much of a passage's score its neighbours that hold no query term get
 * (see {@link LexicalSearchOptions.neighbourWeight}): a question's words are
 * often in one passage and its answer in the next or the previous one (a
 * PIAF paragraph, 669 characters at the median, is cut into two ~400-character
 * passages). Measured on every PIAF dev question amid the 10,000 OrangeSum
 * articles (recall@1 / @5 / @10, even half | odd half): 0 gives 0.522 / 0.749 /
 * 0.802 | 0.535 / 0.724 / 0.772; 0.3 gives 0.522 / 0.751 / 0.807 | 0.535 /
 * 0.730 / 0.781; 0.4 gives 0.522 / 0.753 / 0.808 | 0.535 / 0.731 / 0.781; 0.6
 * gives 0.522 / 0.754 / 0.811 | 0.535 / 0.729 / 0.781; 1 gives 0.731 at @5 on
 * the even half. From 0.5 up, one English question of the retrieval set
 * (test/retrieval/recall.test.ts) falls from 5th to 7th (English recall@5
 * 0.913 -> 0.870), so 0.4. Giving neighbours that hold query terms a share
 * too (max or sum of the two, 0.05-0.6) lost at every weight (0.2: 0.746 |
 * 0.721 at @5): it reorders the passages of the right article without
 * knowing which one holds the answer. A passage rescued this way always
 * ranks below the neighbour that gave it its score, so only the neighbours
 * of the best few passages need looking at.
 */
export const NEIGHBOUR_WEIGHT = 0.4;

/**
 * Weight of proximity: the best {@link PROXIMITY_CANDIDATES} passages are
 * ranked again with this much more for the question's words standing close
 * together in them (each pair of distinct question words at most
 * {@link PROXIMITY_WINDOW} terms apart counts the rarer word's idf over their
 * distance, its nearest occurrence only; the sum is scaled by the best
 * candidate's). A question written about a passage often repeats a phrase of
 * it, which BM25's bag of words does not see. Measured on every PIAF dev
 * question amid the 10,000 OrangeSum articles (recall@1 / @5 / @10, even half
 * | odd half): none 0.534 / 0.759 / 0.818 | 0.541 / 0.738 / 0.794; 0.2 over
 * 30 candidates, window 10, 0.550 / 0.758 / 0.823 | 0.554 / 0.745 / 0.796.
 * Other settings on the even half: 0.1 / 0.15 0.543 / 0.762 / 0.820, 0.547 /
 * 0.758 / 0.822; window 5 / 20 0.545 / 0.759 / 0.824, 0.550 / 0.759 / 0.822;
 * 50 candidates 0.551 / 0.759 / 0.824; idf over the squared distance, 0.2
 * 0.544 / 0.759 / 0.823. The retrieval set's French questions over French
 * articles (test/retrieval/recall.test.ts) go 0.684 -> 0.737 at recall@1, the
 * English ones over French articles stay 0.478 / 0.913 / 0.957.
 */
export const PROXIMITY_WEIGHT = 0.2;
/**
 * Weight of the term one edit away that stands in for a question word no
 * document holds (see `nearestHeldTerm`): people misspell
 * (« Exelsior », « modial », « espirt »), and a word no passage holds adds
 * nothing. Measured on every PIAF dev question amid the 10,000 OrangeSum
 * articles (184 of 3,429 questions have a word no passage holds; recall@1 /
 * @5 / @10, even half | odd half): none 0.550 / 0.758 / 0.823 | 0.554 / 0.745
 * / 0.796; 0.5 0.554 / 0.764 / 0.828 | 0.558 / 0.749 / 0.800; 1 0.554 / 0.765
 * / 0.829 | 0.559 / 0.750 / 0.801. The retrieval set's English questions over
 * French articles go 0.957 -> 1.000 at recall@10, the rest unchanged.
 */
export const SPELLING_WEIGHT = 1;
/**
 * {@link SPELLING_WEIGHT} for a capitalised question word: a name the
 * articles don't hold (« Caravage », « Werth ») is often a real name, not a
 * misspelling, and at full weight its stand-in (`caravan`, `woerth`) would
 * bring passages about something else to the top. Below 1, the question's
 * other words decide, and the stand-in still helps a misspelt name
 * (« Strutthof », « Exelsior ») among them. Measured on every PIAF dev
 * question amid the 10,000 OrangeSum articles (59 questions have a
 * capitalised word no passage holds; recall@1 / @5 / @10, even half | odd
 * half): 1 gives 0.554 / 0.765 / 0.829 | 0.559 / 0.750 / 0.801; 0.7 0.554 /
 * 0.764 / 0.828 | 0.559 / 0.749 / 0.801; 0.5 0.554 / 0.764 / 0.828 | 0.559 /
 * 0.749 / 0.800; 0.3 0.554 / 0.763 / 0.828 | 0.559 / 0.750 / 0.800; 0 0.551 /
 * 0.759 / 0.824 | 0.557 / 0.748 / 0.799.
 */
export const NAME_SPELLING_WEIGHT = 0.3;
/**
 * Weight of a passage, among the best {@link PROXIMITY_CANDIDATES}, that
 * holds the shape of the answer the question asks for (see `answerShapeOf`):
 * a year, a month or a century for « Quand », « En quelle année » or "When",
 * a number for « Combien » or "How many", besides the question's own words.
 * Among the passages of the article a question is about, the one holding the
 * date is more likely the one that answers it. Measured on every PIAF dev
 * question amid the 10,000 OrangeSum articles (recall@1 / @5 / @10, even half
 * | odd half): none 0.554 / 0.763 / 0.828 | 0.559 / 0.750 / 0.800; 0.05 0.554
 * / 0.767 / 0.828 | 0.560 / 0.753 / 0.800; 0.1 0.556 / 0.768 / 0.829 | 0.561
 * / 0.753 / 0.800; 0.2 0.556 / 0.768 / 0.830 | 0.562 / 0.753 / 0.802; 0.3
 * 0.557 / 0.768 / 0.828 | 0.562 / 0.753 / 0.801; 0.5 0.553 / 0.767 / 0.828 |
 * 0.561 / 0.752 / 0.801.
 */
export const ANSWER_SHAPE_WEIGHT = 0.2;
/** Shortest question word (in letters of its index term) that a misspelling is looked for. */
export const SPELLING_MIN_LENGTH = 5;

/** How many of the best passages proximity ranks again (see {@link PROXIMITY_WEIGHT}). */
export const PROXIMITY_CANDIDATES = 30;
/** Largest distance, in analysed terms, at which two question words count as close (see {@link PROXIMITY_WEIGHT}). */
export const PROXIMITY_WINDOW = 10;

/**
 * Weight of a query's lexicon concepts (`~release`, ...) beside its own
 * words, in documents of another language than the query's: an English
 * question meets French passages through them (test/retrieval/recall.test.ts,
 * English questions over French articles: recall@1 / @5 0.478 / 0.913 at 1,
 * 0.348 / 0.826 at 0.25), so they keep full weight there.
 */
export const CONCEPT_WEIGHT = 1;

/**
 * Weight of a query's lexicon concepts in documents of its own language. There
 * the question's words already meet the passage's (`lancement` and `lancera`
 * share `lanc`), and the concept counts the same match a second time, or
 * matches any other wording of a broad idea (`~release` is also « sortie »,
 * « disponible »...). Measured on every PIAF dev question amid the 10,000
 * OrangeSum articles (all French; recall@1 / @5 / @10, even half | odd half):
 * 1 gives 0.522 / 0.753 / 0.808 | 0.535 / 0.731 / 0.781; 0.5 gives 0.527 /
 * 0.760 / 0.819 | 0.540 / 0.735 / 0.794; 0.25 gives 0.534 / 0.759 / 0.819 |
 * 0.540 / 0.738 / 0.794; 0 gives 0.527 / 0.758 / 0.815 | 0.540 / 0.735 / 0.794.
 */
export const SAME_LANGUAGE_CONCEPT_WEIGHT = 0.25;

/**
 * The article a document belongs to: Scoop's passage ids are
 * `${articleId}:${ordinal}`, so the part before the last colon; an id
 * without one is an article of its own.
 */
export function articleOfDocument(id: string): string {
  const colon = id.lastIndexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

/** Saved form of a {@link LexicalIndex} (see {@link LexicalIndex.toJSON}). */
export interface LexicalIndexData {
  format: typeof FORMAT;
  version: typeof VERSION;
  k1: number;
  b: number;
  ids: string[];
  /** Length in terms of each document, in `ids` order. */
  lengths: number[];
  /** Length in terms of each document's title, in `ids` order. */
  titleLengths: number[];
  /** Language of each document, one letter each in `ids` order (see {@link LANGUAGE_LETTERS}). */
  languages: string;
  terms: string[];
  /** Each document's analysed terms in text order, as indices into `terms` (for proximity). */
  sequences: number[][];
  /** Per term, flat pairs `[documentGap, frequencies, ...]` (see {@link packFrequencies}); the first gap counts from 0. */
  postings: number[][];
}

const FORMAT = 'scoop-lexical-index';
const BINARY_FORMAT = 'scoop-lexical-index-binary';
/** 5: documents' term sequences; 4: documents' languages; 3: titles as a field (title lengths, title frequencies in the postings); 2: article postings saved; 1: passage postings alone. */
const VERSION = 5;
/** A document's language saved as one letter; its place in the string is its code in {@link LexicalIndex.slotLanguage} (0: `und`). */
const LANGUAGE_LETTERS = 'ufe';

function languageCode(language: Language | undefined): number {
  return language === 'fr' ? 1 : language === 'en' ? 2 : 0;
}

/** The language codes of a saved `languages` string, checked against the number of documents. */
function languageCodes(letters: unknown, documents: number): number[] {
  if (typeof letters !== 'string' || letters.length !== documents) fail(`languages must be a string of ${documents} letters`);
  return Array.from(letters, (letter) => {
    const code = LANGUAGE_LETTERS.indexOf(letter);
    if (code < 0) fail(`unknown language letter ${JSON.stringify(letter)}`);
    return code;
  });
}
/** Term frequencies of one document are packed in one number: the text's in the low 16 bits, the title's above. */
const TITLE_SHIFT = 16;
/** Numbers (two a posting) from which a term's postings grow in a typed room rather than an array (see `postingRoom`). */
const LONG_POSTINGS = 64;

/** Slot terms keep each term id doubled, plus 1 when the document's text holds it (not its title alone). */
const IN_TEXT = 1;
const TEXT_MASK = 0xffff;

/** A document's text and title frequencies of a term as one posting value (each capped at 65,535). */
function packFrequencies(text: number, title: number): number {
  return Math.min(title, TEXT_MASK) * (TEXT_MASK + 1) + Math.min(text, TEXT_MASK);
}
/** BM25 length norms for one set of search options, per slot and per article group (see {@link LexicalIndex.search}). */
interface SearchNorms {
  /** The title weight, title b and article b they were computed for. */
  key: string;
  /** `1 / (1 - b + b length / average length)` per slot. */
  text: Float64Array;
  /** `titleWeight / (1 - titleB + titleB title length / average title length)` per slot. */
  title: Float64Array;
  /** `k1 (1 - articleB + articleB length / average length)` per article group. */
  article: Float64Array;
}

/** A query term's weight in documents of another language than the query's (or any, when the query's language is unknown), and in documents of its own. */
interface QueryTermWeight {
  weight: number;
  ownLanguageWeight: number;
}

/** Weight of the other language's stem of a query word (names such as `Nvidia` stem differently). */
const CROSS_LANGUAGE_WEIGHT = 0.5;
/** Weight of each part of a hyphenated query term (`gpt`, `4.5` of `gpt-4.5`); the whole term decides. */
const PART_WEIGHT = 0.3;

function fail(reason: string): never {
  throw new Error(`LexicalIndex.fromJSON: ${reason}; rebuild the lexical index from the corpus`);
}

/**
 * BM25 over the analysed terms of passages (French and English stems, stop
 * words removed, hyphenated names also by their parts so "GPT 4.5" meets
 * "GPT-4.5") and the news-lexicon concepts they express, so an English
 * question reaches a French passage through `~release`, `~partner`, ...
 * A document's title is a second field (BM25F, see {@link TITLE_WEIGHT}).
 * A passage's score also counts the evidence of its whole article (BM25 of
 * the article's terms, from the same postings; see {@link articleOfDocument}).
 * Documents can be added, replaced (same id) and removed; the index saves to
 * a compact JSON form and loads back quickly.
 */
export class LexicalIndex {
  readonly k1: number;
  readonly b: number;
  private slotIds: (string | null)[] = [];
  private slotOf = new Map<string, number>();
  private lengths: number[] = [];
  private totalLength = 0;
  /** Length in terms of each slot's title, and their live total. */
  private titleLengths: number[] = [];
  /** Language code of each slot (0 `und`, 1 `fr`, 2 `en`), and of each article group (its first passage's). */
  private slotLanguage: number[] = [];
  private groupLanguage: number[] = [];
  /** Each slot's analysed text terms in order, as term ids (null once removed): where the question's words stand, for proximity. */
  private sequences: (Uint32Array | null)[] = [];
  private totalTitleLength = 0;
  private removedSlots = 0;
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  /** Per term id, flat pairs `[slot, packed text and title frequencies, ...]` in slot order (typed views after {@link fromBinary}; short lists added to are arrays, long ones views of {@link postingRoom}). */
  private postings: (number[] | Uint32Array)[] = [];
  /**
   * The room a long list added to grows in (twice its length when full), with
   * `postings[termId]` a view of its used part: 4 bytes a number where an
   * array takes 8 and more, the largest share of a build's memory.
   */
  private postingRoom: (Uint32Array | undefined)[] = [];
  /** Live documents holding each term, in their text or their title. */
  private documentFrequency: number[] = [];
  /** Live documents holding each term in their text. */
  private textFrequency: number[] = [];
  /** Term ids per slot (`2 id + IN_TEXT` when the text holds it), built from the postings on the first removal (a build that removes nothing never needs them), then kept up to date. */
  private slotTerms: (Uint32Array | null)[] | null = null;
  /** Article (group) index of each slot, with each article's live length and live passages. */
  private slotGroup: number[] = [];
  private groupOf = new Map<string, number>();
  private groupLength: number[] = [];
  private groupLive: number[] = [];
  private liveGroups = 0;
  /** Scratch of {@link search} (zero between searches): scores per slot and per article, term frequency per article. */
  private slotScores = new Float64Array(0);
  /** The length norms of the last search's options, dropped whenever a document comes or goes (see {@link normsFor}). */
  private norms: SearchNorms | null = null;
  private groupScores = new Float64Array(0);
  private groupTf = new Float64Array(0);
  /** Scratch of {@link search}: the slots and article groups a query touched (no array grows per query). */
  private touchedSlots = new Int32Array(0);
  private touchedGroupList = new Int32Array(0);
  /** Each term id's answer shapes (see {@link shapeOfTerm}), -1 until first asked. */
  private termShapes = new Int8Array(0);
  /** Scratch of proximity: each term id's place among the question's words, -1 for the rest (-1 between searches). */
  private wordOfTerm = new Int32Array(0);
  /**
   * Per term id, flat pairs `[article group, summed term frequency, ...]` over
   * live documents, so the article half of the score costs one step per
   * article rather than one per passage. Saved in the binary form; a term's
   * list is dropped when a document holding it is added or removed, and built
   * again on the term's next search.
   */
  private groupPostings: (Uint32Array | undefined)[] = [];

  constructor({ k1 = 1.2, b = 0.75 }: { k1?: number; b?: number } = {}) {
    this.k1 = k1;
    this.b = b;
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Whether a document with this id is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The share of live documents whose text holds `term` (an analysed term, as `analyzeTerms` gives it), 0 when none does. */
  documentShare(term: string): number {
    const termId = this.termIds.get(term);
    if (termId === undefined || this.slotOf.size === 0) return 0;
    return Math.max(0, this.textFrequency[termId]) / this.slotOf.size;
  }

  /** Indexes documents; a document whose id is already indexed replaces it. */
  add(docs: LexicalDocument[]): void {
    const titles = new Map<string, Map<string, number>>();
    const grown = new Map<number, number>();
    const settle = () => {
      for (const [termId, length] of grown) this.postings[termId] = (this.postingRoom[termId] as Uint32Array).subarray(0, length);
      grown.clear();
    };
    for (const doc of docs) {
      if (this.slotOf.has(doc.id)) {
        settle();
        this.remove([doc.id]);
      }
      const analyzed = doc.terms ?? analyzeTerms(doc.text, doc.language);
      const frequencies = termFrequencies(analyzed, doc.language);
      let length = 0;
      for (const frequency of frequencies.values()) length += frequency;
      const titleKey = `${doc.language}\u0000${doc.title ?? ''}`;
      let title = titles.get(titleKey);
      if (!title) titles.set(titleKey, (title = doc.title ? termFrequencies(analyzeTerms(doc.title, doc.language), doc.language) : new Map()));
      let titleLength = 0;
      for (const frequency of title.values()) titleLength += frequency;
      const slot = this.slotIds.length;
      this.slotIds.push(doc.id);
      this.slotOf.set(doc.id, slot);
      this.lengths.push(length);
      this.totalLength += length;
      this.titleLengths.push(titleLength);
      this.totalTitleLength += titleLength;
      this.slotLanguage.push(languageCode(doc.language));
      this.joinGroup(slot, doc.id, length);
      const ids: number[] | null = this.slotTerms ? [] : null;
      const post = (term: string, text: number, inTitle: number) => {
        const termId = this.termId(term);
        this.appendPosting(termId, slot, packFrequencies(text, inTitle), grown);
        this.documentFrequency[termId] += 1;
        if (text > 0) this.textFrequency[termId] += 1;
        this.groupPostings[termId] = undefined;
        ids?.push(termId * 2 + (text > 0 ? IN_TEXT : 0));
      };
      for (const [term, frequency] of frequencies) post(term, frequency, title.get(term) ?? 0);
      for (const [term, frequency] of title) if (!frequencies.has(term)) post(term, 0, frequency);
      if (ids) this.slotTerms?.push(Uint32Array.from(ids));
      this.sequences.push(Uint32Array.from(analyzed, (term) => this.termId(term)));
    }
    settle();
    if (docs.length > 0) this.forgetDerived();
  }

  /**
   * Appends a pair to a term's postings: pushed onto a short list, written
   * into the room of a long one (see {@link postingRoom}), whose view
   * `grown` records the new length of until the caller settles it.
   */
  private appendPosting(termId: number, slot: number, frequencies: number, grown: Map<number, number>): void {
    const list = this.postings[termId];
    let room = this.postingRoom[termId];
    if (room === undefined && Array.isArray(list) && list.length < LONG_POSTINGS) {
      list.push(slot, frequencies);
      return;
    }
    const used = grown.get(termId) ?? list.length;
    if (room === undefined || room.length < used + 2) {
      const larger = new Uint32Array(Math.max(2 * LONG_POSTINGS, 2 * used));
      larger.set(room === undefined ? list : room.subarray(0, used));
      room = this.postingRoom[termId] = larger;
    }
    room[used] = slot;
    room[used + 1] = frequencies;
    grown.set(termId, used + 2);
  }

  /** Drops the documents with these ids; unknown ids are ignored. */
  remove(ids: Iterable<string>): void {
    let slotTerms: (Uint32Array | null)[] | null = null;
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      slotTerms ??= this.ensureSlotTerms();
      this.slotOf.delete(id);
      this.slotIds[slot] = null;
      this.totalLength -= this.lengths[slot];
      this.totalTitleLength -= this.titleLengths[slot];
      this.leaveGroup(slot);
      for (const entry of slotTerms[slot] ?? []) {
        const termId = entry >>> 1;
        this.documentFrequency[termId] -= 1;
        if (entry & IN_TEXT) this.textFrequency[termId] -= 1;
        this.groupPostings[termId] = undefined;
      }
      slotTerms[slot] = null;
      this.sequences[slot] = null;
      this.removedSlots += 1;
    }
    this.forgetDerived();
    if (this.removedSlots > 1000 && this.removedSlots > this.slotOf.size) this.compact();
  }

  /**
   * The `k` best documents for `query`, best first. The query is analysed in
   * its language (given or detected) with lexicon concepts; each word's stem
   * in the other language counts at half weight, so names that the two
   * stemmers cut differently still match. A document's score is its BM25
   * score over the best document's, plus `articleWeight` times its
   * article's BM25 score (the article's passages taken as one text) over the
   * best article's: a passage of the article the question is about beats an
   * equally matching passage elsewhere. The passages just before and after
   * the best ones that hold no query term compete too, with `neighbourWeight`
   * times their neighbour's passage score (see {@link NEIGHBOUR_WEIGHT}).
   */
  search(query: string, k: number, options: LexicalSearchOptions = {}): { id: string; score: number }[] {
    if (k <= 0 || this.slotOf.size === 0) return [];
    const { weights, words, language: queryLanguage } = this.queryWeights(query, options);
    const queryCode = languageCode(queryLanguage);
    const { slotLanguage, groupLanguage } = this;
    const articleB = options.articleB ?? ARTICLE_LENGTH_NORMALISATION;
    const articleWeight = options.articleWeight ?? ARTICLE_EVIDENCE_WEIGHT;
    const titleWeight = options.titleWeight ?? TITLE_WEIGHT;
    const titleB = options.titleB ?? TITLE_LENGTH_NORMALISATION;
    if (this.slotScores.length < this.slotIds.length) {
      this.slotScores = new Float64Array(Math.ceil(this.slotIds.length * 1.25));
      this.touchedSlots = new Int32Array(this.slotScores.length);
    }
    if (this.groupScores.length < this.groupLength.length) {
      this.groupScores = new Float64Array(Math.ceil(this.groupLength.length * 1.25));
      this.touchedGroupList = new Int32Array(this.groupScores.length);
    }
    const scores = this.slotScores;
    const touched = this.touchedSlots;
    const groupScores = this.groupScores;
    const touchedGroups = this.touchedGroupList;
    let touchedCount = 0;
    let touchedGroupCount = 0;
    let best = 0;
    let bestGroup = 0;
    const count = this.slotOf.size;
    const { k1 } = this;
    const byGroup = articleWeight > 0;
    const norms = this.normsFor(titleWeight, titleB, articleB);
    const { text: textNorms, title: titleNorms, article: groupNorms } = norms;
    const slotIds = this.slotIds;
    const anyRemoved = this.removedSlots > 0;
    for (const [term, { weight, ownLanguageWeight }] of weights) {
      const termId = this.termIds.get(term);
      if (termId === undefined) continue;
      const df = this.documentFrequency[termId];
      if (df <= 0) continue;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      const postings = this.postings[termId];
      const scale = weight * idf * (k1 + 1);
      const byLanguage = queryCode !== 0 && ownLanguageWeight !== weight;
      const sameLanguageScale = ownLanguageWeight * idf * (k1 + 1);
      for (let i = 0; i < postings.length; i += 2) {
        const slot = postings[i];
        if (anyRemoved && slotIds[slot] === null) continue;
        const frequencies = postings[i + 1];
        let tf: number;
        if (frequencies <= TEXT_MASK) tf = frequencies * textNorms[slot];
        else {
          tf = (frequencies & TEXT_MASK) * textNorms[slot] + (frequencies >>> TITLE_SHIFT) * titleNorms[slot];
          if (tf === 0) continue;
        }
        if (scores[slot] === 0) touched[touchedCount++] = slot;
        const score = (scores[slot] += ((byLanguage && slotLanguage[slot] === queryCode ? sameLanguageScale : scale) * tf) / (tf + k1));
        if (score > best) best = score;
      }
      if (!byGroup) continue;
      const groups = this.groupPostingsOf(termId);
      const groupCount = groups.length / 2;
      const groupIdf = Math.log(1 + (this.liveGroups - groupCount + 0.5) / (groupCount + 0.5)) * (k1 + 1);
      const groupScale = weight * groupIdf;
      const sameLanguageGroupScale = ownLanguageWeight * groupIdf;
      for (let i = 0; i < groups.length; i += 2) {
        const group = groups[i];
        const tf = groups[i + 1];
        if (groupScores[group] === 0) touchedGroups[touchedGroupCount++] = group;
        const score = (groupScores[group] += ((byLanguage && groupLanguage[group] === queryCode ? sameLanguageGroupScale : groupScale) * tf) / (tf + groupNorms[group]));
        if (score > bestGroup) bestGroup = score;
      }
    }
    const neighbourWeight = options.neighbourWeight ?? NEIGHBOUR_WEIGHT;
    const proximityWeight = options.proximityWeight ?? PROXIMITY_WEIGHT;
    const shapeWeight = options.answerShapeWeight ?? ANSWER_SHAPE_WEIGHT;
    const shape = shapeWeight > 0 ? answerShapeOf(query, queryLanguage) : undefined;
    const shapeBit = shape === 'date' ? DATE_SHAPE : shape === 'number' ? NUMBER_SHAPE : 0;
    const reranks = (proximityWeight > 0 && words.length > 1) || shapeBit !== 0;
    const wanted = Math.max(k + (options.exclude?.size ?? 0), reranks ? PROXIMITY_CANDIDATES : 0);
    const top = new TopSlots(Math.min(touchedCount * (neighbourWeight > 0 ? 3 : 1), wanted));
    const groupShare = bestGroup > 0 ? articleWeight / bestGroup : 0;
    const slotGroup = this.slotGroup;
    const passageShare = byGroup ? 1 / best : 1;
    for (let i = 0; i < touchedCount; i += 1) {
      const slot = touched[i];
      const score = scores[slot] * passageShare + groupShare * groupScores[slotGroup[slot]];
      if (score > top.floor) top.offer(slot, score);
    }
    if (neighbourWeight > 0) {
      const rescued = new Map<number, number>();
      const lenders = Math.min(top.filled, k + (options.exclude?.size ?? 0));
      for (let i = 0; i < lenders; i += 1) {
        const raw = neighbourWeight * scores[top.slots[i]];
        for (const other of this.adjacentSlots(top.slots[i])) {
          if (scores[other] === 0 && raw > (rescued.get(other) ?? 0)) rescued.set(other, raw);
        }
      }
      for (const [slot, raw] of rescued) top.offer(slot, byGroup ? raw / best + groupShare * groupScores[slotGroup[slot]] : raw);
    }
    if (reranks) this.rankByProximity(top, words.length > 1 ? proximityWeight : 0, words, shapeBit, shapeWeight);
    for (let i = 0; i < touchedCount; i += 1) scores[touched[i]] = 0;
    for (let i = 0; i < touchedGroupCount; i += 1) groupScores[touchedGroups[i]] = 0;
    const ranked: { id: string; score: number }[] = [];
    for (let i = 0; i < top.filled && ranked.length < k; i += 1) {
      const id = slotIds[top.slots[i]] as string;
      if (!options.exclude?.has(id)) ranked.push({ id, score: top.scores[i] });
    }
    return ranked;
  }

  /**
   * Adds proximity and the answer's shape to the best
   * {@link PROXIMITY_CANDIDATES} of `top` and sorts them again. Proximity
   * (see {@link PROXIMITY_WEIGHT}): each pair of distinct question words
   * standing at most {@link PROXIMITY_WINDOW} terms apart in a passage counts
   * the rarer one's idf over their distance, at their nearest, and the sums
   * are scaled by the best candidate's. Shape (see {@link ANSWER_SHAPE_WEIGHT}):
   * `shapeWeight` for a passage holding a term of `shape` (a {@link DATE_SHAPE}
   * or {@link NUMBER_SHAPE} bit) that is not one of the question's words. The
   * passages below the candidates keep their place: adding never lowers a candidate.
   */
  private rankByProximity(top: TopSlots, weight: number, words: readonly string[], shape: number, shapeWeight: number): void {
    const count = this.slotOf.size;
    const known: number[] = [];
    const idfs: number[] = [];
    for (const word of words) {
      const termId = this.termIds.get(word);
      if (termId === undefined || this.textFrequency[termId] <= 0) continue;
      known.push(termId);
      idfs.push(Math.log(count / this.textFrequency[termId]));
    }
    const n = idfs.length;
    const byProximity = weight > 0 && n >= 2;
    if (!byProximity && shape === 0) return;
    if (this.wordOfTerm.length < this.terms.length) this.wordOfTerm = new Int32Array(Math.ceil(this.terms.length * 1.25)).fill(-1);
    const wordOfTerm = this.wordOfTerm;
    known.forEach((termId, word) => {
      wordOfTerm[termId] = word;
    });
    const pairWeight = new Float64Array(n * n);
    for (let word = 0; word < n; word += 1) for (let other = 0; other < n; other += 1) pairWeight[word * n + other] = Math.min(idfs[word], idfs[other]);
    const candidates = Math.min(top.filled, PROXIMITY_CANDIDATES);
    const closeness = new Float64Array(candidates);
    const shaped = new Uint8Array(candidates);
    const lastAt = new Int32Array(n);
    const bestPair = new Float64Array(n * n);
    let most = 0;
    for (let c = 0; c < candidates; c += 1) {
      const sequence = this.sequences[top.slots[c]];
      if (!sequence) continue;
      lastAt.fill(-1);
      bestPair.fill(0);
      for (let at = 0; at < sequence.length; at += 1) {
        const word = wordOfTerm[sequence[at]];
        if (word < 0) {
          if (shape !== 0 && shaped[c] === 0 && (this.shapeOfTerm(sequence[at]) & shape) !== 0) shaped[c] = 1;
          continue;
        }
        if (!byProximity) continue;
        for (let other = 0; other < n; other += 1) {
          const before = lastAt[other];
          if (other === word || before < 0 || at - before > PROXIMITY_WINDOW) continue;
          const pair = word < other ? word * n + other : other * n + word;
          const value = pairWeight[pair] / (at - before);
          if (value > bestPair[pair]) bestPair[pair] = value;
        }
        lastAt[word] = at;
      }
      let sum = 0;
      for (let pair = 0; pair < bestPair.length; pair += 1) sum += bestPair[pair];
      closeness[c] = sum;
      if (sum > most) most = sum;
    }
    for (const termId of known) wordOfTerm[termId] = -1;
    const proximityShare = most > 0 ? weight / most : 0;
    if (proximityShare === 0 && !shaped.includes(1)) return;
    const { slots, scores } = top;
    for (let c = 0; c < candidates; c += 1) {
      const slot = slots[c];
      placeByScore(slots, scores, c, slot, scores[c] + proximityShare * closeness[c] + shapeWeight * shaped[c]);
    }
  }

  /** The answer shapes a term is written in: {@link DATE_SHAPE} for a year, a month or a century, {@link NUMBER_SHAPE} for a number (worked out on first need, then kept). */
  private shapeOfTerm(termId: number): number {
    if (this.termShapes.length < this.terms.length) {
      const grown = new Int8Array(Math.ceil(this.terms.length * 1.25)).fill(-1);
      grown.set(this.termShapes);
      this.termShapes = grown;
    }
    let shape = this.termShapes[termId];
    if (shape < 0) {
      shape = shapeOfWrittenTerm(this.terms[termId]);
      this.termShapes[termId] = shape;
    }
    return shape;
  }

  /** The live passages just before and after a slot's in its article (ids `${article}:${ordinal ± 1}`, see {@link articleOfDocument}), usually the slots beside it. */
  private adjacentSlots(slot: number): number[] {
    const id = this.slotIds[slot] as string;
    const colon = id.lastIndexOf(':');
    const ordinal = Number(id.slice(colon + 1));
    if (colon < 0 || !Number.isInteger(ordinal)) return [];
    const prefix = id.slice(0, colon + 1);
    const adjacent: number[] = [];
    for (const step of [-1, 1]) {
      const wanted = prefix + (ordinal + step);
      const found = this.slotIds[slot + step] === wanted ? slot + step : this.slotOf.get(wanted);
      if (found !== undefined) adjacent.push(found);
    }
    return adjacent;
  }

  /** The live documents renumbered from 0 in slot order, as both saved forms store them: each slot's new number (-1 when removed), the ids and the language letters. */
  private liveSlots(): { newSlot: Int32Array; ids: string[]; languages: string } {
    const newSlot = new Int32Array(this.slotIds.length).fill(-1);
    const ids: string[] = [];
    let languages = '';
    this.slotIds.forEach((id, slot) => {
      if (id === null) return;
      newSlot[slot] = ids.length;
      ids.push(id);
      languages += LANGUAGE_LETTERS[this.slotLanguage[slot]];
    });
    return { newSlot, ids, languages };
  }

  /** The compact saved form: live documents only, postings as gap-encoded arrays. */
  toJSON(): LexicalIndexData {
    const { newSlot, ids, languages } = this.liveSlots();
    const lengths: number[] = [];
    const titleLengths: number[] = [];
    this.slotIds.forEach((id, slot) => {
      if (id === null) return;
      lengths.push(this.lengths[slot]);
      titleLengths.push(this.titleLengths[slot]);
    });
    const terms: string[] = [];
    const postings: number[][] = [];
    const newTerm = new Int32Array(this.terms.length).fill(-1);
    this.postings.forEach((list, termId) => {
      if (this.documentFrequency[termId] <= 0) return;
      newTerm[termId] = terms.length;
      const encoded: number[] = [];
      let previous = 0;
      for (let i = 0; i < list.length; i += 2) {
        const slot = newSlot[list[i]];
        if (slot < 0) continue;
        encoded.push(slot - previous, list[i + 1]);
        previous = slot;
      }
      terms.push(this.terms[termId]);
      postings.push(encoded);
    });
    const sequences: number[][] = [];
    this.slotIds.forEach((id, slot) => {
      if (id !== null) sequences.push(Array.from(this.sequences[slot] ?? [], (termId) => newTerm[termId]));
    });
    return { format: FORMAT, version: VERSION, k1: this.k1, b: this.b, ids, lengths, titleLengths, languages, terms, postings, sequences };
  }

  /**
   * The saved form as bytes, quick to load (see {@link fromBinary}): a JSON
   * header (format, k1, b, ids, languages, terms), then uint32 sections: document
   * lengths, title lengths, sequence lengths, passage pairs per term, article pairs per term,
   * the gap-encoded `[slot, packed frequencies]` pairs, and the `[article,
   * summed text tf]` pairs (articles
   * numbered in the order their first passage appears in `ids`), so a loaded
   * index searches at full speed from its first query.
   */
  toBinary(): Uint8Array {
    return new Uint8Array(Buffer.concat([...this.binaryChunks()]));
  }

  /**
   * {@link toBinary}'s bytes in pieces of about `chunkBytes` (the header and
   * the counts first, then the postings), written straight from the live
   * postings: no copy of them, nor the whole file, is held at once. The index
   * must not change until the last piece is taken.
   */
  *binaryChunks(chunkBytes = 1 << 20): Generator<Uint8Array> {
    const { newSlot, ids, languages } = this.liveSlots();
    const { slotArticle, articles } = articleNumbers(ids);
    const termIds: number[] = [];
    const pairCounts: number[] = [];
    const articlePairCounts: number[] = [];
    const lastTerm = new Int32Array(articles).fill(-1);
    this.postings.forEach((list, termId) => {
      if (this.documentFrequency[termId] <= 0) return;
      let pairs = 0;
      let articlePairs = 0;
      for (let i = 0; i < list.length; i += 2) {
        const slot = newSlot[list[i]];
        if (slot < 0) continue;
        pairs += 1;
        if ((list[i + 1] & TEXT_MASK) === 0) continue;
        const article = slotArticle[slot];
        if (lastTerm[article] !== termId) {
          lastTerm[article] = termId;
          articlePairs += 1;
        }
      }
      termIds.push(termId);
      pairCounts.push(pairs);
      articlePairCounts.push(articlePairs);
    });
    const terms = termIds.map((termId) => this.terms[termId]);
    const newTerm = new Int32Array(this.terms.length).fill(-1);
    termIds.forEach((termId, i) => (newTerm[termId] = i));
    const header = Buffer.from(JSON.stringify({ format: BINARY_FORMAT, version: VERSION, k1: this.k1, b: this.b, ids, languages, terms }));
    const headerWords = Math.ceil(header.byteLength / 4);
    const head = new Uint32Array(1 + headerWords + 3 * ids.length + 2 * terms.length);
    head[0] = header.byteLength;
    new Uint8Array(head.buffer).set(header, 4);
    let at = 1 + headerWords;
    this.slotIds.forEach((_id, slot) => {
      if (newSlot[slot] < 0) return;
      head[at + newSlot[slot]] = this.lengths[slot];
      head[at + ids.length + newSlot[slot]] = this.titleLengths[slot];
      head[at + 2 * ids.length + newSlot[slot]] = this.sequences[slot]?.length ?? 0;
    });
    at += 3 * ids.length;
    head.set(pairCounts, at);
    head.set(articlePairCounts, at + terms.length);
    yield new Uint8Array(head.buffer);

    const chunkWords = Math.max(2, Math.floor(chunkBytes / 8) * 2);
    let chunk = new Uint32Array(chunkWords);
    let filled = 0;
    const full = () => {
      const done = new Uint8Array(chunk.buffer);
      chunk = new Uint32Array(chunkWords);
      filled = 0;
      return done;
    };
    for (const termId of termIds) {
      const list = this.postings[termId];
      let previous = 0;
      for (let i = 0; i < list.length; i += 2) {
        const slot = newSlot[list[i]];
        if (slot < 0) continue;
        chunk[filled++] = slot - previous;
        chunk[filled++] = list[i + 1];
        previous = slot;
        if (filled === chunkWords) yield full();
      }
    }
    const summed = new Uint32Array(articles);
    const touched: number[] = [];
    for (const termId of termIds) {
      const list = this.postings[termId];
      for (let i = 0; i < list.length; i += 2) {
        const slot = newSlot[list[i]];
        const tf = list[i + 1] & TEXT_MASK;
        if (slot < 0 || tf === 0) continue;
        const article = slotArticle[slot];
        if (summed[article] === 0) touched.push(article);
        summed[article] += tf;
      }
      for (const article of touched) {
        chunk[filled++] = article;
        chunk[filled++] = summed[article];
        summed[article] = 0;
        if (filled === chunkWords) yield full();
      }
      touched.length = 0;
    }
    for (let slot = 0; slot < this.slotIds.length; slot += 1) {
      if (newSlot[slot] < 0) continue;
      for (const termId of this.sequences[slot] ?? []) {
        chunk[filled++] = newTerm[termId];
        if (filled === chunkWords) yield full();
      }
    }
    if (filled > 0) yield new Uint8Array(chunk.buffer, 0, filled * 4);
  }

  /** Loads what {@link toBinary} produced; throws an Error naming the problem when `bytes` are not such an index (another version included). */
  static fromBinary(bytes: Uint8Array): LexicalIndex {
    if (bytes.byteLength < 4 || bytes.byteLength % 4 !== 0) fail('expected a whole number of 32-bit words');
    const words = new Uint32Array(Uint8Array.prototype.slice.call(bytes).buffer);
    const headerBytes = words[0];
    const headerWords = Math.ceil(headerBytes / 4);
    if (4 + headerBytes > bytes.byteLength) fail('header runs past the end');
    let header: { format?: unknown; version?: unknown; k1?: unknown; b?: unknown; ids?: unknown; languages?: unknown; terms?: unknown };
    try {
      header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, headerBytes).toString('utf8'));
    } catch {
      fail('header is not JSON');
    }
    if (header.format !== BINARY_FORMAT) fail(`unknown format ${JSON.stringify(header.format)}`);
    if (header.version !== VERSION) fail(`unsupported version ${JSON.stringify(header.version)}`);
    const { k1, b, ids, terms } = header;
    if (typeof k1 !== 'number' || typeof b !== 'number') fail('k1 and b must be numbers');
    if (!Array.isArray(ids) || !Array.isArray(terms)) fail('ids and terms must be arrays');
    const slotLanguage = languageCodes(header.languages, ids.length);
    let at = 1 + headerWords;
    if (at + 3 * ids.length + 2 * terms.length > words.length) fail('sections run past the end');
    const lengths = words.subarray(at, at + ids.length);
    at += ids.length;
    const titleLengths = words.subarray(at, at + ids.length);
    at += ids.length;
    const sequenceLengths = words.subarray(at, at + ids.length);
    at += ids.length;
    const pairCounts = words.subarray(at, at + terms.length);
    at += terms.length;
    const articlePairCounts = words.subarray(at, at + terms.length);
    at += terms.length;
    const index = new LexicalIndex({ k1, b });
    index.slotTerms = null;
    let totalLength = 0;
    ids.forEach((id, slot) => {
      if (typeof id !== 'string') fail(`id ${slot} is not a string`);
      if (index.slotOf.has(id)) fail(`duplicate id ${id}`);
      index.slotOf.set(id, slot);
      totalLength += lengths[slot];
    });
    index.slotIds = ids as string[];
    index.lengths = Array.from(lengths);
    index.totalLength = totalLength;
    index.titleLengths = Array.from(titleLengths);
    index.totalTitleLength = index.titleLengths.reduce((sum, length) => sum + length, 0);
    index.slotLanguage = slotLanguage;
    index.slotIds.forEach((id, slot) => index.joinGroup(slot, id as string, index.lengths[slot]));
    for (let termId = 0; termId < terms.length; termId += 1) {
      const term = terms[termId];
      if (typeof term !== 'string' || index.termIds.has(term)) fail(`term ${termId} is not a unique string`);
      const end = at + pairCounts[termId] * 2;
      if (end > words.length) fail(`postings of term ${JSON.stringify(term)} run past the end`);
      const list = words.subarray(at, end);
      let slot = 0;
      let inText = 0;
      for (let i = 0; i < list.length; i += 2) {
        slot += list[i];
        if (slot >= ids.length || list[i + 1] < 1) fail(`postings of term ${JSON.stringify(term)} point outside the documents`);
        list[i] = slot;
        if (list[i + 1] & TEXT_MASK) inText += 1;
      }
      index.termIds.set(term, termId);
      index.terms.push(term);
      index.postings.push(list);
      index.documentFrequency.push(pairCounts[termId]);
      index.textFrequency.push(inText);
      at = end;
    }
    const groups = index.groupLength.length;
    for (let termId = 0; termId < terms.length; termId += 1) {
      const end = at + articlePairCounts[termId] * 2;
      if (end > words.length) fail(`article postings of term ${JSON.stringify(terms[termId])} run past the end`);
      const list = words.subarray(at, end);
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] >= groups || list[i + 1] < 1) fail(`article postings of term ${JSON.stringify(terms[termId])} point outside the articles`);
      }
      index.groupPostings[termId] = list;
      at = end;
    }
    index.sequences = new Array(ids.length);
    for (let slot = 0; slot < ids.length; slot += 1) {
      const end = at + sequenceLengths[slot];
      if (end > words.length) fail(`term sequence of ${ids[slot]} runs past the end`);
      const sequence = words.subarray(at, end);
      for (const termId of sequence) if (termId >= terms.length) fail(`term sequence of ${ids[slot]} points outside the terms`);
      index.sequences[slot] = sequence;
      at = end;
    }
    if (at !== words.length) fail('trailing bytes after the postings');
    return index;
  }

  /** Loads what {@link toJSON} produced; throws an Error naming the problem when `data` is not such an index. */
  static fromJSON(data: unknown): LexicalIndex {
    if (typeof data !== 'object' || data === null) fail('expected an object');
    const d = data as Partial<LexicalIndexData>;
    if (d.format !== FORMAT) fail(`unknown format ${JSON.stringify(d.format)}`);
    if (d.version !== VERSION) fail(`unsupported version ${JSON.stringify(d.version)}`);
    if (typeof d.k1 !== 'number' || typeof d.b !== 'number') fail('k1 and b must be numbers');
    const { ids, lengths, titleLengths, terms, postings } = d;
    if (!Array.isArray(ids) || !Array.isArray(lengths) || !Array.isArray(titleLengths) || !Array.isArray(terms) || !Array.isArray(postings)) {
      fail('ids, lengths, titleLengths, terms and postings must be arrays');
    }
    if (lengths.length !== ids.length) fail(`${ids.length} ids but ${lengths.length} lengths`);
    if (titleLengths.length !== ids.length) fail(`${ids.length} ids but ${titleLengths.length} title lengths`);
    if (postings.length !== terms.length) fail(`${terms.length} terms but ${postings.length} posting lists`);
    const slotLanguage = languageCodes(d.languages, ids.length);
    const { sequences } = d;
    if (!Array.isArray(sequences) || sequences.length !== ids.length) fail(`sequences must be an array of ${ids.length} term lists`);
    const index = new LexicalIndex({ k1: d.k1, b: d.b });
    index.slotTerms = null;
    let totalLength = 0;
    for (let slot = 0; slot < ids.length; slot += 1) {
      const id = ids[slot];
      const length = lengths[slot];
      if (typeof id !== 'string') fail(`id ${slot} is not a string`);
      if (!Number.isInteger(length) || length < 0) fail(`length of ${id} is not a count`);
      if (!Number.isInteger(titleLengths[slot]) || titleLengths[slot] < 0) fail(`title length of ${id} is not a count`);
      if (index.slotOf.has(id)) fail(`duplicate id ${id}`);
      index.slotOf.set(id, slot);
      totalLength += length;
    }
    index.slotIds = ids.slice();
    index.lengths = lengths.slice();
    index.totalLength = totalLength;
    index.titleLengths = titleLengths.slice();
    index.totalTitleLength = index.titleLengths.reduce((sum, length) => sum + length, 0);
    index.slotLanguage = slotLanguage;
    index.slotIds.forEach((id, slot) => index.joinGroup(slot, id as string, index.lengths[slot]));
    const slotCount = ids.length;
    for (let termId = 0; termId < terms.length; termId += 1) {
      const term = terms[termId];
      const encoded = postings[termId];
      if (typeof term !== 'string' || index.termIds.has(term)) fail(`term ${termId} is not a unique string`);
      if (!Array.isArray(encoded) || encoded.length % 2 !== 0) fail(`postings of term ${JSON.stringify(term)} are not pairs`);
      const decoded = new Array<number>(encoded.length);
      let slot = 0;
      let inText = 0;
      for (let i = 0; i < encoded.length; i += 2) {
        slot += encoded[i];
        const tf = encoded[i + 1];
        if (!(slot >= 0 && slot < slotCount && Number.isInteger(slot)) || !(tf >= 1 && Number.isInteger(tf))) {
          fail(`postings of term ${JSON.stringify(term)} point outside the documents`);
        }
        decoded[i] = slot;
        decoded[i + 1] = tf;
        if (tf & TEXT_MASK) inText += 1;
      }
      index.termIds.set(term, termId);
      index.terms.push(term);
      index.postings.push(decoded);
      index.documentFrequency.push(encoded.length / 2);
      index.textFrequency.push(inText);
    }
    index.sequences = sequences.map((sequence, slot) => {
      if (!Array.isArray(sequence) || !sequence.every((termId) => Number.isInteger(termId) && termId >= 0 && termId < terms.length)) {
        fail(`term sequence of ${ids[slot]} points outside the terms`);
      }
      return Uint32Array.from(sequence);
    });
    return index;
  }

  /** Drops the length norms after any change (the article postings of the terms involved are dropped as documents come and go). */
  private forgetDerived(): void {
    this.norms = null;
  }

  /** The article-level postings of a term (see {@link groupPostings}), built now when missing. */
  private groupPostingsOf(termId: number): Uint32Array {
    const cached = this.groupPostings[termId];
    if (cached) return cached;
    if (this.groupTf.length < this.groupLength.length) this.groupTf = new Float64Array(Math.ceil(this.groupLength.length * 1.25));
    const live = this.removedSlots > 0 ? (slot: number) => this.slotIds[slot] !== null : undefined;
    const built = articlePairsOf(this.postings[termId], this.slotGroup, this.groupTf, live);
    this.groupPostings[termId] = built;
    return built;
  }

  /** The length norms for these options and the index as it is (computed again only when a document came or went, or the options moved). */
  private normsFor(titleWeight: number, titleB: number, articleB: number): SearchNorms {
    const key = `${titleWeight}:${titleB}:${articleB}`;
    if (this.norms?.key === key) return this.norms;
    const { k1, b } = this;
    const count = this.slotOf.size || 1;
    const averageLength = this.totalLength / count || 1;
    const averageTitleLength = this.totalTitleLength / count || 1;
    const averageGroupLength = this.totalLength / (this.liveGroups || 1) || 1;
    this.norms = {
      key,
      text: Float64Array.from(this.lengths, (length) => 1 / (1 - b + (b * length) / averageLength)),
      title: Float64Array.from(this.titleLengths, (length) => titleWeight / (1 - titleB + (titleB * length) / averageTitleLength)),
      article: Float64Array.from(this.groupLength, (length) => k1 * (1 - articleB + (articleB * length) / averageGroupLength)),
    };
    return this.norms;
  }

  /** Puts `slot` (document `id`, `length` terms) in its article's group. */
  private joinGroup(slot: number, id: string, length: number): void {
    const name = articleOfDocument(id);
    let group = this.groupOf.get(name);
    if (group === undefined) {
      group = this.groupLength.length;
      this.groupOf.set(name, group);
      this.groupLength.push(0);
      this.groupLive.push(0);
      this.groupLanguage.push(this.slotLanguage[slot]);
    }
    this.slotGroup[slot] = group;
    this.groupLength[group] += length;
    if (this.groupLive[group]++ === 0) this.liveGroups += 1;
  }

  private leaveGroup(slot: number): void {
    const group = this.slotGroup[slot];
    this.groupLength[group] -= this.lengths[slot];
    if (--this.groupLive[group] === 0) this.liveGroups -= 1;
  }

  private termId(term: string): number {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.terms.length;
      this.termIds.set(term, termId);
      this.terms.push(term);
      this.postings.push([]);
      this.documentFrequency.push(0);
      this.textFrequency.push(0);
    }
    return termId;
  }

  /** Whether a live document holds `term` (in its text or title). */
  private holds(term: string): boolean {
    const termId = this.termIds.get(term);
    return termId !== undefined && this.documentFrequency[termId] > 0;
  }

  /**
   * The term one edit away from `term` (a letter dropped, added, changed, or
   * two swapped) that the most documents' texts hold, for a question word no
   * document holds: a misspelling (« Exelsior », « modial ») of a word the
   * articles write. Only for words of {@link SPELLING_MIN_LENGTH} letters
   * a-z or more; undefined when no such term is held.
   */
  private nearestHeldTerm(term: string): string | undefined {
    if (term.length < SPELLING_MIN_LENGTH || !/^[a-z]+$/.test(term)) return undefined;
    let best: string | undefined;
    let bestFrequency = 0;
    const consider = (candidate: string) => {
      const termId = this.termIds.get(candidate);
      if (termId !== undefined && this.textFrequency[termId] > bestFrequency) {
        bestFrequency = this.textFrequency[termId];
        best = candidate;
      }
    };
    for (let at = 0; at <= term.length; at += 1) {
      const before = term.slice(0, at);
      const after = term.slice(at);
      if (at < term.length) consider(before + term.slice(at + 1));
      if (at < term.length - 1) consider(before + term[at + 1] + term[at] + term.slice(at + 2));
      for (let letter = 97; letter <= 122; letter += 1) {
        const c = String.fromCharCode(letter);
        consider(before + c + after);
        if (at < term.length && c !== term[at]) consider(before + c + term.slice(at + 1));
      }
    }
    return best;
  }

  /** A query's terms and their weights, its own words' terms (for proximity), and the language it was read in (undefined when its words were read in both); without a language, the query's stop words decide (see `analyzeTokens`). */
  private queryWeights(query: string, options: LexicalSearchOptions): { weights: Map<string, QueryTermWeight>; words: string[]; language: 'fr' | 'en' | undefined } {
    const { language } = options;
    const conceptWeight = options.conceptWeight ?? CONCEPT_WEIGHT;
    const ownLanguageConceptWeight = options.sameLanguageConceptWeight ?? SAME_LANGUAGE_CONCEPT_WEIGHT;
    const tokens = analyzeTokens(query, language);
    const terms = tokens.map((token) => token.term);
    const queryLanguage = language === 'fr' || language === 'en' ? language : commonLanguage(tokens);
    const weights = new Map<string, QueryTermWeight>();
    for (const term of expandWithLexicon(terms, queryLanguage)) {
      weights.set(term, isConcept(term) ? { weight: conceptWeight, ownLanguageWeight: ownLanguageConceptWeight } : { weight: 1, ownLanguageWeight: 1 });
    }
    const spellingWeight = options.spellingWeight ?? SPELLING_WEIGHT;
    const nameSpellingWeight = options.nameSpellingWeight ?? NAME_SPELLING_WEIGHT;
    const words = [...terms];
    for (const token of tokens) {
      const other = termOf(token, token.language === 'fr' ? 'en' : 'fr');
      if (!weights.has(other)) weights.set(other, { weight: CROSS_LANGUAGE_WEIGHT, ownLanguageWeight: CROSS_LANGUAGE_WEIGHT });
      for (const part of compoundParts(token.term)) if (!weights.has(part)) weights.set(part, { weight: PART_WEIGHT, ownLanguageWeight: PART_WEIGHT });
      const standInWeight = isCapitalised(token.text) ? Math.min(spellingWeight, nameSpellingWeight) : spellingWeight;
      if (standInWeight > 0 && !this.holds(token.term) && !this.holds(other)) {
        const near = this.nearestHeldTerm(token.term);
        if (near !== undefined && !weights.has(near)) {
          weights.set(near, { weight: standInWeight, ownLanguageWeight: standInWeight });
          words.push(near);
        }
      }
    }
    return { weights, words: [...new Set(words)], language: queryLanguage };
  }

  private ensureSlotTerms(): (Uint32Array | null)[] {
    if (this.slotTerms) return this.slotTerms;
    const counts = new Uint32Array(this.slotIds.length);
    for (const list of this.postings) for (let i = 0; i < list.length; i += 2) counts[list[i]] += 1;
    const slotTerms: (Uint32Array | null)[] = Array.from(counts, (n, slot) => (this.slotIds[slot] === null ? null : new Uint32Array(n)));
    const filled = new Uint32Array(this.slotIds.length);
    this.postings.forEach((list, termId) => {
      for (let i = 0; i < list.length; i += 2) {
        const terms = slotTerms[list[i]];
        if (terms) terms[filled[list[i]]++] = termId * 2 + (list[i + 1] & TEXT_MASK ? IN_TEXT : 0);
      }
    });
    this.slotTerms = slotTerms;
    return slotTerms;
  }

  /** Rewrites slots and postings without removed documents (article postings included). */
  private compact(): void {
    const rebuilt = LexicalIndex.fromBinary(this.toBinary());
    Object.assign(this, {
      slotIds: rebuilt.slotIds,
      slotOf: rebuilt.slotOf,
      lengths: rebuilt.lengths,
      totalLength: rebuilt.totalLength,
      titleLengths: rebuilt.titleLengths,
      totalTitleLength: rebuilt.totalTitleLength,
      removedSlots: 0,
      termIds: rebuilt.termIds,
      terms: rebuilt.terms,
      postings: rebuilt.postings,
      postingRoom: [],
      documentFrequency: rebuilt.documentFrequency,
      textFrequency: rebuilt.textFrequency,
      slotTerms: null,
      slotGroup: rebuilt.slotGroup,
      groupOf: rebuilt.groupOf,
      groupLength: rebuilt.groupLength,
      groupLive: rebuilt.groupLive,
      slotLanguage: rebuilt.slotLanguage,
      sequences: rebuilt.sequences,
      groupLanguage: rebuilt.groupLanguage,
      liveGroups: rebuilt.liveGroups,
      groupPostings: rebuilt.groupPostings,
      norms: null,
      termShapes: new Int8Array(0),
    });
  }
}

/** The counted terms of analysed text: its terms' lexicon concepts and words, and the parts of hyphenated terms. */
function termFrequencies(analyzed: string[], language: Language): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const term of expandWithLexicon(analyzed, language)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  for (const term of analyzed) for (const part of compoundParts(term)) frequencies.set(part, (frequencies.get(part) ?? 0) + 1);
  return frequencies;
}

/** Each document's article number (articles numbered in the order their first document appears in `ids`), and how many articles there are. */
function articleNumbers(ids: readonly string[]): { slotArticle: Uint32Array; articles: number } {
  const articleOf = new Map<string, number>();
  const slotArticle = Uint32Array.from(ids, (id) => {
    const name = articleOfDocument(id);
    let article = articleOf.get(name);
    if (article === undefined) articleOf.set(name, (article = articleOf.size));
    return article;
  });
  return { slotArticle, articles: articleOf.size };
}

/**
 * One term's article postings: flat pairs `[article, summed text term
 * frequency, ...]`, articles in the order their first posting comes, from
 * its `[slot, packed frequencies, ...]` postings, each slot's article in `articleOf`, skipping slots `live` rejects. `sums`
 * is scratch, zero before and after.
 */
function articlePairsOf(
  postings: ArrayLike<number>,
  articleOf: ArrayLike<number>,
  sums: Float64Array,
  live?: (slot: number) => boolean,
): Uint32Array {
  const articles: number[] = [];
  for (let i = 0; i < postings.length; i += 2) {
    const slot = postings[i];
    const tf = postings[i + 1] & TEXT_MASK;
    if (tf === 0 || (live && !live(slot))) continue;
    const article = articleOf[slot];
    if (sums[article] === 0) articles.push(article);
    sums[article] += tf;
  }
  return drainSums(articles, sums);
}

/** Flat pairs `[key, sums[key], ...]` for `keys` in order, zeroing those sums for the next use. */
function drainSums(keys: readonly number[], sums: Float64Array): Uint32Array {
  const pairs = new Uint32Array(keys.length * 2);
  keys.forEach((key, i) => {
    pairs[i * 2] = key;
    pairs[i * 2 + 1] = sums[key];
    sums[key] = 0;
  });
  return pairs;
}

/** The bit of a term that writes a date: a year (`1944`), a month (`octobr`, `may`), a century (`xviiie`, `18e`). */
const DATE_SHAPE = 1;
/** The bit of a term that writes a number (`150`, `4,5`). */
const NUMBER_SHAPE = 2;
/** Month names as the index stems them, in both languages. */
const MONTH_TERMS = new Set((['fr', 'en'] as const).flatMap((language) => Object.keys(VOCABULARIES[language].dates.months).flatMap((month) => analyzeTerms(month, language))));

/** The answer shapes an index term writes (see {@link DATE_SHAPE}, {@link NUMBER_SHAPE}). */
function shapeOfWrittenTerm(term: string): number {
  let shape = 0;
  const first = term.charCodeAt(0);
  if (first >= 48 && first <= 57) shape |= NUMBER_SHAPE;
  const year = /^\d{4}$/.test(term) ? Number(term) : 0;
  if ((year >= 1000 && year <= 2100) || MONTH_TERMS.has(term) || /^(?:[ivxl]+|\d{1,2})e$/.test(term)) shape |= DATE_SHAPE;
  return shape;
}

/** Whether a word as written starts with a capital (« Caravage », « Werth »): maybe a name the articles don't hold rather than a misspelling. */
function isCapitalised(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase();
}

/** The language all tokens were read in, or undefined when they differ (or there are none). */
function commonLanguage(tokens: readonly { language: 'fr' | 'en' }[]): 'fr' | 'en' | undefined {
  const first = tokens[0]?.language;
  for (const token of tokens) if (token.language !== first) return undefined;
  return first;
}

/** The best slots offered so far, at most `capacity`, best first; equal scores keep the order they were offered in. */
/**
 * Writes `slot` with `score` at position `from` of two parallel arrays sorted
 * by descending score, moving the better-scored entries before it and the
 * worse ones after it one place down (insertion sort's step).
 */
function placeByScore(slots: Int32Array, scores: Float64Array, from: number, slot: number, score: number): void {
  let at = from;
  while (at > 0 && scores[at - 1] < score) {
    scores[at] = scores[at - 1];
    slots[at] = slots[at - 1];
    at -= 1;
  }
  scores[at] = score;
  slots[at] = slot;
}

class TopSlots {
  readonly slots: Int32Array;
  readonly scores: Float64Array;
  filled = 0;
  /** The score an offer must beat to get in (-Infinity until full). */
  floor = -Infinity;

  constructor(private readonly capacity: number) {
    this.slots = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  offer(slot: number, score: number): void {
    const { capacity, slots, scores } = this;
    if (score <= this.floor) return;
    placeByScore(slots, scores, this.filled === capacity ? capacity - 1 : this.filled++, slot, score);
    if (this.filled === capacity) this.floor = scores[capacity - 1];
  }
}
