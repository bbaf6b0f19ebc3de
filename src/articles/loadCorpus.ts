import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserFacingError } from '../errors';
import type { Article, CorpusLoad, SkippedInput } from './article';
import { disambiguateIds } from './articleId';
import { isRecord, mergeMetadata, readMetadataFields, type ArticleMetadata } from './articleMetadata';
import { buildArticle } from './buildArticle';
import { corpusFileKind, listCorpusFiles, sidecarCandidates, stampCorpusFiles, type CorpusFile, type CorpusFileStat } from './corpusFiles';
import { decodeArticleText, formatBytes, hasWords } from './decodeArticleText';
import { readJsonlArticles } from './jsonlArticles';

/** Limits that keep one bad input from exhausting memory. */
export interface LoadCorpusOptions {
  /** Largest .txt, .md, .html or sidecar file loaded, in bytes (default 5 MiB). JSONL files are limited per line instead. */
  maxFileBytes?: number;
  /** Largest JSONL line loaded, in bytes (default 2 MiB, and never more than `maxFileBytes`). */
  maxLineBytes?: number;
}

/** Default limit per file: far above any news article, far below trouble. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Default limit per JSONL line. */
export const DEFAULT_MAX_LINE_BYTES = 2 * 1024 * 1024;

const SUPPORTED = '.txt, .md, .html, .jsonl or .jsonl.gz';

