import { randomBytes } from 'node:crypto';
import { constants as fsConstants, createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
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
 *   write.lock/          held while a process writes (proper-lockfile: a folder whose mtime the holder refreshes)
 *   write.owner          who holds the lock (pid, host, time), for the message a waiting writer gives
 * ```
 *
 * A generation is written into a `.partial-` folder, every file fsynced,
 * the manifest (size and CRC-32 of every file) written last, the folder
 * renamed to `gen-...`, then `CURRENT` replaced by rename. Older generations
 * are deleted only after the switch. A write that fails (a full or read-only
 * disk) removes what it wrote at once; one cut short by a crash leaves a
 * `.partial-` folder that the next writer removes.
 */
export const INDEX_FORMAT = 'scoop-passage-index';
/** Bump when the files' layout changes: an index of another version is rebuilt from the corpus. */
export const INDEX_FORMAT_VERSION = 4;

const CURRENT_FILE = 'CURRENT';
const MANIFEST_FILE = 'manifest.json';
const PROBE_FILE = '.probe';
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

/**
 * One file of a generation: bytes to write; chunks to write one after the
 * other (large files, never held whole); or a writer that creates the file
 * at `path` itself (the HNSW graph).
 */
export type GenerationFile =
  | { name: string; data: Uint8Array | string }
  | { name: string; chunks: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array> }
  | { name: string; writeTo: (path: string) => Promise<void> };

/**
 * `JSON.stringify(items)` as UTF-8 chunks of `perChunk` items (each written
 * by `toJson`), so that a large array is never held as one string.
 */
export function* jsonArrayChunks<T>(items: readonly T[], toJson: (item: T) => string = (item) => JSON.stringify(item), perChunk = 256): Generator<Uint8Array> {
  if (items.length === 0) {
    yield Buffer.from('[]');
    return;
  }
  for (let from = 0; from < items.length; from += perChunk) {
    const slice = items.slice(from, from + perChunk).map(toJson);
    const open = from === 0 ? '[' : ',';
    const close = from + perChunk >= items.length ? ']' : '';
    yield Buffer.from(`${open}${slice.join(',')}${close}`);
  }
}

/**
 * Test hooks that make a write fail part way. A hook that throws simulates
 * a crash (the process dies there: nothing is cleaned up); `failWrite`
 * simulates the filesystem refusing a write (ENOSPC, EROFS, ...), which the
 * writer handles as it handles a real one.
 */
export interface WriteFaults {
  /**
   * Called before each file is written (data files, then `manifest.json`,
   * then `CURRENT`; `.probe` for the check before an update, see
   * `probeWritable`); an error it returns is thrown as the write's.
   */
  failWrite?: (name: string) => Error | undefined;
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

/** Which files of a generation {@link readCurrentGeneration} does not return. */
export interface ReadGenerationOptions {
  /** Verified now (streamed, never held whole) and left for the caller to read by path. */
  onDisk?: string[];
  /** Only their size checked now; read and verified when the caller asks ({@link LoadedGeneration.readLater}). */
  later?: string[];
  /** Checks the manifest before any file is read: throwing {@link IndexUnreadableError} rejects the generation without reading its files. */
  checkManifest?: (manifest: IndexManifest) => void;
}

/** A verified generation: its manifest and the bytes of every file but those left on disk or for later. */
export interface LoadedGeneration {
  name: string;
  dir: string;
  manifest: IndexManifest;
  /** File contents, checked against the manifest. */
  files: Map<string, Buffer>;
  /**
   * Reads a file kept for later and checks it against the manifest; throws
   * {@link IndexUnreadableError} when it is gone (another writer replaced the
   * generation) or does not match.
   */
  readLater(name: string): Promise<Buffer>;
}

/** What the system error codes of a failed index write mean for the person running Scoop. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the filesystem is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of that path is a file, not a folder',
  EEXIST: 'that path is a file, not a folder',
};

/**
 * The index could not be written (a full or read-only disk, no permission,
 * a file where the folder should be): a {@link UserFacingError} naming the
 * folder and the reason, with the system error code in `reason`. The last
 * good index, if any, is still on disk.
 */
export class IndexWriteError extends UserFacingError {
  constructor(
    readonly indexDir: string,
    /** The system error code (ENOSPC, EROFS, ...). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    const what = WRITE_FAILURES[reason] ?? reason;
    const advice = reason === 'ENOSPC' || reason === 'EDQUOT' ? 'free some space, or choose' : 'choose';
    super(`Cannot write the index in ${indexDir}: ${what} (${reason}); ${advice} another folder with --index or INDEX_DIR.`, 'index_unwritable');
    this.name = 'IndexWriteError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** `error` as an {@link IndexWriteError} when it is a system error a disk or a path explains; else as is. */
export function explainWriteError(indexDir: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code !== undefined && code in WRITE_FAILURES ? new IndexWriteError(indexDir, code, { cause: error }) : error;
}

/** The stored index cannot be used: corrupt, partial, or of another format. `reason` says which. */
export class IndexUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'IndexUnreadableError';
  }
}

/** The checksum a manifest records: CRC-32 as eight hex digits. */
export function checksum(data: Uint8Array | string): string {
  return hexOf(crc32(data));
}

function hexOf(crc: number): string {
  return crc.toString(16).padStart(8, '0');
}

/** Size and CRC-32 of the file at `path`, read as a stream. */
async function checksumOfFile(path: string): Promise<IndexFileEntry> {
  let crc = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    crc = crc32(chunk, crc);
    bytes += chunk.byteLength;
  }
  return { bytes, crc32: hexOf(crc) };
}

async function fsyncPath(path: string, flags = fsConstants.O_RDONLY): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeChunksSynced(path: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<IndexFileEntry> {
  const handle = await open(path, 'w');
  let crc = 0;
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      await handle.write(chunk);
      crc = crc32(chunk, crc);
      bytes += chunk.byteLength;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, crc32: hexOf(crc) };
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

/**
 * A lock whose holder stopped refreshing it for this long is taken to be
 * dead (crashed) and is broken. The holder refreshes it every half of it.
 */
const STALE_LOCK_MS = 10_000;

/**
 * Takes the index's write lock (`write.lock`, through proper-lockfile),
 * waiting up to `timeoutMs` while another process holds it; a lock its
 * holder stopped refreshing (a crashed process) is broken. Returns the
 * release function and a check that throws when the lock was lost meanwhile
 * (another writer broke it), so a writer never switches `CURRENT` without it.
 */
export async function acquireWriteLock(
  indexDir: string,
  timeoutMs = 60_000,
  /** Which lock: `write` (a generation being written) or `sync` (a whole corpus-to-index sync, held by the live index and the CLI). */
  name: 'write' | 'sync' = 'write',
): Promise<{ release: () => Promise<void>; assertHeld: () => void }> {
  const lockFile = `${name}.lock`;
  const ownerFile = `${name}.owner`;
  let lost: Error | null = null;
  const retries = Math.max(0, Math.ceil(timeoutMs / 100));
  let release: () => Promise<void>;
  const { default: lockfile } = await import('proper-lockfile');
  try {
    release = await lockfile.lock(name === 'write' ? indexDir : join(indexDir, name), {
      lockfilePath: join(indexDir, lockFile),
      realpath: false,
      stale: STALE_LOCK_MS,
      retries: { retries, factor: 1, minTimeout: 50, maxTimeout: 100, randomize: true },
      onCompromised: (error) => {
        lost = error;
      },
    });
  } catch (error) {
    if (!isErrno(error, 'ELOCKED')) throw error;
    const holder = await readLockHolder(join(indexDir, ownerFile));
    throw new UserFacingError(
      `The index in ${indexDir} is being written by ${holder ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}` : 'another process'}; ` +
        `try again when it is done (or delete ${join(indexDir, lockFile)} if no Scoop process is running).`,
      'index_locked',
    );
  }
  await writeFile(join(indexDir, ownerFile), JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() })).catch(() => undefined);
  return {
    release: async () => {
      await rm(join(indexDir, ownerFile), { force: true }).catch(() => undefined);
      await release().catch(() => undefined);
    },
    assertHeld: () => {
      if (lost) throw new Error(`lost the write lock of ${indexDir} (${lost.message})`);
    },
  };
}

