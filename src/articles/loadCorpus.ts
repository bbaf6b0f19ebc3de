import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserFacingError } from '../errors';
import type { Article, CorpusLoad, SkippedInput } from './article';
import { disambiguateIds } from './articleId';
import { isRecord, mergeMetadata, readMetadataFields, type ArticleMetadata } from './articleMetadata';
import { buildArticle } from './buildArticle';
import { corpusFileKind, corpusFileStamper, listCorpusFiles, sidecarCandidates, stampCorpusFiles, type CorpusFile, type CorpusFileStat } from './corpusFiles';
import { articleLengthReason, decodeArticleText, formatBytes, hasWords } from './decodeArticleText';
import {
  DEFAULT_MAX_ARTICLE_CHARS,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_HTML_DEPTH,
  DEFAULT_MAX_JSONL_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_PARSE_TIMEOUT_MS,
} from './corpusLimits';
import { HtmlExtractor } from './htmlExtractor';
import { readJsonlArticles } from './jsonlArticles';
import { openCorpusFile } from './openCorpusFile';

/**
 * Limits that keep one bad input from exhausting memory or time; each is a
 * setting (named in brackets) in src/config.ts.
 */
export interface LoadCorpusOptions {
  /** Largest .txt, .md, .html or sidecar file loaded, in bytes (MAX_FILE_BYTES, default 5 MiB). JSONL files have their own limits. */
  maxFileBytes?: number;
  /** Largest JSONL line loaded, in bytes (MAX_LINE_BYTES, default 2 MiB, and never more than `maxFileBytes`). */
  maxLineBytes?: number;
  /** Most bytes read from one .jsonl or .jsonl.gz file, counted after decompression (MAX_JSONL_BYTES, default 1 GiB). */
  maxJsonlBytes?: number;
  /** Longest article text loaded, in characters (MAX_ARTICLE_CHARS, default 200,000); a longer one is skipped. */
  maxArticleChars?: number;
  /** Longest an HTML page may take to parse, in milliseconds (PARSE_TIMEOUT_MS, default 10 s); a slower page is skipped. */
  parseTimeoutMs?: number;
  /** Deepest HTML element nesting kept (MAX_HTML_DEPTH, default 64); deeper elements are unwrapped, their text kept. */
  maxHtmlDepth?: number;
  /** Follow symbolic links that lead out of the corpus folder (ALLOW_LINKS_OUTSIDE_CORPUS, default false: they are skipped). */
  allowLinksOutside?: boolean;
}

const SUPPORTED = '.txt, .md, .html, .jsonl or .jsonl.gz';