interface LoadContext {
  root: string;
  maxFileBytes: number;
  maxLineBytes: number;
  /** The sidecar that applies to each article file that has one. */
  sidecarOf: Map<string, string>;
  articles: Article[];
  skipped: SkippedInput[];
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

async function readBytesWithinLimit(context: LoadContext, source: string): Promise<Buffer | undefined> {
  const path = join(context.root, source);
  try {
    const { size } = await stat(path);
    if (size > context.maxFileBytes) {
      context.skipped.push({ source, reason: `file is ${formatBytes(size)}, over the ${formatBytes(context.maxFileBytes)} limit per file` });
      return undefined;
    }
    return await readFile(path);
  } catch (error) {
    context.skipped.push({ source, reason: `could not read the file (${errorCode(error)})` });
    return undefined;
  }
}

async function readDecodedText(context: LoadContext, source: string): Promise<string | undefined> {
  const bytes = await readBytesWithinLimit(context, source);
  if (bytes === undefined) return undefined;
  const decoded = decodeArticleText(bytes);
  if ('reason' in decoded) {
    context.skipped.push({ source, reason: decoded.reason });
    return undefined;
  }
  return decoded.text;
}

async function readSidecar(context: LoadContext, articleSource: string): Promise<ArticleMetadata> {
  const sidecar = context.sidecarOf.get(articleSource);
  if (sidecar === undefined) return {};
  const json = await readDecodedText(context, sidecar);
  if (json === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    context.skipped.push({ source: sidecar, reason: `unparsable sidecar JSON (${(error as Error).message}); ${articleSource} was loaded without it` });
    return {};
  }
  if (!isRecord(parsed)) {
    context.skipped.push({ source: sidecar, reason: `sidecar is not a JSON object; ${articleSource} was loaded without it` });
    return {};
  }
  return readMetadataFields(parsed);
}

async function loadTextFile(context: LoadContext, source: string): Promise<void> {
  const content = await readDecodedText(context, source);
  if (content === undefined) return;
  const { splitFrontMatter } = await import('./frontMatter');
  const split = splitFrontMatter(content);
  if ('reason' in split) {
    context.skipped.push({ source, reason: split.reason });
    return;
  }
  if (!hasWords(split.body)) {
    context.skipped.push({ source, reason: 'no text after the front matter' });
    return;
  }
  const sidecar = await readSidecar(context, source);
  context.articles.push(buildArticle(source, split.body, mergeMetadata(split.metadata, sidecar)));
}

async function loadHtmlFile(context: LoadContext, source: string): Promise<void> {
  const html = await readDecodedText(context, source);
  if (html === undefined) return;
  const { extractHtmlArticle } = await import('./htmlArticle');
  const { text, metadata } = extractHtmlArticle(html);
  if (!hasWords(text)) {
    context.skipped.push({ source, reason: 'no readable text found in the HTML' });
    return;
  }
  const sidecar = await readSidecar(context, source);
  context.articles.push(buildArticle(source, text, mergeMetadata(metadata, sidecar)));
}

async function loadJsonlFile(context: LoadContext, source: string, gzipped: boolean): Promise<void> {
  const articles = readJsonlArticles(join(context.root, source), source, {
    gzipped,
    maxLineBytes: context.maxLineBytes,
    onSkip: (skipped) => context.skipped.push(skipped),
  });
  for await (const article of articles) context.articles.push(article);
}

async function loadFile(context: LoadContext, file: CorpusFile): Promise<void> {
  switch (file.kind) {
    case 'text':
      return loadTextFile(context, file.source);
    case 'html':
      return loadHtmlFile(context, file.source);
    case 'jsonl':
      return loadJsonlFile(context, file.source, false);
    case 'jsonl.gz':
      return loadJsonlFile(context, file.source, true);
    case 'sidecar':
    case 'unsupported':
      return;
  }
}

function matchSidecars(files: CorpusFile[]): Map<string, string> {
  const sidecars = new Set(files.filter((file) => file.kind === 'sidecar').map((file) => file.source));
  const sidecarOf = new Map<string, string>();
  if (sidecars.size === 0) return sidecarOf;
  for (const file of files) {
    if (file.kind !== 'text' && file.kind !== 'html') continue;
    const sidecar = sidecarCandidates(file.source).find((candidate) => sidecars.has(candidate));
    if (sidecar !== undefined) sidecarOf.set(file.source, sidecar);
  }
  return sidecarOf;
}

function compareSkipped(a: SkippedInput, b: SkippedInput): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

async function findCorpusFiles(corpusPath: string): Promise<{ root: string; files: CorpusFile[]; skipped: SkippedInput[] }> {
  const found = await stat(corpusPath).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
      throw new UserFacingError(
        `Corpus not found: ${corpusPath}. Create that folder and put articles in it (${SUPPORTED}), ` +
          'or point to an existing folder or file with --corpus (or CORPUS_DIR in .env).',
        'corpus_not_found',
      );
    }
    throw new UserFacingError(`Cannot open the corpus ${corpusPath} (${errorCode(error)}): check its permissions.`, 'corpus_unreadable');
  });
  if (found.isDirectory()) return { root: corpusPath, ...(await listCorpusFiles(corpusPath)) };
  if (!found.isFile()) {
    throw new UserFacingError(`The corpus ${corpusPath} is neither a folder nor a file: give a folder of articles or one ${SUPPORTED} file.`, 'corpus_not_found');
  }
  const root = dirname(corpusPath);
  const name = basename(corpusPath);
  const files: CorpusFile[] = [{ source: name, kind: corpusFileKind(name) }];
  for (const candidate of sidecarCandidates(name)) {
    if (await stat(join(root, candidate)).then((s) => s.isFile(), () => false)) files.push({ source: candidate, kind: 'sidecar' });
  }
  return { root, files, skipped: [] };
}

/** The files of a corpus with their stamps: what an index compares to tell what changed, before reading anything. */
export interface CorpusScan {
  /** The folder sources are relative to. */
  root: string;
  /** Files that hold articles (text, HTML, JSONL), sorted by source, each with the sidecar that applies to it. */
  files: CorpusFileStat[];
  /** Inputs never loaded: unsupported types, sidecars that match no article, folders and files that cannot be read. */
  skipped: SkippedInput[];
}

