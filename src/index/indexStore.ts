import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { UserFacingError } from '../errors';

/**
 * On-disk layout of a persisted index, written so that a crash at any moment
 * leaves the last good index readable:
 *
 * ```
 * INDEX_DIR/
 *   CURRENT              name of the live generation (replaced by rename)
 *   gen-<time>-<rand>/   one complete generation: manifest.json + data files
 *   .partial-<...>/      a generation being written (or left by a crash; removed by the next writer)
 *   write.lock           held while a process writes (pid, host, time)
 * ```
 *
 * A generation is written into a `.partial-` folder, every file fsynced,
 * the manifest (size and CRC-32 of every file) written last, the folder
 * renamed to `gen-...`, then `CURRENT` replaced by rename. Older generations
 * are deleted only after the switch.
 */
export const INDEX_FORMAT = 'scoop-passage-index';
/** Bump when the files' layout changes: an index of another version is rebuilt from the corpus. */
export const INDEX_FORMAT_VERSION = 3;

const CURRENT_FILE = 'CURRENT';
const MANIFEST_FILE = 'manifest.json';
const LOCK_FILE = 'write.lock';
const GENERATION_PREFIX = 'gen-';
const PARTIAL_PREFIX = '.partial-';

/**
 * Size and checksum of one file of a generation. The checksum guards against
 * torn and corrupt writes, not tampering, so it is a CRC-32 (eight hex
 * digits): about 3x faster than sha256 here, which matters when a 50k-passage
 * index is verified on every start.
 */
export interface IndexFileEntry {
  bytes: number;
  crc32: string;
}

/** What a generation holds, written last and checked first. */
export interface IndexManifest {
  format: typeof INDEX_FORMAT;
  formatVersion: number;
  /** The embedder that made the vectors; another one means a full rebuild. */
  embedderId: string;
  dimensions: number;
  createdAt: string;
  counts: { articles: number; passages: number; facts: number };
  /** Version of the fact extractor the stored facts come from; null when none ran. */
  factsVersion: string | null;
  /** Parameters of the HNSW graph and the next free label in it. */
  hnsw: { space: 'cosine'; m: number; efConstruction: number; elements: number; nextLabel: number };
  files: Record<string, IndexFileEntry>;
}

/** The fields a writer gives; format, date and file checksums are filled in. */
export type ManifestFields = Omit<IndexManifest, 'format' | 'formatVersion' | 'createdAt' | 'files'>;

/** One file of a generation: bytes to write, or a writer that creates the file at `path` itself (the HNSW graph). */
export type GenerationFile = { name: string; data: Uint8Array | string } | { name: string; writeTo: (path: string) => Promise<void> };

/** Test hooks to simulate a crash part way through a write. */
export interface WriteFaults {
  /** Called after each data file is written and synced; throwing aborts the write there. */
  afterFile?: (name: string) => void;
  /** Called after the new generation folder is in place, before `CURRENT` is switched. */
  beforeSwitch?: () => void;
}

/** Options of {@link writeGeneration}. */
export interface WriteGenerationOptions {
  faults?: WriteFaults;
  /** How long to wait for another writer's lock before giving up. Default 60 s. */
  lockTimeoutMs?: number;
}

/** A verified generation: its manifest and the bytes of every file but those left on disk. */
export interface LoadedGeneration {
  name: string;
  dir: string;
  manifest: IndexManifest;
  /** File contents, checked against the manifest. */
  files: Map<string, Buffer>;
}

