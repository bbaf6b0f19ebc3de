import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Article, SkippedInput } from '../articles/article';
import type { CorpusFileStat, FileStamp } from '../articles/corpusFiles';
import type { CorpusScan } from '../articles/loadCorpus';

/** What {@link diffCorpus} needs of an indexed article: its content id and where it came from. */
export interface IndexedSource {
  article: Pick<Article, 'id' | 'source'>;
}

/** One corpus article and the indexed entry whose work it reuses, if any. */
export interface PlannedArticle<E> {
  article: Article;
  /**
   * The entry indexed with this article's content: from the same source, or
   * from another one that left the corpus (a renamed or moved file). None
   * when the article must be split, embedded and extracted.
   */
  reuse?: E;
}

/** How a corpus differs from what is indexed, article by source. */
export interface CorpusDiff<E> {
  /** The corpus in order, first article of each source only. */
  plan: PlannedArticle<E>[];
  /** Articles whose source is new. */
  added: number;
  /** Articles whose source was indexed with other content. */
  updated: number;
  /** Indexed sources no longer in the corpus. */
  removed: number;
  /** Indexed entries no article reuses: their passages leave the index. */
  dropped: E[];
  /** Sources met more than once (all but their first article are left out). */
  duplicates: string[];
  /** Whether the index must change at all. */
  changed: boolean;
}

/**
 * Compares what is indexed with a corpus: a new source is added, a source
 * with new content (new id) is updated, a source no longer there is removed.
 * An article whose content is indexed under a source that left (a renamed
 * file) reuses that entry, so it is not embedded again.
 */
export function diffCorpus<E extends IndexedSource>(indexed: readonly E[], articles: readonly Article[]): CorpusDiff<E> {
  const previous = new Map(indexed.map((entry) => [entry.article.source, entry]));
  const seen = new Set<string>();
  const plan: PlannedArticle<E>[] = [];
  const duplicates: string[] = [];
  let added = 0;
  let updated = 0;
  for (const article of articles) {
    if (seen.has(article.source)) {
      duplicates.push(article.source);
      continue;
    }
    seen.add(article.source);
    const old = previous.get(article.source);
    if (old && old.article.id === article.id) {
      plan.push({ article, reuse: old });
      continue;
    }
    if (old) updated += 1;
    else added += 1;
    plan.push({ article });
  }
  const gone = indexed.filter((entry) => !seen.has(entry.article.source));
  const kept = new Set(plan.map((item) => item.reuse));
  const replaced = indexed.filter((entry) => seen.has(entry.article.source) && !kept.has(entry));
  const reusable = new Map([...gone, ...replaced].map((entry) => [entry.article.id, entry]));
  for (const item of plan) {
    if (item.reuse) continue;
    const moved = reusable.get(item.article.id);
    if (moved) {
      reusable.delete(item.article.id);
      item.reuse = moved;
    }
  }
  return {
    plan,
    added,
    updated,
    removed: gone.length,
    dropped: [...reusable.values()],
    duplicates,
    changed: added + updated + gone.length > 0,
  };
}

/** What an index records of one corpus file it loaded, to tell next time whether it changed. */
export interface CorpusFileRecord extends FileStamp {
  source: string;
  sidecar?: { source: string } & FileStamp;
  /** sha256 of the file's bytes, then its sidecar's. */
  hash: string;
  /** The stamp was taken right after a modification (same clock tick): trust only the hash next time. */
  racy?: boolean;
  /** The articles the file gave, in order: source and content id (before ids are made unique across files). */
  articles: [source: string, contentId: string][];
  /** What loading the file skipped. */
  skipped: SkippedInput[];
}

/** The corpus files an index was last brought up to date with. */
export interface CorpusRecord {
  /** The folder the sources are relative to. */
  root: string;
  files: CorpusFileRecord[];
}

/** How a scanned corpus differs from the record, file by file, before any file is read. */
export interface CorpusFilesDiff {
  /** Recorded files with the same stamps (size and modification time, their sidecar's too): not read. */
  unchanged: { file: CorpusFileStat; record: CorpusFileRecord }[];
  /** Recorded files whose stamps differ (or cannot be trusted): their hash decides. */
  suspect: { file: CorpusFileStat; record: CorpusFileRecord }[];
  /** Files the record does not hold. */
  added: CorpusFileStat[];
  /** Recorded files no longer in the corpus. */
  removed: CorpusFileRecord[];
}

/** Stamps taken within this long of a file's modification may miss a later write in the same tick. */
export const RACY_STAMP_MS = 2_000;

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function sameStamps(file: CorpusFileStat, record: CorpusFileRecord): boolean {
  if (!sameStamp(file, record)) return false;
  if (!file.sidecar || !record.sidecar) return !file.sidecar && !record.sidecar;
  return file.sidecar.source === record.sidecar.source && sameStamp(file.sidecar, record.sidecar);
}

/** Each record's files by source, built on first need: a record never changes once made. */
const recordIndexes = new WeakMap<CorpusRecord, Map<string, CorpusFileRecord>>();

function recordedBySource(record: CorpusRecord): Map<string, CorpusFileRecord> {
  let index = recordIndexes.get(record);
  if (!index) recordIndexes.set(record, (index = new Map(record.files.map((file) => [file.source, file]))));
  return index;
}

/**
 * Compares a corpus scan with the record of the last sync, by stamps only:
 * nothing is read. A record of another corpus folder trusts no stamp.
 */
export function diffCorpusFiles(record: CorpusRecord | null, scan: CorpusScan): CorpusFilesDiff {
  const recorded = record ? recordedBySource(record) : new Map<string, CorpusFileRecord>();
  const trusted = record !== null && record.root === scan.root;
  const diff: CorpusFilesDiff = { unchanged: [], suspect: [], added: [], removed: [] };
  let found = 0;
  for (const file of scan.files) {
    const old = recorded.get(file.source);
    if (!old) {
      diff.added.push(file);
      continue;
    }
    found += 1;
    if (trusted && !old.racy && sameStamps(file, old)) diff.unchanged.push({ file, record: old });
    else diff.suspect.push({ file, record: old });
  }
  if (record && found < record.files.length) {
    const scanned = new Set(scan.files.map((file) => file.source));
    diff.removed = record.files.filter((file) => !scanned.has(file.source));
  }
  return diff;
}

/** The content hash a record keeps: sha256 over the file's bytes, then its sidecar's (streamed). */
export async function hashCorpusFile(root: string, file: CorpusFileStat): Promise<string> {
  const hash = createHash('sha256');
  const parts: Array<{ source: string; size: number }> = [file, ...(file.sidecar ? [file.sidecar] : [])];
  for (const { source, size } of parts) {
    // Each read allocates a buffer of highWaterMark bytes: a few kB for an article file, not 1 MB per read.
    const highWaterMark = Math.min(1 << 20, Math.max(16 << 10, size + 1));
    for await (const chunk of createReadStream(join(root, source), { highWaterMark })) hash.update(chunk as Buffer);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/** Whether a stamp taken at `now` may miss a write in the same clock tick as the file's last one. */
export function isRacyStamp(file: CorpusFileStat, now: number): boolean {
  const newest = Math.max(file.mtimeMs, file.sidecar?.mtimeMs ?? 0);
  return now - newest < RACY_STAMP_MS;
}
