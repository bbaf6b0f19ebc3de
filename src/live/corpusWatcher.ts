import { createHash } from 'node:crypto';
import { realpathSync, watch, type FSWatcher } from 'node:fs';
import { relative, resolve } from 'node:path';
import { scanCorpus } from '../articles/loadCorpus';
import type { CorpusBoundary } from '../articles/openCorpusFile';

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
  /** Which symbolic links count, as for a sync (ALLOW_LINKS_OUTSIDE_CORPUS). */
  boundary?: CorpusBoundary;
}

/**
 * Watches a corpus folder for new, changed and deleted files: file-system
 * events (fs.watch, recursive) start a rescan soon after, and a rescan runs
 * every `intervalMs` anyway, since events can be missed (network folders,
 * editors that swap files). A rescan stats every article file, as a sync
 * would list them (no reading, nothing outside the folder), and calls
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
    this.last = await corpusSignature(this.root, this.exclude, this.options.boundary);
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
        const signature = await corpusSignature(this.root, this.exclude, this.options.boundary);
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

/**
 * A digest of the corpus as an index sees it: each article file's path, size
 * and modification time (and its sidecar's), from {@link scanCorpus}, so the
 * watcher follows the same rules as a sync (hidden files left out, links out
 * of the folder refused unless allowed) and never stats anything outside it.
 * Files under `exclude` (an index kept inside the corpus) do not count.
 */
export async function corpusSignature(root: string, exclude: ReadonlySet<string> = new Set(), boundary: CorpusBoundary = {}): Promise<string> {
  let scan;
  try {
    scan = await scanCorpus(root, boundary);
  } catch {
    return 'missing';
  }
  const excluded = [...exclude].map((path) => relative(scan.root, realPathOr(path))).filter((path) => path !== '' && !path.startsWith('..'));
  const hash = createHash('sha1');
  for (const file of scan.files) {
    if (excluded.some((folder) => file.source === folder || file.source.startsWith(`${folder}/`))) continue;
    hash.update(`${file.source}\u0000${file.size}\u0000${file.mtimeMs}`);
    if (file.sidecar) hash.update(`\u0000${file.sidecar.source}\u0000${file.sidecar.size}\u0000${file.sidecar.mtimeMs}`);
    hash.update('\n');
  }
  return hash.digest('hex');
}

function realPathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
