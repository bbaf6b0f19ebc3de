import { constants } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

/** An open corpus file and its size, or why it was not opened. */
export type OpenedCorpusFile = { handle: FileHandle; size: number } | { reason: string };

/** How far reading may go: by default, nothing outside the corpus folder's real path. */
export interface CorpusBoundary {
  /** Follow symbolic links that lead out of the corpus folder (ALLOW_LINKS_OUTSIDE_CORPUS). */
  allowLinksOutside?: boolean;
}

/** True when `path` is `root` or inside it (both real paths). */
export function isInsideFolder(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Why a link that leaves the corpus is not followed. */
export function outsideLinkReason(target: string): string {
  return `symbolic link to ${target}, outside the corpus folder: not read`;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Opens a corpus file for reading, checking what was opened rather than
 * what was listed: the file is opened first (non-blocking, so a named pipe
 * cannot hang the load), then its real path must lie inside `root` (the
 * corpus folder's real path) and name the very file that was opened (same
 * device and inode), so a file swapped for a link after the listing is
 * refused. Only regular files are opened. The caller closes the handle.
 */
export async function openCorpusFile(root: string, source: string, boundary: CorpusBoundary = {}): Promise<OpenedCorpusFile> {
  const path = join(root, source);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { reason: `could not read the file (${errorCode(error)})` };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new Refusal('not a regular file');
    const real = await realpath(path);
    if (!boundary.allowLinksOutside && !isInsideFolder(root, real)) throw new Refusal(outsideLinkReason(real));
    const named = await stat(real);
    if (named.ino !== opened.ino || named.dev !== opened.dev) throw new Refusal('the file changed while it was being opened: not read');
    return { handle, size: opened.size };
  } catch (error) {
    await handle.close();
    return { reason: error instanceof Refusal ? error.message : `could not read the file (${errorCode(error)})` };
  }
}

class Refusal extends Error {}