interface LoadContext {
  /** The corpus folder's real path. */
  root: string;
  allowLinksOutside: boolean;
  maxFileBytes: number;
  maxLineBytes: number;
  maxJsonlBytes: number;
  maxArticleChars: number;
  /** The sidecar that applies to each article file that has one. */
  sidecarOf: Map<string, string>;
  html: HtmlExtractor;
  articles: Article[];
  skipped: SkippedInput[];
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

async function readBytesWithinLimit(context: LoadContext, source: string): Promise<Buffer | undefined> {
  const opened = await openCorpusFile(context.root, source, context);
  if ('reason' in opened) {
    context.skipped.push({ source, reason: opened.reason });
    return undefined;
  }
  const { handle, size } = opened;
  try {
    if (size > context.maxFileBytes) {
      context.skipped.push({ source, reason: `file is ${formatBytes(size)}, over the ${formatBytes(context.maxFileBytes)} limit per file (MAX_FILE_BYTES)` });
      return undefined;
    }
    const bytes = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < bytes.length; length += read) {
      ({ bytesRead: read } = await handle.read(bytes, length, bytes.length - length, length));
    }
    if (length > size) {
      context.skipped.push({ source, reason: 'the file grew while it was read: not loaded' });
      return undefined;
    }
    return bytes.subarray(0, length);
  } catch (error) {
    context.skipped.push({ source, reason: `could not read the file (${errorCode(error)})` });
    return undefined;
  } finally {
    await handle.close();
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

/** Adds an article, or skips it when its text is over the length limit. */
function addArticle(context: LoadContext, source: string, text: string, metadata: ArticleMetadata): void {
  const tooLong = articleLengthReason(text, context.maxArticleChars);
  if (tooLong) context.skipped.push({ source, reason: tooLong });
  else context.articles.push(buildArticle(source, text, metadata));
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
  return readMetadataFields(parsed, (reason) => context.skipped.push({ source: sidecar, reason }));
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
  for (const reason of split.ignored) context.skipped.push({ source, reason });
  const sidecar = await readSidecar(context, source);
  addArticle(context, source, split.body, mergeMetadata(split.metadata, sidecar));
}

async function loadHtmlFile(context: LoadContext, source: string): Promise<void> {
  const html = await readDecodedText(context, source);
  if (html === undefined) return;
  const extraction = await context.html.extract(html);
  if ('reason' in extraction) {
    context.skipped.push({ source, reason: extraction.reason });
    return;
  }
  const { text, metadata } = extraction.article;
  if (!hasWords(text)) {
    context.skipped.push({ source, reason: 'no readable text found in the HTML' });
    return;
  }
  const sidecar = await readSidecar(context, source);
  addArticle(context, source, text, mergeMetadata(metadata, sidecar));
}

async function loadJsonlFile(context: LoadContext, source: string, gzipped: boolean): Promise<void> {
  const opened = await openCorpusFile(context.root, source, context);
  if ('reason' in opened) {
    context.skipped.push({ source, reason: opened.reason });
    return;
  }
  if (opened.size > context.maxJsonlBytes) {
    await opened.handle.close();
    const limit = formatBytes(context.maxJsonlBytes);
    context.skipped.push({ source, reason: `file is ${formatBytes(opened.size)}, over the ${limit} limit per JSONL file (MAX_JSONL_BYTES)` });
    return;
  }
  const articles = readJsonlArticles(opened.handle, source, {
    gzipped,
    maxLineBytes: context.maxLineBytes,
    maxBytes: context.maxJsonlBytes,
    maxArticleChars: context.maxArticleChars,
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
    case 'scoop':
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

function corpusNotFound(corpusPath: string): UserFacingError {
  return new UserFacingError(
    `Corpus not found: ${corpusPath}. Create that folder and put articles in it (${SUPPORTED}), ` +
      'or point to an existing folder or file with --corpus (or CORPUS_DIR in .env).',
    'corpus_not_found',
  );
}

async function findCorpusFiles(
  corpusPath: string,
  options: LoadCorpusOptions,
): Promise<{ root: string; files: CorpusFile[]; skipped: SkippedInput[] }> {
  const unreadable = (error: unknown): never => {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') throw corpusNotFound(corpusPath);
    throw new UserFacingError(`Cannot open the corpus ${corpusPath} (${errorCode(error)}): check its permissions.`, 'corpus_unreadable');
  };
  const real = await realpath(corpusPath).catch(unreadable);
  const found = await stat(real).catch(unreadable);
  if (found.isDirectory()) return { root: real, ...(await listCorpusFiles(real, options)) };
  if (!found.isFile()) {
    throw new UserFacingError(`The corpus ${corpusPath} is neither a folder nor a file: give a folder of articles or one ${SUPPORTED} file.`, 'corpus_not_found');
  }
  const root = dirname(real);
  const name = basename(real);
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
export async function scanCorpus(path: string, options: Pick<LoadCorpusOptions, 'allowLinksOutside'> = {}): Promise<CorpusScan> {
  const { root, files, skipped } = await findCorpusFiles(resolve(path), options);
  const sidecarOf = matchSidecars(files);
  const claimed = new Set(sidecarOf.values());
  const loadable: CorpusFile[] = [];
  for (const file of files) {
    if (file.kind === 'scoop') continue;
    if (file.kind === 'unsupported') skipped.push({ source: file.source, reason: `unsupported file type (Scoop reads ${SUPPORTED})` });
    else if (file.kind !== 'sidecar') loadable.push(file);
    else if (!claimed.has(file.source)) {
      skipped.push({ source: file.source, reason: 'sidecar metadata matches no .txt, .md or .html article beside it, so it was not used' });
    }
  }
  const { stamps: sidecarStamps, skipped: unstamped } = stampCorpusFiles(root, [...claimed]);
  skipped.push(...unstamped);
  const stampOf = corpusFileStamper(root, skipped);
  const stamped: CorpusFileStat[] = [];
  for (const { source, kind } of loadable) {
    const stamp = stampOf(source);
    if (!stamp) continue;
    const file: CorpusFileStat = { source, kind, size: stamp.size, mtimeMs: stamp.mtimeMs };
    const sidecarSource = sidecarOf.size === 0 ? undefined : sidecarOf.get(source);
    const sidecarStamp = sidecarSource === undefined ? undefined : sidecarStamps.get(sidecarSource);
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
  const html = new HtmlExtractor({
    timeoutMs: options.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS,
    maxDepth: options.maxHtmlDepth ?? DEFAULT_MAX_HTML_DEPTH,
  });
  const allowLinksOutside = options.allowLinksOutside ?? false;
  const maxJsonlBytes = options.maxJsonlBytes ?? DEFAULT_MAX_JSONL_BYTES;
  const maxArticleChars = options.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS;
  const context: LoadContext = {
    root,
    allowLinksOutside,
    maxFileBytes,
    maxLineBytes,
    maxJsonlBytes,
    maxArticleChars,
    sidecarOf,
    html,
    articles: [],
    skipped: [],
  };
  try {
    for (const file of files) await loadFile(context, file);
  } finally {
    await html.close();
  }
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
 * for JSONL lines, and the file's base name for a single-file corpus (the
 * name of the file a link points at). Ids come from content (see
 * `computeArticleId`) and are unique within the load.
 *
 * Nothing outside the corpus folder's real path is read unless
 * `allowLinksOutside` says so: a symbolic link that leads out of it is
 * skipped with its target named, and every file is checked again once open
 * (see `openCorpusFile`), so a file swapped for such a link meanwhile is
 * refused too.
 *
 * Bad input never stops the load: an empty, binary, non-UTF-8, oversize or
 * unparsable file or line, an article over `maxArticleChars`, a JSONL file
 * that inflates past `maxJsonlBytes` (the lines before the limit load), an HTML page that takes longer than
 * `parseTimeoutMs` to read (it is parsed in a worker thread and stopped), and
 * a sidecar that matches no article, each become a `SkippedInput` with its
 * reason, and the rest loads.
 *
 * @throws UserFacingError when the corpus path does not exist or cannot be opened.
 */
export async function loadCorpus(path: string, options: LoadCorpusOptions = {}): Promise<CorpusLoad> {
  const scan = await scanCorpus(path, options);
  const { articles, skipped } = await loadCorpusFiles(scan.root, scan.files, options);
  return { articles: disambiguateIds(articles), skipped: [...scan.skipped, ...skipped].sort(compareSkipped) };
}
