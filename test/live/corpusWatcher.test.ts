import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusWatcher, corpusSignature } from '../../src/live/corpusWatcher';

describe('corpusSignature', () => {
  let work: string;
  let corpus: string;
  let outside: string;

  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'scoop-watch-'));
    corpus = join(work, 'corpus');
    outside = join(work, 'outside');
    await mkdir(corpus);
    await mkdir(outside);
    await writeFile(join(corpus, 'a.txt'), 'Airbus livre son premier A350-1000.');
  });

  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('changes when an article is added, rewritten or deleted', async () => {
    const first = await corpusSignature(corpus);
    await writeFile(join(corpus, 'b.md'), 'Stellantis choisit son partenaire.');
    const added = await corpusSignature(corpus);
    expect(added).not.toBe(first);
    await writeFile(join(corpus, 'b.md'), 'Stellantis choisit un autre partenaire.');
    const rewritten = await corpusSignature(corpus);
    expect(rewritten).not.toBe(added);
    await rm(join(corpus, 'b.md'));
    expect(await corpusSignature(corpus)).toBe(first);
  });

  it('ignores hidden files, files a sync would not load, and the excluded index folder', async () => {
    const first = await corpusSignature(corpus, new Set([join(corpus, 'index')]));
    await writeFile(join(corpus, '.b.txt.tmp'), 'en cours d’écriture');
    await writeFile(join(corpus, 'notes.docx'), 'pas un article');
    await mkdir(join(corpus, 'index'));
    await writeFile(join(corpus, 'index', 'passages.jsonl'), '{}');
    expect(await corpusSignature(corpus, new Set([join(corpus, 'index')]))).toBe(first);
  });

  it('never follows a link out of the corpus, unless links outside are allowed', async () => {
    await writeFile(join(outside, 'secret.txt'), 'version 1');
    await symlink(join(outside, 'secret.txt'), join(corpus, 'link.txt'));
    const before = await corpusSignature(corpus);
    const allowedBefore = await corpusSignature(corpus, new Set(), { allowLinksOutside: true });
    await writeFile(join(outside, 'secret.txt'), 'version 2, longer than the first');
    const later = new Date(Date.now() + 5000);
    await utimes(join(outside, 'secret.txt'), later, later);
    expect(await corpusSignature(corpus)).toBe(before);
    expect(await corpusSignature(corpus, new Set(), { allowLinksOutside: true })).not.toBe(allowedBefore);
  });

  it('reads a missing corpus as missing instead of failing', async () => {
    expect(await corpusSignature(join(work, 'nowhere'))).toBe('missing');
  });
});

describe('CorpusWatcher', () => {
  it('calls onChange once a rescan sees a new article, and not when nothing changed', async () => {
    const work = await mkdtemp(join(tmpdir(), 'scoop-watch-'));
    try {
      let changes = 0;
      const watcher = new CorpusWatcher(work, { intervalMs: 60_000, onChange: () => changes++ });
      await watcher.start();
      watcher.stop();
      await watcher.rescan();
      expect(changes).toBe(0);
      await writeFile(join(work, 'a.txt'), 'Un nouvel article.');
      await watcher.rescan();
      expect(changes).toBe(1);
      await watcher.rescan();
      expect(changes).toBe(1);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
