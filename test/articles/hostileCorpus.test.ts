import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';

const work = mkdtempSync(join(tmpdir(), 'scoop-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh corpus folder holding `files` (relative path → content). */
function corpus(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function skipReason(load: CorpusLoad, source: string, line?: number): string | undefined {
  return load.skipped.find((s) => s.source === source && s.line === line)?.reason;
}

const GOOD_ARTICLE = 'Airbus confirme la mise en service de l’A350-1000 au printemps 2026, selon le constructeur.\n';

describe('loadCorpus over hostile HTML', () => {
  it('GIVEN a page of 20,000 nested <div>s beside a good article THEN both load, the page with its paragraph', async () => {
    const dir = corpus('deep', {
      'deep.html': `<html><body>${'<div>'.repeat(20_000)}<p>OpenAI 2025.</p>${'</div>'.repeat(20_000)}</body></html>`,
      'good.txt': GOOD_ARTICLE,
    });
    const load = await loadCorpus(dir);
    expect(load.skipped).toEqual([]);
    expect(load.articles.map((a) => [a.source, a.text])).toEqual([
      ['deep.html', 'OpenAI 2025.'],
      ['good.txt', GOOD_ARTICLE],
    ]);
  });

  it('GIVEN a page that takes longer than parseTimeoutMs THEN it is skipped with that reason and the rest loads', async () => {
    const dir = corpus('slow', {
      'a-slow.html': `<html><body>${'<div><p>Un paragraphe parmi vingt mille.</p></div>'.repeat(20_000)}</body></html>`,
      'b-page.html': '<html><head><title>Le Louvre fermé</title></head><body><p>Le musée est resté fermé mardi.</p></body></html>',
      'good.txt': GOOD_ARTICLE,
    });
    const load = await loadCorpus(dir, { parseTimeoutMs: 500 });
    expect(skipReason(load, 'a-slow.html')).toBe('parsing took longer than 500 ms (PARSE_TIMEOUT_MS), so it was stopped');
    expect(load.articles.map((a) => a.source)).toEqual(['b-page.html', 'good.txt']);
    expect(load.articles[0].title).toBe('Le Louvre fermé');
  });
});
