import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CorpusLoad } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { openCorpusFile } from '../../src/articles/openCorpusFile';

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
      'a-slow.html': `<html><body>${'<div><p>Un paragraphe parmi quatre-vingt mille.</p></div>'.repeat(80_000)}</body></html>`,
      'b-page.html': '<html><head><title>Le Louvre fermé</title></head><body><p>Le musée est resté fermé mardi.</p></body></html>',
      'good.txt': GOOD_ARTICLE,
    });
    const load = await loadCorpus(dir, { parseTimeoutMs: 2000 });
    expect(skipReason(load, 'a-slow.html')).toBe('parsing took longer than 2000 ms (PARSE_TIMEOUT_MS), so it was stopped');
    expect(load.articles.map((a) => a.source)).toEqual(['b-page.html', 'good.txt']);
    expect(load.articles[0].title).toBe('Le Louvre fermé');
  });
});

describe('loadCorpus and symbolic links', () => {
  const outside = corpus('outside', { 'secret.txt': 'Le code du coffre est 4321, dit la note interne.\n' });
  const dir = corpus('links', { 'good.txt': GOOD_ARTICLE, 'sub/inner.txt': 'Stellantis choisit CATL pour ses batteries, annonce le groupe.\n' });
  symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
  symlinkSync('/etc', join(dir, 'etc'));
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'secret.txt'));
  symlinkSync(join(dir, 'good.txt'), join(dir, 'alias.txt'));
  symlinkSync('sub', join(dir, 'sub-link'));
  symlinkSync('..', join(dir, 'sub', 'up'));

  it('GIVEN links to /etc/passwd, /etc and a file beside the corpus THEN none is read, each skipped with one line naming it and why', async () => {
    const load = await loadCorpus(dir);
    expect(skipReason(load, 'passwd.txt')).toBe('symbolic link to /etc/passwd, outside the corpus folder: not read');
    expect(skipReason(load, 'etc')).toBe('symbolic link to /etc, outside the corpus folder: not read');
    expect(skipReason(load, 'secret.txt')).toMatch(/^symbolic link to .*outside\/secret\.txt, outside the corpus folder: not read$/);
    expect(load.skipped.filter((s) => s.source.startsWith('etc/'))).toEqual([]);
    expect(load.articles.map((a) => a.text).join('\n')).not.toMatch(/root:|coffre/);
  });

  it('GIVEN links that stay inside the corpus THEN they are followed, each folder walked once', async () => {
    const load = await loadCorpus(dir);
    expect(load.articles.map((a) => a.source)).toEqual(['alias.txt', 'good.txt', 'sub/inner.txt']);
    expect(load.skipped.map((s) => s.source)).toEqual(['etc', 'passwd.txt', 'secret.txt']);
  });

  it('GIVEN allowLinksOutside THEN links out of the corpus are followed', async () => {
    const load = await loadCorpus(dir, { allowLinksOutside: true });
    expect(load.articles.map((a) => a.source)).toContain('secret.txt');
  });

  it('GIVEN a corpus path that is itself a link, to a folder or to one file THEN what it points at is read', async () => {
    symlinkSync(dir, join(work, 'corpus-link'));
    expect((await loadCorpus(join(work, 'corpus-link'))).articles.map((a) => a.source)).toContain('good.txt');
    symlinkSync(join(outside, 'secret.txt'), join(work, 'one-file.txt'));
    expect((await loadCorpus(join(work, 'one-file.txt'))).articles.map((a) => a.source)).toEqual(['secret.txt']);
  });

  it('GIVEN a file swapped for a link out of the corpus after the listing THEN opening it checks its real path and refuses it', async () => {
    const swapped = corpus('swapped', { 'news.txt': GOOD_ARTICLE });
    rmSync(join(swapped, 'news.txt'));
    symlinkSync('/etc/passwd', join(swapped, 'news.txt'));
    const opened = await openCorpusFile(await realpath(swapped), 'news.txt');
    expect(opened).toEqual({ reason: 'symbolic link to /etc/passwd, outside the corpus folder: not read' });
  });
});

