import { mkdtemp, mkdir, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors';
import {
  acquireWriteLock,
  checksum,
  IndexUnreadableError,
  IndexWriteError,
  jsonArrayChunks,
  readCurrentGeneration,
  writeGeneration,
  type GenerationFile,
  type ManifestFields,
} from '../../src/index/indexStore';

const fields = (passages: number): ManifestFields => ({
  embedderId: 'test-embedder',
  dimensions: 4,
  factsVersion: null,
  counts: { articles: 1, passages, facts: 0 },
  hnsw: { space: 'cosine', m: 16, efConstruction: 64, elements: passages, nextLabel: passages },
});

const files = (text: string): GenerationFile[] => [
  { name: 'a.json', data: JSON.stringify({ text }) },
  { name: 'b.bin', data: new Uint8Array([1, 2, 3, text.length]) },
  { name: 'c.txt', writeTo: (path) => writeFile(path, `written by a writer: ${text}`) },
];

const generations = async (dir: string) => (await readdir(dir)).filter((entry) => entry.startsWith('gen-') || entry.startsWith('.partial-'));

describe('indexStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'scoop-store-')), 'index');
  });
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('GIVEN no index THEN reading gives null', async () => {
    expect(await readCurrentGeneration(dir)).toBeNull();
  });

  it('GIVEN a written generation THEN it reads back verified, with sizes and CRC-32 checksums in its manifest', async () => {
    const { manifest } = await writeGeneration(dir, files('first'), fields(3));
    expect(manifest.files['a.json'].crc32).toMatch(/^[0-9a-f]{8}$/);
    expect(manifest.files['c.txt'].bytes).toBe('written by a writer: first'.length);
    const loaded = await readCurrentGeneration(dir, { onDisk: ['c.txt'] });
    expect(loaded?.manifest.embedderId).toBe('test-embedder');
    expect(JSON.parse(loaded!.files.get('a.json')!.toString())).toEqual({ text: 'first' });
    expect(loaded!.files.has('c.txt')).toBe(false);
    expect(await readFile(join(loaded!.dir, 'c.txt'), 'utf8')).toBe('written by a writer: first');
  });

  it('GIVEN a file written in chunks and kept for later THEN its checksum is checked when it is read', async () => {
    const chunked: GenerationFile = { name: 'd.bin', chunks: () => [new Uint8Array([1, 2]), new Uint8Array([3])] };
    const { manifest } = await writeGeneration(dir, [...files('first'), chunked], fields(3));
    expect(manifest.files['d.bin']).toEqual({ bytes: 3, crc32: checksum(new Uint8Array([1, 2, 3])) });
    const loaded = await readCurrentGeneration(dir, { later: ['d.bin'] });
    expect(loaded!.files.has('d.bin')).toBe(false);
    expect([...(await loaded!.readLater('d.bin'))]).toEqual([1, 2, 3]);
    await writeFile(join(loaded!.dir, 'd.bin'), new Uint8Array([9, 9, 9]));
    await expect(loaded!.readLater('d.bin')).rejects.toThrow(/d\.bin does not match its checksum/);
    await writeFile(join(loaded!.dir, 'd.bin'), new Uint8Array([9]));
    await expect(readCurrentGeneration(dir, { later: ['d.bin'] })).rejects.toThrow(/d\.bin has 1 bytes, expected 3/);
  });

  it('GIVEN a second write THEN the new generation is live and the old one is deleted', async () => {
    await writeGeneration(dir, files('first'), fields(3));
    await writeGeneration(dir, files('second'), fields(3));
    const loaded = await readCurrentGeneration(dir);
    expect(JSON.parse(loaded!.files.get('a.json')!.toString())).toEqual({ text: 'second' });
    expect(await generations(dir)).toEqual([loaded!.name]);
  });

  it('GIVEN a file changed on disk THEN reading fails naming the file', async () => {
    await writeGeneration(dir, files('first'), fields(3));
    const loaded = await readCurrentGeneration(dir);
    await writeFile(join(loaded!.dir, 'b.bin'), new Uint8Array([9, 9, 9, 9]));
    await expect(readCurrentGeneration(dir)).rejects.toThrow(/b\.bin does not match its checksum/);
    await writeFile(join(loaded!.dir, 'a.json'), '{');
    await expect(readCurrentGeneration(dir)).rejects.toBeInstanceOf(IndexUnreadableError);
  });

  it('GIVEN a truncated manifest or a CURRENT naming nothing THEN reading fails as unreadable', async () => {
    await writeGeneration(dir, files('first'), fields(3));
    const loaded = await readCurrentGeneration(dir);
    const manifestPath = join(loaded!.dir, 'manifest.json');
    await writeFile(manifestPath, (await readFile(manifestPath, 'utf8')).slice(0, 40));
    await expect(readCurrentGeneration(dir)).rejects.toThrow(/not valid JSON/);
    await writeFile(join(dir, 'CURRENT'), 'gen-0-00\n');
    await expect(readCurrentGeneration(dir)).rejects.toThrow(/no manifest/);
  });

  it.each([
    ['after a data file', { afterFile: (name: string) => { if (name === 'b.bin') throw new Error('crash'); } }],
    ['before the switch', { beforeSwitch: () => { throw new Error('crash'); } }],
  ])('GIVEN a crash %s THEN the last good generation stays live and the next write cleans up', async (_when, faults) => {
    await writeGeneration(dir, files('good'), fields(3));
    await expect(writeGeneration(dir, files('lost'), fields(3), { faults })).rejects.toThrow('crash');
    const loaded = await readCurrentGeneration(dir);
    expect(JSON.parse(loaded!.files.get('a.json')!.toString())).toEqual({ text: 'good' });
    expect((await generations(dir)).length).toBe(2);
    await writeGeneration(dir, files('next'), fields(3));
    const next = await readCurrentGeneration(dir);
    expect(JSON.parse(next!.files.get('a.json')!.toString())).toEqual({ text: 'next' });
    expect(await generations(dir)).toEqual([next!.name]);
  });

  it.each(['b.bin', 'manifest.json', 'CURRENT'])('GIVEN a full disk when %s is written THEN the write fails naming it, removes what it wrote at once, and the last good generation stays', async (refused) => {
    const good = await writeGeneration(dir, files('good'), fields(3));
    const faults = { failWrite: (name: string) => (name === refused ? Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }) : undefined) };
    const error = await writeGeneration(dir, files('lost'), fields(3), { faults }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexWriteError);
    expect((error as Error).message).toBe(`Cannot write the index in ${dir}: the disk is full (ENOSPC); free some space, or choose another folder with --index or INDEX_DIR.`);
    expect(await generations(dir)).toEqual([good.name]);
    expect((await readCurrentGeneration(dir))!.name).toBe(good.name);
  });

  it('GIVEN two writers at once THEN both finish and the index reads back whole', async () => {
    await Promise.all([writeGeneration(dir, files('one'), fields(3)), writeGeneration(dir, files('two'), fields(3))]);
    const loaded = await readCurrentGeneration(dir);
    expect(['one', 'two']).toContain(JSON.parse(loaded!.files.get('a.json')!.toString()).text);
    expect(await generations(dir)).toEqual([loaded!.name]);
  });

  it('GIVEN a lock held by a live process THEN a writer gives up with a message naming it', async () => {
    await mkdir(dir, { recursive: true });
    const held = await acquireWriteLock(dir);
    try {
      const error = await writeGeneration(dir, files('blocked'), fields(3), { lockTimeoutMs: 150 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as Error).message).toContain(`being written by process ${process.pid}`);
      expect(await readCurrentGeneration(dir)).toBeNull();
    } finally {
      await held.release();
    }
  });

  it('GIVEN a lock left by a dead process (no longer refreshed) THEN it is broken and the write goes through', async () => {
    await mkdir(join(dir, 'write.lock'), { recursive: true });
    await writeFile(join(dir, 'write.owner'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: Date.now() - 60_000 }));
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'write.lock'), aMinuteAgo, aMinuteAgo);
    await writeGeneration(dir, files('after'), fields(3), { lockTimeoutMs: 1000 });
    const loaded = await readCurrentGeneration(dir);
    expect(JSON.parse(loaded!.files.get('a.json')!.toString())).toEqual({ text: 'after' });
    expect((await readdir(dir)).includes('write.lock')).toBe(false);
  });
});

