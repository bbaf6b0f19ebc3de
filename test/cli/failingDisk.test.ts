import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openScoop } from '../../src/app';
import { main } from '../../src/cli/main';
import { parseConfig } from '../../src/config';
import type { WriteFaults } from '../../src/index/indexStore';

const SEED = 'seeds/000_f20889ff108f9afa.txt';

function systemError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Whether chmod keeps this process from writing into a folder (not when running as root). */
function chmodStopsWrites(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'scoop-chmod-'));
  try {
    chmodSync(dir, 0o555);
    writeFileSync(join(dir, 'probe'), '');
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
}

const REAL_READ_ONLY = chmodStopsWrites();
/** A read-only index folder: a real one (chmod 555) where chmod stops this process, else the EROFS the filesystem would give. */
const READ_ONLY = REAL_READ_ONLY
  ? { how: 'a folder made read-only with chmod', faults: undefined, prepare: (dir: string) => chmodSync(dir, 0o555), undo: (dir: string) => chmodSync(dir, 0o755) }
  : {
      how: 'an injected EROFS (running as root: chmod does not stop writes)',
      faults: { failWrite: () => systemError('EROFS', 'read-only file system') } satisfies WriteFaults,
      prepare: () => undefined,
      undo: () => undefined,
    };
const FULL_DISK: WriteFaults = { failWrite: (name) => (name === 'lexical.bin' ? systemError('ENOSPC', 'no space left on device, write') : undefined) };

async function run(argv: string[], writeFaults?: WriteFaults) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      stdin: Readable.from(['']),
      env: { LOG_LEVEL: 'warn' },
    },
    { writeFaults },
  );
  return { code, stdout, stderr };
}

describe(`failing disks (read-only: ${READ_ONLY.how})`, () => {
  let work: string;
  let corpus: string;
  let index: string;
  const liveGeneration = () => readFileSync(join(index, 'CURRENT'), 'utf8');
  const leftovers = () => readdirSync(index).filter((entry) => entry.startsWith('.partial-') || entry.startsWith('.probe'));

  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'scoop-disk-'));
    corpus = join(work, 'corpus');
    index = join(work, 'index');
    mkdirSync(corpus);
    copyFileSync(SEED, join(corpus, '000_f20889ff108f9afa.txt'));
    expect((await run(['ingest', '--corpus', corpus, '--index', index])).code).toBe(0);
    writeFileSync(join(corpus, 'rugby.md'), '---\ntitle: Le XV de France gagne\nlang: fr\n---\nLe XV de France a battu l\'Écosse au Stade de France samedi soir. Antoine Dupont a marqué deux essais.\n');
  });
  afterEach(() => {
    READ_ONLY.undo(index);
    rmSync(work, { recursive: true, force: true });
  });

  it('GIVEN a changed corpus and a full disk THEN search answers from the last good index, says it is stale, and leaves no partial folder', async () => {
    const before = liveGeneration();
    const result = await run(['search', '--json', '--corpus', corpus, '--index', index, 'Microsoft GPT-5 Antoine Dupont essais'], FULL_DISK);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('scoop: the index is stale');
    expect(result.stderr).toContain('the disk is full (ENOSPC)');
    const hits = JSON.parse(result.stdout.trim()).results;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit: { source: string }) => hit.source === 'rugby.md')).toBe(false);
    expect(liveGeneration()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it(`GIVEN a changed corpus and a read-only index (${READ_ONLY.how}) THEN ask still answers from the last good index and says it is stale`, async () => {
    READ_ONLY.prepare(index);
    const result = await run(['ask', '--corpus', corpus, '--index', index, 'Quel est le nom de code de GPT-4.5 ?'], READ_ONLY.faults);
    READ_ONLY.undo(index);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Orion');
    expect(result.stderr).toContain('scoop: the index is stale');
    expect(result.stderr).toMatch(/read-only|permission denied/);
    expect(leftovers()).toEqual([]);
  });

  it('GIVEN a full disk THEN ingest fails with a clear message and exit 2, and the last good index stays', async () => {
    const before = liveGeneration();
    const result = await run(['ingest', '--corpus', corpus, '--index', index], FULL_DISK);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot write the index in ${index}: the disk is full (ENOSPC); free some space`);
    expect(liveGeneration()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it(`GIVEN a new index folder on a read-only filesystem (${READ_ONLY.how}) THEN search exits 2 with a clear message`, async () => {
    const parent = join(work, 'read-only');
    mkdirSync(parent);
    READ_ONLY.prepare(parent);
    const result = await run(['search', '--corpus', corpus, '--index', join(parent, 'index'), 'GPT-5'], READ_ONLY.faults);
    READ_ONLY.undo(parent);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`Cannot write the index in ${join(parent, 'index')}: (the filesystem is read-only|permission denied)`));
  });

  it('GIVEN --index pointing at a file THEN search exits 2 saying it is a file, not a folder', async () => {
    const file = join(work, 'not-a-folder');
    writeFileSync(file, 'hello');
    const result = await run(['search', '--corpus', corpus, '--index', file, 'GPT-5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot write the index in ${file}: that path is a file, not a folder`);
    const inside = await run(['search', '--corpus', corpus, '--index', join(file, 'index'), 'GPT-5']);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('a part of that path is a file, not a folder');
    expect(readFileSync(file, 'utf8')).toBe('hello');
  });

  it('GIVEN a full disk at the bot\'s start THEN the service opens on the last good index with a stale flag and a logged reason', async () => {
    const logs: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const config = parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: index });
    const opened = await openScoop(config, { logger, serveStale: true, writeFaults: FULL_DISK });
    expect(opened.stale).toContain('the disk is full (ENOSPC)');
    expect(logs.some((log) => log.level === 40 && log.msg.includes('index update failed') && log.msg.includes('ENOSPC'))).toBe(true);
    expect(opened.scoop.articleCount()).toBe(1);
    expect(leftovers()).toEqual([]);
    await expect(openScoop(config, { logger, writeFaults: FULL_DISK })).rejects.toThrow('the disk is full');
  });
});