/**
 * Lists the files of a corpus (a folder, walked recursively in sorted order,
 * hidden files left out; or a single file) with their size and modification
 * time, and those of the sidecar `NAME.meta.json` beside each; reads no file.
 *
 * @throws UserFacingError when the corpus path does not exist or cannot be opened.
 */
export async function scanCorpus(path: string): Promise<CorpusScan> {
  const { root, files, skipped } = await findCorpusFiles(resolve(path));
  const sidecarOf = matchSidecars(files);
  const claimed = new Set(sidecarOf.values());
  const loadable: CorpusFile[] = [];
  for (const file of files) {
    if (file.kind === 'unsupported') skipped.push({ source: file.source, reason: `unsupported file type (Scoop reads ${SUPPORTED})` });
    else if (file.kind !== 'sidecar') loadable.push(file);
    else if (!claimed.has(file.source)) {
      skipped.push({ source: file.source, reason: 'sidecar metadata matches no .txt, .md or .html article beside it, so it was not used' });
    }
  }
  const { stamps, skipped: unstamped } = stampCorpusFiles(root, [...loadable.map((file) => file.source), ...claimed]);
  skipped.push(...unstamped);
  const stamped: CorpusFileStat[] = [];
  for (const { source, kind } of loadable) {
    const stamp = stamps.get(source);
    if (!stamp) continue;
    const sidecarSource = sidecarOf.get(source);
    const sidecarStamp = sidecarSource === undefined ? undefined : stamps.get(sidecarSource);
    const file: CorpusFileStat = { source, kind, size: stamp.size, mtimeMs: stamp.mtimeMs };
    if (sidecarStamp) file.sidecar = { source: sidecarSource as string, size: sidecarStamp.size, mtimeMs: sidecarStamp.mtimeMs };
    stamped.push(file);
  }
  return { root, files: stamped, skipped: skipped.sort(compareSkipped) };
}

/**
 * Loads the articles of some files of a scanned corpus (see {@link loadCorpus}
 * for the formats and what is skipped), in the order given. Ids are content
 * ids, not yet made unique across files (see `disambiguateIds`).
 */
export async function loadCorpusFiles(root: string, files: readonly CorpusFileStat[], options: LoadCorpusOptions = {}): Promise<CorpusLoad> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxLineBytes = options.maxLineBytes ?? Math.min(DEFAULT_MAX_LINE_BYTES, maxFileBytes);
  const sidecarOf = new Map(files.flatMap((file) => (file.sidecar ? [[file.source, file.sidecar.source] as const] : [])));
  const context: LoadContext = { root, maxFileBytes, maxLineBytes, sidecarOf, articles: [], skipped: [] };
  for (const file of files) await loadFile(context, file);
  return { articles: context.articles, skipped: context.skipped.sort(compareSkipped) };
}

/**
 * Loads every article of a corpus: a folder (walked recursively, in sorted
 * order; hidden files left out) or a single file. Reads .txt and .md (with
 * optional YAML front matter), .html (main text through Readability),
 * .jsonl and .jsonl.gz (one article a line, streamed), and applies sidecar
 * `NAME.meta.json` metadata to the file beside it without touching its text.
 *
 * Sources are paths relative to the folder (forward slashes), `NAME.jsonl#LINE`
 * for JSONL lines, and the file's base name for a single-file corpus. Ids
 * come from content (see `computeArticleId`) and are unique within the load.
 *
 * Bad input never stops the load: an empty, binary, non-UTF-8, oversize or
 * unparsable file or line, and a sidecar that matches no article, each become
 * a `SkippedInput` with its reason, and the rest loads.
 *
 * @throws UserFacingError when the corpus path does not exist or cannot be opened.
 */
export async function loadCorpus(path: string, options: LoadCorpusOptions = {}): Promise<CorpusLoad> {
  const scan = await scanCorpus(path);
  const { articles, skipped } = await loadCorpusFiles(scan.root, scan.files, options);
  return { articles: disambiguateIds(articles), skipped: [...scan.skipped, ...skipped].sort(compareSkipped) };
}