/** The stored index cannot be used: corrupt, partial, or of another format. `reason` says which. */
export class IndexUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'IndexUnreadableError';
  }
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 (zlib's) of `data`; a table-driven fallback where Node lacks `zlib.crc32` (before 20.15). */
function crc32Of(data: Uint8Array | string): number {
  const native = (zlib as { crc32?: (data: Uint8Array | string) => number }).crc32;
  if (native) return native(data);
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let crc = -1;
  for (let i = 0; i < bytes.length; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** The checksum a manifest records: CRC-32 as eight hex digits. */
export function checksum(data: Uint8Array | string): string {
  return crc32Of(data).toString(16).padStart(8, '0');
}

async function fsyncPath(path: string, flags = fsConstants.O_RDONLY): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeSynced(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

const STALE_LOCK_MS = 10 * 60_000;

/**
 * Takes `write.lock` in `indexDir` (created exclusively), waiting while
 * another live process holds it. A lock left by a dead process on this host,
 * or older than ten minutes, is broken. Returns the release function.
 */
export async function acquireWriteLock(indexDir: string, timeoutMs = 60_000): Promise<() => Promise<void>> {
  const lockPath = join(indexDir, LOCK_FILE);
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await writeFile(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now(), token }), { flag: 'wx' });
      return async () => {
        const held = await readFile(lockPath, 'utf8').catch(() => '');
        if (held.includes(token)) await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const holder = await readLockHolder(lockPath);
    const stale =
      holder === null ||
      Date.now() - holder.at > STALE_LOCK_MS ||
      (holder.host === hostname() && holder.pid !== process.pid && !processIsAlive(holder.pid));
    if (stale) {
      const aside = `${lockPath}.stale-${token}`;
      await rename(lockPath, aside).then(() => unlink(aside), () => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      throw new UserFacingError(
        `The index in ${indexDir} is being written by process ${holder.pid}; try again when it is done ` +
          `(or delete ${lockPath} if no Scoop process is running).`,
        'index_locked',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 50));
  }
}

async function readLockHolder(lockPath: string): Promise<{ pid: number; host: string; at: number } | null> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as { pid?: unknown; host?: unknown; at?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.at === 'number') {
      return { pid: parsed.pid, host: parsed.host, at: parsed.at };
    }
    return null;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { pid: 0, host: '', at: Date.now() };
    return null;
  }
}

/** The name the next generation gets: sortable by time, unique across processes. */
function newGenerationName(): string {
  return `${GENERATION_PREFIX}${Date.now().toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
}

/**
 * Writes a complete generation beside the live one and makes it live
 * atomically (see the layout above), under the write lock; then deletes the
 * older generations and any partial ones left by crashed writers. Returns
 * the new generation's manifest.
 */
export async function writeGeneration(
  indexDir: string,
  files: GenerationFile[],
  fields: ManifestFields,
  options: WriteGenerationOptions = {},
): Promise<IndexManifest> {
  await mkdir(indexDir, { recursive: true });
  const release = await acquireWriteLock(indexDir, options.lockTimeoutMs);
  try {
    const name = newGenerationName();
    const partialDir = join(indexDir, `${PARTIAL_PREFIX}${name}`);
    await mkdir(partialDir);
    const entries: Record<string, IndexFileEntry> = {};
    for (const file of files) {
      const path = join(partialDir, file.name);
      if ('data' in file) {
        await writeSynced(path, file.data);
        entries[file.name] = { bytes: Buffer.byteLength(file.data), crc32: checksum(file.data) };
      } else {
        await file.writeTo(path);
        await fsyncPath(path);
        const written = await readFile(path);
        entries[file.name] = { bytes: written.byteLength, crc32: checksum(written) };
      }
      options.faults?.afterFile?.(file.name);
    }
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      ...fields,
      files: entries,
    };
    await writeSynced(join(partialDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    await fsyncPath(partialDir);
    await rename(partialDir, join(indexDir, name));
    await fsyncPath(indexDir);
    options.faults?.beforeSwitch?.();
    const pointerTemp = join(indexDir, `${CURRENT_FILE}.${randomBytes(4).toString('hex')}.tmp`);
    await writeSynced(pointerTemp, `${name}\n`);
    await rename(pointerTemp, join(indexDir, CURRENT_FILE));
    await fsyncPath(indexDir);
    await removeOtherGenerations(indexDir, name);
    return manifest;
  } finally {
    await release();
  }
}

/** Deletes every generation but `keep`, partial generations and stray pointer temps; only called under the lock. */
async function removeOtherGenerations(indexDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    const ours =
      (entry.startsWith(GENERATION_PREFIX) && entry !== keep) ||
      entry.startsWith(PARTIAL_PREFIX) ||
      (entry.startsWith(`${CURRENT_FILE}.`) && entry.endsWith('.tmp'));
    if (ours) await rm(join(indexDir, entry), { recursive: true, force: true });
  }
}

/** The name of the live generation, or null when `indexDir` holds no index yet. */
export async function readCurrentName(indexDir: string): Promise<string | null> {
  try {
    const name = (await readFile(join(indexDir, CURRENT_FILE), 'utf8')).trim();
    if (!/^gen-[0-9a-z]+-[0-9a-f]+$/.test(name)) throw new IndexUnreadableError(`${CURRENT_FILE} does not name a generation`);
    return name;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

function checkManifest(value: unknown): IndexManifest {
  const m = value as Partial<IndexManifest> | null;
  if (typeof m !== 'object' || m === null || m.format !== INDEX_FORMAT) throw new IndexUnreadableError('manifest is not a Scoop index manifest');
  if (m.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexUnreadableError(`index format ${String(m.formatVersion)} is not the supported ${INDEX_FORMAT_VERSION}`);
  }
  const filesOk =
    typeof m.files === 'object' &&
    m.files !== null &&
    Object.values(m.files).every((f) => Number.isInteger(f?.bytes) && typeof f?.crc32 === 'string');
  const hnswOk =
    typeof m.hnsw === 'object' &&
    m.hnsw !== null &&
    [m.hnsw.m, m.hnsw.efConstruction, m.hnsw.elements, m.hnsw.nextLabel].every((n) => Number.isInteger(n) && n >= 0);
  const countsOk =
    typeof m.counts === 'object' && m.counts !== null && [m.counts.articles, m.counts.passages, m.counts.facts].every(Number.isInteger);
  const factsVersionOk = m.factsVersion === null || typeof m.factsVersion === 'string';
  if (typeof m.embedderId !== 'string' || !Number.isInteger(m.dimensions) || !filesOk || !hnswOk || !countsOk || !factsVersionOk) {
    throw new IndexUnreadableError('manifest is incomplete');
  }
  return m as IndexManifest;
}

/**
 * Reads and verifies the live generation: the manifest must parse and every
 * file listed must exist with its recorded size and CRC-32. Files named in
 * `leaveOnDisk` are verified but not returned (the caller reads them by
 * path). Returns null when there is no index; throws
 * {@link IndexUnreadableError} naming the problem when it is unusable.
 */
export async function readCurrentGeneration(indexDir: string, leaveOnDisk: string[] = []): Promise<LoadedGeneration | null> {
  const name = await readCurrentName(indexDir);
  if (name === null) return null;
  const dir = join(indexDir, name);
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) throw new IndexUnreadableError(`generation ${name} has no manifest`);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    throw new IndexUnreadableError(`manifest of ${name} is not valid JSON`);
  }
  const manifest = checkManifest(parsed);
  const files = new Map<string, Buffer>();
  await Promise.all(
    Object.entries(manifest.files).map(async ([file, entry]) => {
      let data: Buffer;
      try {
        data = await readFile(join(dir, file));
      } catch (error) {
        if (isErrno(error, 'ENOENT')) throw new IndexUnreadableError(`${file} is missing`);
        throw error;
      }
      if (data.byteLength !== entry.bytes) throw new IndexUnreadableError(`${file} has ${data.byteLength} bytes, expected ${entry.bytes}`);
      if (checksum(data) !== entry.crc32) throw new IndexUnreadableError(`${file} does not match its checksum`);
      if (!leaveOnDisk.includes(file)) files.set(file, data);
    }),
  );
  return { name, dir, manifest, files };
}

/** Whether `path` exists (a file or a folder). */
export async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
