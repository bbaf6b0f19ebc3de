import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli';

const work = mkdtempSync(join(tmpdir(), 'scoop-cli-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh corpus folder holding `files`, and an index folder beside it. */
function corpus(name: string, files: Record<string, string | Buffer>): { corpus: string; index: string } {
  const dir = join(work, name, 'corpus');
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return { corpus: dir, index: join(work, name, 'index') };
}

const GOOD_ARTICLE = 'Airbus confirme la mise en service de l’A350-1000 au printemps 2026, selon le constructeur.\n';

describe('scoop over hostile corpora', () => {
  it('GIVEN 20,000 nested <div>s THEN ingest and ask work (every command loads the corpus first)', async () => {
    const { corpus: dir, index } = corpus('deep', {
      'deep.html': `<html><body>${'<div>'.repeat(20_000)}<p>OpenAI 2025.</p>${'</div>'.repeat(20_000)}</body></html>`,
      'good.txt': GOOD_ARTICLE,
    });
    const ingest = await runCli(['ingest', '--json', '--corpus', dir, '--index', index]);
    expect(ingest.code).toBe(0);
    expect(ingest.lines()[0]).toMatchObject({ articles: 2, skipped: 0 });
    const ask = await runCli(['ask', '--json', '--corpus', dir, '--index', index, 'When does the A350-1000 enter service?']);
    expect(ask.code).toBe(0);
    expect(ask.lines()[0].citations[0].source).toBe('good.txt');
  });

  it('GIVEN a small .jsonl.gz whose lines are just under the 2 MiB line limit THEN ingest skips each with one line and indexes the rest', async () => {
    const bomb = 'OpenAI annonce un partenariat avec Microsoft. '.repeat(45_000);
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify({ title: `Bombe ${i + 1}`, text: bomb }));
    lines.push(JSON.stringify({ title: 'A350-1000', text: GOOD_ARTICLE }));
    const gz = gzipSync(`${lines.join('\n')}\n`);
    expect(gz.length).toBeLessThan(200_000);
    const { corpus: dir, index } = corpus('gz-bomb', { 'bomb.jsonl.gz': gz });
    const ingest = await runCli(['ingest', '--json', '--corpus', dir, '--index', index]);
    expect(ingest.code).toBe(0);
    expect(ingest.lines()[0]).toMatchObject({ articles: 1, skipped: 20 });
    const warnings = ingest.stderr.trim().split('\n');
    expect(warnings).toHaveLength(20);
    expect(warnings[0]).toBe(`warn: skipped bomb.jsonl.gz:1: article is ${bomb.length} characters long, over the 200000 limit per article (MAX_ARTICLE_CHARS)`);
  });

  it('GIVEN MAX_ARTICLE_CHARS, MAX_FILE_BYTES and ALLOW_LINKS_OUTSIDE_CORPUS in the environment THEN the loader applies them', async () => {
    const { corpus: dir, index } = corpus('settings', { 'good.txt': GOOD_ARTICLE, 'long.txt': `${GOOD_ARTICLE}${GOOD_ARTICLE}` });
    const ingest = await runCli(['ingest', '--json', '--corpus', dir, '--index', index], { env: { MAX_ARTICLE_CHARS: '150' } });
    expect(ingest.lines()[0]).toMatchObject({ articles: 1, skipped: 1 });
    expect(ingest.stderr).toContain('skipped long.txt: article is 184 characters long, over the 150 limit per article (MAX_ARTICLE_CHARS)');
    const bad = await runCli(['ingest', '--corpus', dir, '--index', index], { env: { MAX_FILE_BYTES: 'lots', ALLOW_LINKS_OUTSIDE_CORPUS: 'perhaps' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/MAX_FILE_BYTES.*ALLOW_LINKS_OUTSIDE_CORPUS must be true or false/);
  });
});

describe('scoop and empty text', () => {
  const { corpus: dir, index } = corpus('empty-questions', { 'good.txt': GOOD_ARTICLE });

  it('GIVEN ask "", ask "   " or a question of zero-width spaces THEN a usage error, exit 2, and stdin is not read', async () => {
    for (const blank of ['', '   ', '\u200b\u200b', '\u200d \ufeff']) {
      const result = await runCli(['ask', '--corpus', dir, '--index', index, blank], { stdin: 'When does the A350-1000 enter service?\n' });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^scoop: The text given to ask is empty \(only spaces or invisible characters\): give a question, e\.g\. scoop ask "When is GPT-5 expected\?"\.\n/);
    }
    const search = await runCli(['search', '--corpus', dir, '--index', index, ' '], { stdin: 'A350\n' });
    expect(search.code).toBe(2);
  });

  it('GIVEN questions on stdin, some blank or zero-width THEN only the real ones are answered', async () => {
    const result = await runCli(['ask', '--json', '--corpus', dir, '--index', index], { stdin: '\u200b\n   \nWhen does the A350-1000 enter service?\n' });
    expect(result.code).toBe(0);
    expect(result.lines().map((line) => line.question)).toEqual(['When does the A350-1000 enter service?']);
  });
});