async function readLockHolder(ownerPath: string): Promise<{ pid: number; host: string } | null> {
  try {
    const parsed = JSON.parse(await readFile(ownerPath, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
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
 * the new generation's name and manifest.
 *
 * @throws IndexWriteError when the disk or the path refuses the write (what was written is removed).
 */
export async function writeGeneration(
  indexDir: string,
  files: Iterable<GenerationFile>,
  fields: ManifestFields,
  options: WriteGenerationOptions = {},
): Promise<{ name: string; manifest: IndexManifest }> {
  return writeGenerationNow(indexDir, files, fields, options).catch((error: unknown) => {
    throw explainWriteError(indexDir, error);
  });
}

async function writeGenerationNow(
  indexDir: string,
  files: Iterable<GenerationFile>,
  fields: ManifestFields,
  options: WriteGenerationOptions,
): Promise<{ name: string; manifest: IndexManifest }> {
  const faults = options.faults ?? {};
  let crashed = false;
  const crash = (hook: (() => void) | undefined) => {
    try {
      hook?.();
    } catch (error) {
      crashed = true;
      throw error;
    }
  };
  const refuse = (file: string) => {
    const error = faults.failWrite?.(file);
    if (error) throw error;
  };
  await mkdir(indexDir, { recursive: true });
  const lock = await acquireWriteLock(indexDir, options.lockTimeoutMs);
  const name = newGenerationName();
  const partialDir = join(indexDir, `${PARTIAL_PREFIX}${name}`);
  const generationDir = join(indexDir, name);
  let switched = false;
  try {
    await mkdir(partialDir);
    const entries: Record<string, IndexFileEntry> = {};
    for (const file of files) {
      const path = join(partialDir, file.name);
      refuse(file.name);
      if ('data' in file) {
        await writeSynced(path, file.data);
        entries[file.name] = { bytes: Buffer.byteLength(file.data), crc32: checksum(file.data) };
      } else if ('chunks' in file) {
        entries[file.name] = await writeChunksSynced(path, file.chunks());
      } else {
        await file.writeTo(path);
        await fsyncPath(path);
        entries[file.name] = await checksumOfFile(path);
      }
      crash(() => faults.afterFile?.(file.name));
    }
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      ...fields,
      files: entries,
    };
    refuse(MANIFEST_FILE);
    await writeSynced(join(partialDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    await fsyncPath(partialDir);
    await rename(partialDir, generationDir);
    await fsyncPath(indexDir);
    crash(faults.beforeSwitch);
    lock.assertHeld();
    refuse(CURRENT_FILE);
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(join(indexDir, CURRENT_FILE), `${name}\n`);
    switched = true;
    await fsyncPath(indexDir);
    await removeOtherGenerations(indexDir, name);
    return { name, manifest };
  } catch (error) {
    if (!crashed && !switched) {
      await rm(partialDir, { recursive: true, force: true }).catch(() => undefined);
      await rm(generationDir, { recursive: true, force: true }).catch(() => undefined);
    }
    throw error;
  } finally {
    await lock.release();
  }
}

/** Deletes every generation but `keep`, partial generations and stray pointer temps (write-file-atomic's `CURRENT.<n>`); only called under the lock. */
async function removeOtherGenerations(indexDir: string, keep: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    const ours =
      (entry.startsWith(GENERATION_PREFIX) && entry !== keep) ||
      entry.startsWith(PARTIAL_PREFIX) ||
      entry.startsWith(`${CURRENT_FILE}.`);
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
 * `onDisk` are verified but not returned (the caller reads them by path);
 * files named in `later` have their size checked, and their checksum when
 * read through `readLater`. Returns null when there is no index; throws
 * {@link IndexUnreadableError} naming the problem when it is unusable.
 */
export async function readCurrentGeneration(indexDir: string, options: ReadGenerationOptions = {}): Promise<LoadedGeneration | null> {
  const onDisk = new Set(options.onDisk ?? []);
  const later = new Set(options.later ?? []);
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
  options.checkManifest?.(manifest);
  const files = new Map<string, Buffer>();
  const missing = (file: string) => (error: unknown): never => {
    if (isErrno(error, 'ENOENT')) throw new IndexUnreadableError(`${file} is missing`);
    throw error;
  };
  const check = (file: string, found: IndexFileEntry, expected: IndexFileEntry) => {
    if (found.bytes !== expected.bytes) throw new IndexUnreadableError(`${file} has ${found.bytes} bytes, expected ${expected.bytes}`);
    if (found.crc32 !== expected.crc32) throw new IndexUnreadableError(`${file} does not match its checksum`);
  };
  await Promise.all(
    Object.entries(manifest.files).map(async ([file, entry]) => {
      const path = join(dir, file);
      if (later.has(file)) {
        const { size } = await stat(path).catch(missing(file));
        check(file, { bytes: size, crc32: entry.crc32 }, entry);
      } else if (onDisk.has(file)) {
        check(file, await checksumOfFile(path).catch(missing(file)), entry);
      } else {
        const data = await readFile(path).catch(missing(file));
        check(file, { bytes: data.byteLength, crc32: checksum(data) }, entry);
        files.set(file, data);
      }
    }),
  );
  const readLater = async (file: string): Promise<Buffer> => {
    const entry = manifest.files[file];
    if (!entry || !later.has(file)) throw new IndexUnreadableError(`${file} is not in the manifest`);
    const data = await readFile(join(dir, file)).catch(missing(file));
    check(file, { bytes: data.byteLength, crc32: checksum(data) }, entry);
    return data;
  };
  return { name, dir, manifest, files, readLater };
}

/**
 * Checks that `indexDir` can hold an index: a folder, or nothing yet.
 *
 * @throws IndexWriteError when it is a file, or a part of its path is.
 */
export async function checkIndexFolder(indexDir: string): Promise<void> {
  const found = await stat(indexDir).catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return null;
    throw explainWriteError(indexDir, error);
  });
  if (found && !found.isDirectory()) throw new IndexWriteError(indexDir, 'EEXIST');
}

/**
 * Checks, before any costly work, that `indexDir` can be written: creates
 * it if missing, and a file in it. A read-only disk or a missing permission
 * fails here at once; a full disk may only fail when the index is written.
 *
 * @throws IndexWriteError naming the reason.
 */
export async function probeWritable(indexDir: string, faults: WriteFaults = {}): Promise<void> {
  const probe = join(indexDir, `${PROBE_FILE}-${randomBytes(4).toString('hex')}`);
  try {
    const refused = faults.failWrite?.(PROBE_FILE);
    if (refused) throw refused;
    await mkdir(indexDir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw explainWriteError(indexDir, error);
  }
}

/** Whether `path` exists (a file or a folder). */
export async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
