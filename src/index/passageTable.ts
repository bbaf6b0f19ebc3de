import type { Article } from '../articles/article';
import { rememberSketch, SKETCH_SIZE, sketchOf } from '../articles/nearDuplicates';
import type { Passage } from '../passages/passage';
import { IndexUnreadableError, jsonArrayChunks, type GenerationFile, type LoadedGeneration } from './indexStore';

/** One indexed article and its passages, in order. */
export interface IndexedArticle {
  article: Article;
  passages: Passage[];
}

const ARTICLES_FILE = 'articles.json';
const PASSAGES_FILE = 'passages.bin';
/** Each passage is stored as three uint32: article index, start, end. */
const PASSAGE_FIELDS = 3;
const SKETCHES_FILE = 'sketches.bin';
/** Each article's story sketch (near-duplicate grouping) as uint32: its hash count, its exact hash, its hashes zero-padded. */
const SKETCH_FIELDS = SKETCH_SIZE + 2;

function uint32View(buffer: Buffer): Uint32Array {
  if (buffer.byteOffset % 4 !== 0) buffer = Buffer.from(buffer);
  return new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
}

function isArticle(value: unknown): value is Article {
  const a = value as Article;
  return typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.source === 'string' && typeof a.text === 'string';
}

function passageOf(article: Article, ordinal: number, start: number, end: number): Passage {
  return { id: `${article.id}:${ordinal}`, articleId: article.id, ordinal, start, end, text: article.text.slice(start, end) };
}

/**
 * The articles and their passages as a generation stores them: the articles
 * as JSON, the passages as a binary table of offsets (a passage's text is
 * always a slice of its article's, so it is not stored twice).
 */
export function passageTableFiles(entries: readonly IndexedArticle[]): GenerationFile[] {
  const count = entries.reduce((sum, entry) => sum + entry.passages.length, 0);
  const table = new Uint32Array(count * PASSAGE_FIELDS);
  let at = 0;
  entries.forEach((entry, articleIndex) => {
    for (const passage of entry.passages) {
      table[at] = articleIndex;
      table[at + 1] = passage.start;
      table[at + 2] = passage.end;
      at += PASSAGE_FIELDS;
    }
  });
  return [
    // articles.json is written a few hundred articles at a time, never held whole (tens of MB at 10,000 articles).
    { name: ARTICLES_FILE, chunks: () => jsonArrayChunks(entries, (entry) => JSON.stringify(entry.article)) },
    { name: PASSAGES_FILE, data: new Uint8Array(table.buffer) },
    { name: SKETCHES_FILE, data: new Uint8Array(sketchTable(entries).buffer) },
  ];
}

/** The articles' story sketches, kept with the index so a process that opens it does not sketch 10,000 articles again. */
function sketchTable(entries: readonly IndexedArticle[]): Uint32Array {
  const table = new Uint32Array(entries.length * SKETCH_FIELDS);
  entries.forEach((entry, articleIndex) => {
    const sketch = sketchOf(entry.article);
    const at = articleIndex * SKETCH_FIELDS;
    table[at] = sketch.hashes.length;
    table[at + 1] = sketch.exact;
    table.set(sketch.hashes, at + 2);
  });
  return table;
}

/** Remembers the stored sketches (an index written before they were kept has none: they are computed when needed). */
function rememberSketches(entries: readonly IndexedArticle[], data: Buffer | undefined): void {
  if (!data) return;
  const table = uint32View(data);
  if (table.length !== entries.length * SKETCH_FIELDS) return;
  entries.forEach((entry, articleIndex) => {
    const at = articleIndex * SKETCH_FIELDS;
    const count = Math.min(table[at], SKETCH_SIZE);
    rememberSketch(entry.article.id, { exact: table[at + 1], hashes: table.slice(at + 2, at + 2 + count) });
  });
}

/**
 * The articles and passages of a verified generation; throws
 * {@link IndexUnreadableError} when they do not match the manifest's counts
 * or a passage points outside its article.
 */
export function restorePassageTable({ files, manifest }: LoadedGeneration): IndexedArticle[] {
  const file = (name: string): Buffer => {
    const data = files.get(name);
    if (!data) throw new IndexUnreadableError(`${name} is not in the manifest`);
    return data;
  };
  let articles: unknown;
  try {
    articles = JSON.parse(file(ARTICLES_FILE).toString('utf8'));
  } catch (error) {
    if (error instanceof IndexUnreadableError) throw error;
    throw new IndexUnreadableError(`${ARTICLES_FILE} is not valid JSON`);
  }
  if (!Array.isArray(articles) || !articles.every(isArticle) || articles.length !== manifest.counts.articles) {
    throw new IndexUnreadableError(`${ARTICLES_FILE} does not hold ${manifest.counts.articles} articles`);
  }
  const table = uint32View(file(PASSAGES_FILE));
  const passageCount = manifest.counts.passages;
  if (table.length !== passageCount * PASSAGE_FIELDS) throw new IndexUnreadableError('passage table does not match the passage count');
  const entries: IndexedArticle[] = articles.map((article) => ({ article, passages: [] }));
  const firstRow = new Array<number>(entries.length).fill(-1);
  for (let row = 0; row < passageCount; row += 1) {
    const at = row * PASSAGE_FIELDS;
    const articleIndex = table[at];
    const start = table[at + 1];
    const end = table[at + 2];
    const entry = entries[articleIndex];
    if (!entry || start > end || end > entry.article.text.length) throw new IndexUnreadableError(`passage ${row} points outside its article`);
    if (firstRow[articleIndex] === -1) firstRow[articleIndex] = row;
    else if (firstRow[articleIndex] + entry.passages.length !== row) throw new IndexUnreadableError(`passages of article ${articleIndex} are not contiguous`);
    entry.passages.push(passageOf(entry.article, entry.passages.length, start, end));
  }
  rememberSketches(entries, files.get(SKETCHES_FILE));
  return entries;
}