describe('loadCorpus and size bombs', () => {
  const jsonl = (records: object[]) => records.map((record) => JSON.stringify(record)).join('\n') + '\n';
  const huge = 'OpenAI annonce un partenariat avec Microsoft. '.repeat(40_000);

  it('GIVEN a small .jsonl.gz of articles just under the line limit THEN each over-long article is skipped with its length and the limit', async () => {
    const lines = [{ title: 'Bombe', text: huge }, { title: 'Normal', text: GOOD_ARTICLE }, { title: 'Bombe 2', text: huge }];
    const dir = corpus('gz-bomb', { 'bomb.jsonl.gz': gzipSync(jsonl(lines)) });
    const load = await loadCorpus(dir);
    expect(load.articles.map((a) => a.source)).toEqual(['bomb.jsonl.gz#2']);
    expect(skipReason(load, 'bomb.jsonl.gz', 1)).toBe(`article is ${huge.length} characters long, over the 200000 limit per article (MAX_ARTICLE_CHARS)`);
    expect(skipReason(load, 'bomb.jsonl.gz', 3)).toMatch(/over the 200000 limit per article/);
  });

  it('GIVEN an over-long text or HTML article THEN it is skipped the same way', async () => {
    const long = huge.slice(0, 2_000);
    const dir = corpus('long-files', { 'long.txt': long, 'long.html': `<html><body><p>${long}</p></body></html>`, 'good.txt': GOOD_ARTICLE });
    const load = await loadCorpus(dir, { maxArticleChars: 1_000 });
    expect(load.articles.map((a) => a.source)).toEqual(['good.txt']);
    expect(skipReason(load, 'long.txt')).toBe('article is 2000 characters long, over the 1000 limit per article (MAX_ARTICLE_CHARS)');
    expect(skipReason(load, 'long.html')).toMatch(/^article is \d+ characters long, over the 1000 limit per article \(MAX_ARTICLE_CHARS\)$/);
  });

  it('GIVEN a .jsonl.gz that inflates past maxJsonlBytes THEN reading stops there, the lines before it load and one line says why', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => ({ title: `Dépêche ${i + 1}`, text: `${GOOD_ARTICLE} Numéro ${i + 1}.` }));
    const content = jsonl(lines);
    const lineBytes = Buffer.byteLength(content) / 50;
    const dir = corpus('gz-inflate', { 'feed.jsonl.gz': gzipSync(content) });
    const load = await loadCorpus(dir, { maxJsonlBytes: Math.floor(lineBytes * 10.5) });
    expect(load.articles).toHaveLength(10);
    expect(load.skipped).toEqual([
      {
        source: 'feed.jsonl.gz',
        reason: expect.stringMatching(/^stopped reading after 1\.\d KiB, the limit per JSONL file once decompressed \(MAX_JSONL_BYTES\); the 10 lines before it were loaded$/),
      },
    ]);
  });

  it('GIVEN a plain .jsonl larger than maxJsonlBytes THEN it is skipped whole with its size', async () => {
    const dir = corpus('big-jsonl', { 'feed.jsonl': jsonl([{ text: GOOD_ARTICLE }, { text: GOOD_ARTICLE }]) });
    const load = await loadCorpus(dir, { maxJsonlBytes: 100 });
    expect(load.articles).toEqual([]);
    expect(skipReason(load, 'feed.jsonl')).toMatch(/^file is \d+ bytes, over the 100 bytes limit per JSONL file \(MAX_JSONL_BYTES\)$/);
  });
});

describe('loadCorpus and URLs that are not URLs', () => {
  it('GIVEN "url": 12345 in JSONL, a relative url in front matter and a javascript: link in a sidecar THEN each article loads without a URL and one line names the field', async () => {
    const dir = corpus('urls', {
      'feed.jsonl': `${JSON.stringify({ title: 'A350', url: 12345, text: GOOD_ARTICLE })}\n${JSON.stringify({ title: 'Bon', url: 'https://actu.example.fr/a350', text: GOOD_ARTICLE })}\n`,
      'relative.md': `---\nurl: /tech/a350\n---\n${GOOD_ARTICLE}`,
      'side.txt': GOOD_ARTICLE,
      'side.meta.json': JSON.stringify({ link: 'javascript:alert(1)' }),
    });
    const load = await loadCorpus(dir);
    expect(load.articles.map((a) => [a.source, a.url])).toEqual([
      ['feed.jsonl#1', null],
      ['feed.jsonl#2', 'https://actu.example.fr/a350'],
      ['relative.md', null],
      ['side.txt', null],
    ]);
    expect(skipReason(load, 'feed.jsonl', 1)).toBe('"url" is 12345, not an http(s) URL: the article was loaded without it');
    expect(skipReason(load, 'relative.md')).toBe('"url" is "/tech/a350", not an http(s) URL: the article was loaded without it');
    expect(skipReason(load, 'side.meta.json')).toBe('"link" is "javascript:alert(1)", not an http(s) URL: the article was loaded without it');
  });
});
