import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import type { CorpusFileStat } from '../../src/articles/corpusFiles';
import { diffCorpus, diffCorpusFiles, type CorpusRecord } from '../../src/index/corpusDiff';

const article = (source: string, id: string): Article => ({ id, source, title: source, language: 'en', published: null, url: null, text: id });
const entry = (source: string, id: string) => ({ article: article(source, id) });

describe('diffCorpus', () => {
  it('GIVEN the same corpus THEN nothing changed and every article reuses its entry', () => {
    const indexed = [entry('a.md', '1'), entry('b.md', '2')];
    const diff = diffCorpus(indexed, [article('a.md', '1'), article('b.md', '2')]);
    expect(diff).toMatchObject({ added: 0, updated: 0, removed: 0, dropped: [], changed: false });
    expect(diff.plan.map((item) => item.reuse)).toEqual(indexed);
  });

  it('GIVEN a changed, a removed, a new and a renamed file THEN each is counted and the renamed one reuses its entry', () => {
    const indexed = [entry('a.md', '1'), entry('b.md', '2'), entry('c.md', '3'), entry('old-name.md', '4')];
    const diff = diffCorpus(indexed, [article('a.md', '1'), article('b.md', '2b'), article('d.md', '5'), article('new-name.md', '4')]);
    expect(diff).toMatchObject({ added: 2, updated: 1, removed: 2, changed: true });
    expect(diff.plan.map((item) => item.reuse?.article.source)).toEqual(['a.md', undefined, undefined, 'old-name.md']);
    expect(diff.dropped.map((dropped) => dropped.article.source).sort()).toEqual(['b.md', 'c.md']);
  });

  it('GIVEN a source twice THEN the first article counts and the second is reported', () => {
    const diff = diffCorpus([], [article('a.md', '1'), article('a.md', '2')]);
    expect(diff.plan.map((item) => item.article.id)).toEqual(['1']);
    expect(diff.duplicates).toEqual(['a.md']);
  });
});

describe('diffCorpusFiles', () => {
  const stat = (source: string, size: number, mtimeMs = 1_000): CorpusFileStat => ({ source, kind: 'text', size, mtimeMs });
  const record: CorpusRecord = {
    root: '/corpus',
    files: ['a.md', 'b.md', 'c.md'].map((source) => ({ ...stat(source, 10), hash: `hash of ${source}`, articles: [[source, source]], skipped: [] })),
  };

  it('GIVEN one record checked against successive scans THEN each scan gets its own unchanged, suspect, added and removed files', () => {
    const same = diffCorpusFiles(record, { root: '/corpus', files: [stat('a.md', 10), stat('b.md', 10), stat('c.md', 10)], skipped: [] });
    expect(same.unchanged.map(({ file }) => file.source)).toEqual(['a.md', 'b.md', 'c.md']);
    expect([same.suspect, same.added, same.removed]).toEqual([[], [], []]);

    const moved = diffCorpusFiles(record, { root: '/corpus', files: [stat('a.md', 10), stat('c.md', 11), stat('d.md', 5)], skipped: [] });
    expect(moved.unchanged.map(({ file }) => file.source)).toEqual(['a.md']);
    expect(moved.suspect.map(({ file }) => file.source)).toEqual(['c.md']);
    expect(moved.added.map((file) => file.source)).toEqual(['d.md']);
    expect(moved.removed.map((file) => file.source)).toEqual(['b.md']);

    const again = diffCorpusFiles(record, { root: '/corpus', files: [stat('b.md', 10)], skipped: [] });
    expect(again.unchanged.map(({ file }) => file.source)).toEqual(['b.md']);
    expect(again.removed.map((file) => file.source)).toEqual(['a.md', 'c.md']);
  });

  it('GIVEN a scan of another folder THEN no stamp is trusted', () => {
    const diff = diffCorpusFiles(record, { root: '/elsewhere', files: [stat('a.md', 10)], skipped: [] });
    expect(diff.unchanged).toEqual([]);
    expect(diff.suspect.map(({ file }) => file.source)).toEqual(['a.md']);
    expect(diff.removed.map((file) => file.source)).toEqual(['b.md', 'c.md']);
  });
});
