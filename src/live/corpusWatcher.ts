import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** How the watcher is set. */
export interface CorpusWatcherOptions {
  /** Rescan period: the safety net behind file-system events (CORPUS_WATCH_SECONDS). */
  intervalMs: number;
  /** Called when what the folder holds changed since the last call (or the start). */
  onChange: () => void;
  /** Folders inside the corpus that are not articles (an index kept there). */
  exclude?: string[];
  /** Quiet time after a file-system event before the folder is rescanned. */
  debounceMs?: number;
}

/**
 * Watches a corpus folder for new, changed and deleted files: file-system
 * events (fs.watch, recursive) start a rescan soon after, and a rescan runs
 * every `intervalMs` anyway, since events can be missed (network folders,
 * editors that swap files). A rescan stats every file (no reading) and calls
 * `onChange` only when a path, size or modification time differs.
 * Hidden files (temporary files being written) are ignored.
 */
export class CorpusWatcher {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private last: string | null = null;
  private scanning: Promise<void> | null = null;
  private readonly root: string;
  private readonly exclude: Set<string>;

  constructor(
    dir: string,
    private readonly options: CorpusWatcherOptions,
  ) {
    this.root = resolve(dir);
    this.exclude = new Set((options.exclude ?? []).map((path) => resolve(path)));
  }

  /** Takes the folder's current state as the baseline and starts watching. */
  async start(): Promise<void> {
    this.last = await corpusSignature(this.root, this.exclude);
    try {
      this.watcher = watch(this.root, { recursive: true }, (_event, name) => {
        if (name && String(name).split(/[\\/]/).some((part) => part.startsWith('.'))) return;
        this.soon();
      });
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      this.watcher = null;
    }
    this.timer = setInterval(() => void this.rescan(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops watching. */
  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.timer = null;
    this.debounce = null;
  }

  /** Rescans now; calls `onChange` when the folder changed. */
  rescan(): Promise<void> {
    this.scanning ??= (async () => {
      try {
        const signature = await corpusSignature(this.root, this.exclude);
        if (signature !== this.last) {
          this.last = signature;
          this.options.onChange();
        }
      } finally {
        this.scanning = null;
      }
    })();
    return this.scanning;
  }

  private soon(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.rescan();
    }, this.options.debounceMs ?? 300);
    this.debounce.unref();
  }
}

/** A digest of every visible file's path, size and modification time under `root` (a file corpus: that file). */
export async function corpusSignature(root: string, exclude: ReadonlySet<string> = new Set()): Promise<string> {
  const hash = createHash('sha1');
  const top = await stat(root).catch(() => null);
  if (top === null) return 'missing';
  if (!top.isDirectory()) return `${top.size}:${top.mtimeMs}`;
  const entries: string[] = [];
  const walk = async (dir: string, prefix: string, depth = 0): Promise<void> => {
    if (depth > 32) return;
    const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const child of children) {
      if (child.name.startsWith('.')) continue;
      const path = join(dir, child.name);
      if (exclude.has(path)) continue;
      const info = await stat(path).catch(() => null);
      if (!info) continue;
      if (info.isDirectory()) await walk(path, `${prefix}${child.name}/`, depth + 1);
      else if (info.isFile()) entries.push(`${prefix}${child.name}\u0000${info.size}\u0000${info.mtimeMs}`);
    }
  };
  await walk(root, '');
  entries.sort();
  for (const entry of entries) hash.update(entry).update('\n');
  return hash.digest('hex');
}
