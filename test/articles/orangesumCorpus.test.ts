import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/articles/loadCorpus';

const ORANGESUM = path.resolve(process.cwd(), '../shared/corpora/orangesum-10k.jsonl.gz');

describe.skipIf(!existsSync(ORANGESUM))('the OrangeSum corpus (../shared/corpora)', () => {
  it('GIVEN 10,000 JSONL lines THEN every line is loaded or reported, and the articles are French news with titles and dates', async () => {
    const load = await loadCorpus(ORANGESUM);
    expect(load.articles.length + load.skipped.length).toBe(10_000);
    expect(load.articles.length).toBeGreaterThanOrEqual(9_990);
    for (const skipped of load.skipped) {
      expect(skipped.source).toBe('orangesum-10k.jsonl.gz');
      expect(skipped.reason).toMatch(/no text/);
    }
    expect(load.articles[0].source).toBe('orangesum-10k.jsonl.gz#1');
    expect(new Set(load.articles.map((a) => a.id)).size).toBe(load.articles.length);
    const sample = load.articles.filter((_, index) => index % 100 === 0);
    expect(sample.filter((a) => a.language === 'fr').length).toBe(sample.length);
    expect(sample.every((a) => a.published !== null && /^\d{4}-\d{2}-\d{2}$/.test(a.published))).toBe(true);
    expect(sample.every((a) => a.title.length > 0)).toBe(true);
  });
});