describe('jsonArrayChunks', () => {
  it.each([0, 1, 3, 4, 9])('GIVEN %i items, 4 a chunk THEN the chunks join to JSON.stringify of the array, never more than 4 items a chunk', (count) => {
    const items = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, text: `« l’article ${i} »\n`, dates: i % 2 ? [] : [{ year: 2025 }] }));
    const chunks = [...jsonArrayChunks(items, undefined, 4)].map((chunk) => Buffer.from(chunk).toString('utf8'));
    expect(chunks.join('')).toBe(JSON.stringify(items));
    expect(chunks.length).toBe(Math.max(1, Math.ceil(count / 4)));
  });

  it('GIVEN the writer fed an iterable of files THEN each file is made only when the one before it is written', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'scoop-lazy-')), 'index');
    const made: string[] = [];
    function* lazyFiles(): Generator<GenerationFile> {
      for (const name of ['a.json', 'b.json']) {
        made.push(name);
        yield { name, writeTo: async (path) => { await writeFile(path, `{"made":${JSON.stringify(made)}}`); } };
      }
    }
    try {
      await writeGeneration(dir, lazyFiles(), fields(0));
      const generation = await readCurrentGeneration(dir);
      expect(generation?.files.get('a.json')?.toString('utf8')).toBe('{"made":["a.json"]}');
      expect(generation?.files.get('b.json')?.toString('utf8')).toBe('{"made":["a.json","b.json"]}');
    } finally {
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
