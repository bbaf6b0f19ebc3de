import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonlLine } from '../../src/articles/jsonlArticles';
import { loadCorpus } from '../../src/articles/loadCorpus';

const line = (record: object): string => JSON.stringify(record);
const LOUVRE = { title: 'Le Louvre fermé', date: '2024-03-05', article: 'Le musée du Louvre est resté fermé mardi à la suite d’une panne.' };
const SIRI = { title: 'Apple delays Siri', published: '2025-03-07', text: 'Apple said on Friday that its smarter Siri would take longer to deliver.' };

describe('JSONL files', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scoop-jsonl-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN Windows line endings and no final newline THEN every line loads with its number', async () => {
    await writeFile(join(dir, 'wire.jsonl'), `${line(LOUVRE)}\r\n${line(SIRI)}`);
    const load = await loadCorpus(dir);
    expect(load.articles.map((a) => [a.source, a.title])).toEqual([
      ['wire.jsonl#1', 'Le Louvre fermé'],
      ['wire.jsonl#2', 'Apple delays Siri'],
    ]);
  });

  it('GIVEN a line far longer than a read chunk THEN it loads whole', async () => {
    const longText = `${'Le Parlement européen a adopté le règlement sur l’intelligence artificielle. '.repeat(20_000)}Fin.`;
    await writeFile(join(dir, 'long.jsonl'), `${line({ title: 'Long', text: longText })}\n${line(SIRI)}\n`);
    const load = await loadCorpus(dir, { maxArticleChars: 2_000_000 });
    expect(load.articles[0].text).toBe(longText);
    expect(load.articles[1].source).toBe('long.jsonl#2');
  });

  it('GIVEN a Latin-1 line among UTF-8 lines THEN that line alone is skipped', async () => {
    const latin1 = Buffer.from('{"title": "Cour des comptes", "text": "Un rapport s\u00e9v\u00e8re."}', 'latin1');
    await writeFile(join(dir, 'mixed.jsonl'), Buffer.concat([Buffer.from(`${line(LOUVRE)}\n`), latin1, Buffer.from(`\n${line(SIRI)}\n`)]));
    const load = await loadCorpus(dir);
    expect(load.articles.map((a) => a.source)).toEqual(['mixed.jsonl#1', 'mixed.jsonl#3']);
    expect(load.skipped).toEqual([{ source: 'mixed.jsonl', line: 2, reason: expect.stringMatching(/not valid UTF-8/) }]);
  });

  it('GIVEN a truncated gzip file THEN the lines before the damage load and the damage is reported', async () => {
    const lines = Array.from({ length: 400 }, (_, index) => line({ ...SIRI, title: `Dépêche ${index + 1}`, text: `${SIRI.text} Update ${index + 1}: ${Math.sin(index)}.` }));
    const gz = gzipSync(`${lines.join('\n')}\n`);
    await writeFile(join(dir, 'cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
    const load = await loadCorpus(dir);
    expect(load.articles.length).toBeGreaterThan(0);
    expect(load.articles.length).toBeLessThan(400);
    expect(load.skipped).toEqual([{ source: 'cut.jsonl.gz', reason: expect.stringMatching(/could not read the gzip data after line \d+/) }]);
  });

  it('GIVEN a .jsonl.gz that is not gzip THEN it is reported, not thrown', async () => {
    await writeFile(join(dir, 'plain.jsonl.gz'), `${line(SIRI)}\n`);
    const load = await loadCorpus(dir);
    expect(load.articles).toEqual([]);
    expect(load.skipped).toEqual([{ source: 'plain.jsonl.gz', reason: expect.stringMatching(/could not read the gzip data/) }]);
  });
});

describe('parseJsonlLine', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('GIVEN text, article or content THEN that field is the text, taken exactly', () => {
    for (const field of ['text', 'article', 'content']) {
      const result = parseJsonlLine('f.jsonl', 3, bytes(line({ [field]: '  Le musée a rouvert.  ' })));
      expect(result).toMatchObject({ article: { source: 'f.jsonl#3', text: '  Le musée a rouvert.  ' } });
    }
  });

  it('GIVEN a whitespace-only line THEN nothing is produced', () => {
    expect(parseJsonlLine('f.jsonl', 1, bytes('   \t'))).toBeNull();
  });

  it('GIVEN a NUL byte THEN the line is skipped as binary', () => {
    expect(parseJsonlLine('f.jsonl', 2, new Uint8Array([0x7b, 0x00, 0x7d]))).toEqual({ skipped: { source: 'f.jsonl', line: 2, reason: expect.stringMatching(/binary/) } });
  });
});
