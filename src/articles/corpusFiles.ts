import { statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { SkippedInput } from './article';
import { isInsideFolder, outsideLinkReason, type CorpusBoundary } from './openCorpusFile';

/** How a corpus file is read. */
export type CorpusFileKind = 'text' | 'html' | 'jsonl' | 'jsonl.gz' | 'sidecar' | 'scoop' | 'unsupported';

/** A file found in a corpus folder, by its path relative to the folder (forward slashes). */
export interface CorpusFile {
  source: string;
  kind: CorpusFileKind;
}

/** What tells whether a file changed without reading it. */
export interface FileStamp {
  size: number;
  /** Last modification, in milliseconds since the epoch (sub-millisecond precision where the filesystem has it). */
  mtimeMs: number;
}

/** A corpus file Scoop loads articles from, with its stamp and that of the sidecar metadata that applies to it. */
export interface CorpusFileStat extends CorpusFile, FileStamp {
  sidecar?: { source: string } & FileStamp;
}

/** File name suffix of sidecar metadata: `000_x.meta.json` beside `000_x.txt`. */
export const SIDECAR_SUFFIX = '.meta.json';

/**
 * Scoop's own file at the top of a corpus folder: the feed subscriptions
 * (`scoop feeds add`). It is read by the feeds commands, never as an article.
 */
export const SCOOP_FEEDS_FILE = 'feeds.json';

/** Which reader a file name calls for. */
export function corpusFileKind(name: string): CorpusFileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith(SIDECAR_SUFFIX)) return 'sidecar';
  if (lower.endsWith('.jsonl.gz')) return 'jsonl.gz';
  if (lower.endsWith('.jsonl')) return 'jsonl';
  if (/\.(?:txt|md|markdown)$/.test(lower)) return 'text';
  if (/\.html?$/.test(lower)) return 'html';
  return 'unsupported';
}

/**
 * The sidecar names that may hold metadata for an article file, most
 * specific first: `NAME.txt.meta.json`, then `NAME.meta.json`.
 */
export function sidecarCandidates(source: string): string[] {
  const withoutExtension = source.replace(/\.[^./]+$/, '');
  return [`${source}${SIDECAR_SUFFIX}`, `${withoutExtension}${SIDECAR_SUFFIX}`];
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lists the files of a corpus folder recursively, sorted by relative path so
 * every run sees the same order. `root` is the folder's real path. Hidden
 * files and folders (a leading dot) are left out. Symbolic links are followed
 * when they lead to a place inside the folder (each folder walked once, so no
 * loops); a link that leads out of it, a broken link and anything that is
 * neither a file nor a folder (a pipe, a socket, a device) are reported, as
 * is a folder that cannot be read, and the walk goes on.
 */
export async function listCorpusFiles(root: string, boundary: CorpusBoundary = {}): Promise<{ files: CorpusFile[]; skipped: SkippedInput[] }> {
  const files: CorpusFile[] = [];
  const skipped: SkippedInput[] = [];
  const visited = new Set<string>();

  async function walk(dir: string, prefix: string): Promise<void> {
    if (visited.has(dir)) return;
    visited.add(dir);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ source: prefix === '' ? '.' : prefix.slice(0, -1), reason: `could not read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    entries.sort((a, b) => byCodeUnits(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const source = `${prefix}${entry.name}`;
      if (entry.isFile()) {
        files.push({ source, kind: source === SCOOP_FEEDS_FILE ? 'scoop' : corpusFileKind(entry.name) });
        continue;
      }
      let real = join(dir, entry.name);
      let kind: Stats | Dirent = entry;
      if (entry.isSymbolicLink()) {
        const target = await realpath(real).catch(() => undefined);
        const info = target === undefined ? undefined : await stat(target).catch(() => undefined);
        if (target === undefined || info === undefined) {
          skipped.push({ source, reason: 'broken symbolic link' });
          continue;
        }
        if (!boundary.allowLinksOutside && !isInsideFolder(root, target)) {
          skipped.push({ source, reason: outsideLinkReason(target) });
          continue;
        }
        real = target;
        kind = info;
      }
      if (kind.isDirectory()) await walk(real, `${source}/`);
      else if (kind.isFile()) files.push({ source, kind: source === SCOOP_FEEDS_FILE ? 'scoop' : corpusFileKind(entry.name) });
      else skipped.push({ source, reason: 'not a regular file (a pipe, socket or device)' });
    }
  }

  await walk(root, '');
  files.sort((a, b) => byCodeUnits(a.source, b.source));
  return { files, skipped };
}

/**
 * The stamp (size, modification time) of each file, one `stat` each and
 * nothing read, so that a corpus of thousands of files is checked in
 * milliseconds. Synchronous on purpose: for many small calls it is several
 * times faster than the thread pool. A file that vanished or cannot be
 * stat'ed is reported instead.
 */
export function stampCorpusFiles(root: string, sources: readonly string[]): { stamps: Map<string, FileStamp>; skipped: SkippedInput[] } {
  const stamps = new Map<string, FileStamp>();
  const skipped: SkippedInput[] = [];
  const stampOf = corpusFileStamper(root, skipped);
  for (const source of sources) {
    const stamp = stampOf(source);
    if (stamp) stamps.set(source, stamp);
  }
  return { stamps, skipped };
}

/**
 * A function giving the stamp of one file of the folder `root` (see
 * {@link stampCorpusFiles}), or undefined with the reason pushed to `skipped`.
 */
export function corpusFileStamper(root: string, skipped: SkippedInput[]): (source: string) => FileStamp | undefined {
  const prefix = root.endsWith(sep) ? root : `${root}${sep}`;
  return (source) => {
    try {
      const { size, mtimeMs } = statSync(prefix + source);
      return { size, mtimeMs };
    } catch (error) {
      skipped.push({ source, reason: `could not read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return undefined;
    }
  };
}
