import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusFileRecord, CorpusRecord } from './corpusDiff';
import { IndexUnreadableError, type GenerationFile, type LoadedGeneration } from './indexStore';

const RECORD_FILE = 'corpus-files.json';
/**
 * Beside the generations: the record of the live generation with newer
 * stamps, written when only stamps changed (a file touched, same content),
 * so that its hash is not computed again on every run. A cache: ignored
 * when it names another generation, and never needed.
 */
const STAMP_CACHE_FILE = 'corpus-stamps.json';

function isStamp(value: unknown): boolean {
  const stamp = value as { size?: unknown; mtimeMs?: unknown } | null;
  return typeof stamp === 'object' && stamp !== null && typeof stamp.size === 'number' && typeof stamp.mtimeMs === 'number';
}

function isFileRecord(value: unknown): value is CorpusFileRecord {
  const file = value as CorpusFileRecord;
  return (
    isStamp(file) &&
    typeof file.source === 'string' &&
    typeof file.hash === 'string' &&
    (file.sidecar === undefined || (isStamp(file.sidecar) && typeof file.sidecar.source === 'string')) &&
    Array.isArray(file.articles) &&
    file.articles.every((article) => Array.isArray(article) && typeof article[0] === 'string' && typeof article[1] === 'string') &&
    Array.isArray(file.skipped)
  );
}

function checkRecord(value: unknown): CorpusRecord | null {
  if (value === null) return null;
  const record = value as CorpusRecord;
  if (typeof record !== 'object' || typeof record.root !== 'string' || !Array.isArray(record.files) || !record.files.every(isFileRecord)) {
    throw new IndexUnreadableError(`${RECORD_FILE} is not a record of corpus files`);
  }
  return record;
}

/** The record's file in a generation (null: the index was synced from articles, not from files). */
export function corpusRecordFiles(record: CorpusRecord | null): GenerationFile[] {
  return [{ name: RECORD_FILE, data: JSON.stringify(record) }];
}

/** The record of a verified generation, or null when it has none; throws {@link IndexUnreadableError} when it is malformed. */
export function restoreCorpusRecord(generation: LoadedGeneration): CorpusRecord | null {
  const bytes = generation.files.get(RECORD_FILE);
  if (!bytes) return null;
  try {
    return checkRecord(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    if (error instanceof IndexUnreadableError) throw error;
    throw new IndexUnreadableError(`${RECORD_FILE} is not valid JSON`);
  }
}

/** The cached record with newer stamps for generation `name`, if the cache holds one. */
export async function readStampCache(indexDir: string, name: string): Promise<CorpusRecord | null> {
  try {
    const cached = JSON.parse(await readFile(join(indexDir, STAMP_CACHE_FILE), 'utf8')) as { generation?: unknown; record?: unknown };
    return cached.generation === name ? checkRecord(cached.record) : null;
  } catch {
    return null;
  }
}

/** Caches `record` (newer stamps) for generation `name`; a cache that cannot be written (read-only disk) is no error. */
export async function writeStampCache(indexDir: string, name: string, record: CorpusRecord): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(join(indexDir, STAMP_CACHE_FILE), JSON.stringify({ generation: name, record }), { fsync: false }).catch(() => undefined);
}
