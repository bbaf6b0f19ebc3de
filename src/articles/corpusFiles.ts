import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedInput } from './article';

/** How a corpus file is read. */
export type CorpusFileKind = 'text' | 'html' | 'jsonl' | 'jsonl.gz' | 'sidecar' | 'scoop' | 'unsupported';

/** A file found in a corpus folder, by its path relative to the folder (forward slashes). */
export interface CorpusFile {
  source: string;
  kind: CorpusFileKind;
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
 * every run sees the same order. Hidden files and folders (a leading dot) are
 * left out; symbolic links are followed once (no loops). A folder that cannot
 * be read is reported, and the walk goes on.
 */
export async function listCorpusFiles(root: string): Promise<{ files: CorpusFile[]; skipped: SkippedInput[] }> {
  const files: CorpusFile[] = [];
  const skipped: SkippedInput[] = [];
  const visited = new Set<string>();

  async function walk(dir: string, prefix: string): Promise<void> {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ source: prefix === '' ? '.' : prefix.slice(0, -1), reason: `could not read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const source = `${prefix}${entry.name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        if (!target) {
          skipped.push({ source, reason: 'broken symbolic link' });
          continue;
        }
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDirectory) await walk(path, `${source}/`);
      else if (isFile) files.push({ source, kind: source === SCOOP_FEEDS_FILE ? 'scoop' : corpusFileKind(entry.name) });
    }
  }

  await walk(root, '');
  files.sort((a, b) => byCodeUnits(a.source, b.source));
  return { files, skipped };
}
