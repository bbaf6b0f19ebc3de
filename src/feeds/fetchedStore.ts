import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import type { FetchedArticle } from './fetchArticle';

/** The folder of the corpus that fetched articles are stored in. */
export const FETCHED_FOLDER = 'fetched';

/** A fetched article as stored: its corpus source (path relative to the corpus folder). */
export interface StoredArticle {
  source: string;
  url: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  content: FetchedArticle['content'];
}

function slugOf(article: FetchedArticle): string {
  const fromPath = decodeURIComponent(new URL(article.url).pathname.split('/').filter(Boolean).at(-1) ?? '').replace(/\.[a-z0-9]+$/i, '');
  const basis = fromPath.length >= 8 ? fromPath : (article.title ?? fromPath);
  const slug = basis
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

function hostFolder(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '').replace(/[^a-z0-9.-]/gi, '_') || 'unknown-host';
}

/**
 * Where one fetched article lives: `fetched/HOST/SLUG-HASH.md`, the hash over
 * its canonical URL, so the same story fetched twice (or by two processes)
 * lands in the same file.
 */
export function fetchedSourceOf(article: FetchedArticle): string {
  const hash = createHash('sha256').update(article.url).digest('hex').slice(0, 10);
  return `${FETCHED_FOLDER}/${hostFolder(article.url)}/${slugOf(article)}-${hash}.md`;
}

/** The Markdown file of a fetched article: YAML front matter, a blank line, the text exactly as extracted. */
export function fetchedMarkdown(article: FetchedArticle, extra: { feed?: string; fetchedAt: Date }): string {
  const front: Record<string, unknown> = {
    title: article.title ?? undefined,
    url: article.url,
    published: article.published ?? undefined,
    outlet: article.outlet ?? undefined,
    language: article.language ?? undefined,
    feed: extra.feed,
    fetched: extra.fetchedAt.toISOString(),
    content: article.content,
    ...(article.content === 'feed' && { content_note: `The page could not be extracted (${article.fallbackReason}); this is the feed's own copy.` }),
    ...(article.aliases.length > 0 && { aliases: article.aliases }),
  };
  for (const key of Object.keys(front)) if (front[key] === undefined) delete front[key];
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${article.text.trim()}\n`;
}

/**
 * The fetched articles of a corpus folder, as files under `DIR/fetched/`:
 * what is already stored (by canonical URL and aliases, read from the files'
 * front matter, so files pruned by hand are forgotten) and how a new one is
 * written (to a hidden temporary file, then renamed into place, so a
 * half-written article is never read).
 */
export class FetchedStore {
  private readonly known = new Map<string, string>();
  private readonly read = new Map<string, { mtimeMs: number; size: number; urls: string[] }>();

  constructor(readonly corpusDir: string) {}

  /** Canonical URLs (and aliases) of every stored article, each with its source; rescanned on every call. */
  async knownUrls(): Promise<ReadonlyMap<string, string>> {
    const root = join(this.corpusDir, FETCHED_FOLDER);
    const files = await listMarkdown(root);
    const seen = new Set<string>();
    this.known.clear();
    for (const path of files) {
      const source = relative(this.corpusDir, path).split(sep).join('/');
      seen.add(source);
      const info = await stat(path).catch(() => null);
      if (!info) continue;
      let cached = this.read.get(source);
      if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size) {
        cached = { mtimeMs: info.mtimeMs, size: info.size, urls: await urlsOf(path) };
        this.read.set(source, cached);
      }
      for (const url of cached.urls) if (!this.known.has(url)) this.known.set(url, source);
    }
    for (const source of [...this.read.keys()]) if (!seen.has(source)) this.read.delete(source);
    return this.known;
  }

  /** Writes the article's file (replacing an older copy of the same URL) and returns where it is. */
  async save(article: FetchedArticle, extra: { feed?: string; fetchedAt?: Date } = {}): Promise<StoredArticle> {
    const source = fetchedSourceOf(article);
    const path = join(this.corpusDir, ...source.split('/'));
    const folder = join(path, '..');
    await mkdir(folder, { recursive: true });
    const temp = join(folder, `.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, fetchedMarkdown(article, { feed: extra.feed, fetchedAt: extra.fetchedAt ?? new Date() }), { flag: 'wx' });
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    for (const url of [article.url, ...article.aliases]) this.known.set(url, source);
    const { url, title, published, outlet, content } = article;
    return { source, url, title, published, outlet, content };
  }
}

async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listMarkdown(path)));
    else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
  }
  return files;
}

async function urlsOf(path: string): Promise<string[]> {
  const content = await readFile(path, 'utf8').catch(() => '');
  const block = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(content);
  if (!block) return [];
  let front: unknown;
  try {
    front = parse(block[1]);
  } catch {
    return [];
  }
  const record = (typeof front === 'object' && front !== null ? front : {}) as { url?: unknown; aliases?: unknown };
  const aliases = Array.isArray(record.aliases) ? record.aliases : [];
  return [record.url, ...aliases].filter((url): url is string => typeof url === 'string' && url !== '');
}
