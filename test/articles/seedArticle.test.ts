import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/articles/loadCorpus';

describe('the seed corpus', () => {
  it('GIVEN seeds/ THEN the seed loads with its sidecar metadata and its text equals the file bytes', async () => {
    const load = await loadCorpus('seeds');
    expect(load.skipped).toEqual([]);
    expect(load.articles).toHaveLength(1);
    const [seed] = load.articles;
    expect(seed.source).toBe('000_f20889ff108f9afa.txt');
    expect(seed.text).toBe(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync('seeds/000_f20889ff108f9afa.txt')));
    expect(seed.language).toBe('fr');
    expect(seed.published).toBe('2025-02');
    expect(seed.title).toMatch(/Microsoft/);
    expect(seed.title).toMatch(/GPT-5/);
  });
});
