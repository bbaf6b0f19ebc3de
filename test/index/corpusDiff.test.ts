import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article';
import { diffCorpus } from '../../src/index/corpusDiff';

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
