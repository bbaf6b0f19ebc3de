import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article, CorpusLoad } from '../../src/articles/article';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { UserFacingError } from '../../src/errors';

const FORMATS = 'test/fixtures/formats';

function bySource(load: CorpusLoad, source: string): Article {
  const article = load.articles.find((candidate) => candidate.source === source);
  if (!article) throw new Error(`no article ${source}; loaded: ${load.articles.map((a) => a.source).join(', ')}`);
  return article;
}

function skipReason(load: CorpusLoad, source: string, line?: number): string {
  const skipped = load.skipped.find((candidate) => candidate.source === source && candidate.line === line);
  if (!skipped) throw new Error(`${source}${line ? `:${line}` : ''} was not reported as skipped`);
  return skipped.reason;
}

describe('loadCorpus over a folder of every format', async () => {
  const load = await loadCorpus(FORMATS);

  it('GIVEN a folder with subfolders THEN loads every article, sources relative with forward slashes, in sorted order', () => {
    expect(load.articles.map((article) => article.source)).toEqual([
      'bad-date.md',
      'broken/bad-sidecar.txt',
      'feed.jsonl#1',
      'feed.jsonl#2',
      'feed.jsonl#7',
      'feed.jsonl#8',
      'feed.jsonl#9',
      'front-matter.md',
      'markdown-heading.md',
      'nested/depeches.jsonl.gz#1',
      'nested/depeches.jsonl.gz#2',
      'page.html',
      'plain-headline.txt',
      'sans-titre.txt',
      'with-sidecar.txt',
    ]);
  });

  it('GIVEN a hidden file THEN it is neither loaded nor reported', () => {
    const everything = [...load.articles.map((a) => a.source), ...load.skipped.map((s) => s.source)];
    expect(everything.some((source) => source.includes('hidden'))).toBe(false);
  });

  it('GIVEN a plain .txt THEN its text is the file content exactly', () => {
    const article = bySource(load, 'plain-headline.txt');
    expect(article.text).toBe(readFileSync(`${FORMATS}/plain-headline.txt`, 'utf8'));
  });

  it('GIVEN front matter THEN metadata comes from it and the text is what follows the closing line, unchanged', () => {
    const article = bySource(load, 'front-matter.md');
    const file = readFileSync(`${FORMATS}/front-matter.md`, 'utf8');
    expect(article.text).toBe(file.slice(file.indexOf('---\n', 4) + 4));
    expect(article).toMatchObject({
      title: "Mistral AI lève 600 millions d'euros et vise les entreprises",
      url: 'https://actu.example.fr/tech/mistral-levee-de-fonds',
      published: '2024-06-11',
      language: 'fr',
    });
  });

  it('GIVEN a sidecar .meta.json THEN it gives the metadata and the text stays the file bytes', () => {
    const article = bySource(load, 'with-sidecar.txt');
    expect(article.text).toBe(readFileSync(`${FORMATS}/with-sidecar.txt`, 'utf8'));
    expect(article).toMatchObject({
      title: 'Stargate : OpenAI et Oracle construisent un deuxième centre de données au Texas',
      language: 'fr',
      published: '2025-02-14',
      url: 'https://actu.example.fr/tech/stargate-abilene',
    });
    expect(load.articles.some((a) => a.source.endsWith('.meta.json'))).toBe(false);
  });

  it('GIVEN an HTML page THEN the main text is kept and navigation, scripts, header and footer are dropped', () => {
    const article = bySource(load, 'page.html');
    expect(article.text).toContain("Microsoft a annoncé lundi un investissement de 4 milliards d'euros en France");
    expect(article.text).toContain('sommet Choose France');
    for (const chrome of ['Accueil', "S'abonner", 'TRACKING-SCRIPT-TEXT', 'display: flex', 'Mentions légales', 'Politique de confidentialité']) {
      expect(article.text).not.toContain(chrome);
    }
    expect(article.text.split('\n\n')).toHaveLength(3);
    expect(article).toMatchObject({
      title: "Microsoft investit 4 milliards d'euros dans le cloud en France",
      language: 'fr',
      published: '2024-05-13',
      url: 'https://actu.example.fr/tech/microsoft-investit-france',
    });
  });

  it('GIVEN JSONL lines THEN each is an article named NAME.jsonl#LINE with text from text, article or content', () => {
    expect(bySource(load, 'feed.jsonl#1')).toMatchObject({ title: 'Meta dévoile Llama 3', published: '2024-04-18', language: 'fr' });
    expect(bySource(load, 'feed.jsonl#2')).toMatchObject({ title: 'Anthropic releases Claude 3', published: '2024-03-04', language: 'en' });
    expect(bySource(load, 'feed.jsonl#2').text).toMatch(/^Anthropic released Claude 3 on Monday/);
    expect(bySource(load, 'feed.jsonl#7').text).toMatch(/^Samsung a présenté mercredi/);
  });

  it('GIVEN a JSONL heading field THEN it is not put into the text', () => {
    expect(bySource(load, 'feed.jsonl#7').text).not.toContain('Le résumé ne doit pas entrer');
    expect(bySource(load, 'nested/depeches.jsonl.gz#1').text).not.toContain('Un TGV sur deux circulera.');
  });

  it('GIVEN a gzipped JSONL file in a subfolder THEN its lines load, numbered from 1', () => {
    expect(bySource(load, 'nested/depeches.jsonl.gz#1')).toMatchObject({ title: 'SNCF : grève des contrôleurs ce week-end', published: '2024-02-16' });
    expect(bySource(load, 'nested/depeches.jsonl.gz#2')).toMatchObject({ published: '2024-03' });
  });

  it('GIVEN an impossible or unreadable date THEN published is null and the article still loads', () => {
    expect(bySource(load, 'bad-date.md')).toMatchObject({ title: 'Google unveils Gemini 2.0', published: null });
    expect(bySource(load, 'feed.jsonl#9')).toMatchObject({ title: 'Date impossible', published: null });
  });

  it('GIVEN two identical JSONL lines THEN they are two articles with distinct ids', () => {
    const first = bySource(load, 'feed.jsonl#1');
    const copy = bySource(load, 'feed.jsonl#8');
    expect(copy.text).toBe(first.text);
    expect(copy.id).not.toBe(first.id);
    expect(new Set(load.articles.map((a) => a.id)).size).toBe(load.articles.length);
    expect(load.skipped.some((s) => s.source === 'feed.jsonl' && s.line === 8)).toBe(false);
  });

  it('GIVEN broken files THEN each is skipped with a reason that names the problem', () => {
    expect(skipReason(load, 'broken/empty.txt')).toMatch(/empty/);
    expect(skipReason(load, 'broken/binary.txt')).toMatch(/binary/);
    expect(skipReason(load, 'broken/latin1.txt')).toMatch(/not valid UTF-8.*save it as UTF-8/);
    expect(skipReason(load, 'broken/bad-front-matter.md')).toMatch(/unparsable YAML front matter/);
    expect(skipReason(load, 'broken/unclosed-front-matter.md')).toMatch(/never closed/);
    expect(skipReason(load, 'broken/only-punctuation.txt')).toMatch(/no text/);
    expect(skipReason(load, 'broken/notes.pdf')).toMatch(/unsupported file type/);
    expect(skipReason(load, 'broken/orphan.meta.json')).toMatch(/matches no .* article/);
  });

  it('GIVEN an unparsable sidecar THEN the sidecar is reported and its article loads with its own metadata', () => {
    expect(skipReason(load, 'broken/bad-sidecar.meta.json')).toMatch(/unparsable sidecar JSON.*broken\/bad-sidecar\.txt was loaded without it/);
    const article = bySource(load, 'broken/bad-sidecar.txt');
    expect(article.title).not.toBe('Amazon renforce Anthropic');
    expect(article.text).toBe(readFileSync(`${FORMATS}/broken/bad-sidecar.txt`, 'utf8'));
  });

  it('GIVEN bad JSONL lines among good ones THEN each is reported with its line and the good lines load', () => {
    expect(skipReason(load, 'feed.jsonl', 3)).toMatch(/unparsable JSON/);
    expect(skipReason(load, 'feed.jsonl', 4)).toMatch(/not a JSON object/);
    expect(skipReason(load, 'feed.jsonl', 5)).toMatch(/no text/);
    expect(skipReason(load, 'nested/depeches.jsonl.gz', 3)).toMatch(/unparsable JSON/);
  });

  it('GIVEN a blank JSONL line THEN it is neither an article nor a skip', () => {
    expect(load.skipped.some((s) => s.source === 'feed.jsonl' && s.line === 6)).toBe(false);
    expect(load.articles.some((a) => a.source === 'feed.jsonl#6')).toBe(false);
  });

  it('accounts for every input: the skips are exactly the broken files and lines', () => {
    expect(load.skipped).toHaveLength(13);
  });

  it('GIVEN the same folder twice THEN the load is identical', async () => {
    expect(await loadCorpus(FORMATS)).toEqual(load);
  });
});

describe('loadCorpus limits and paths', () => {
  it('GIVEN a file over maxFileBytes THEN it is skipped with its size and the limit, and the smaller ones load', async () => {
    const load = await loadCorpus(FORMATS, { maxFileBytes: 400 });
    expect(skipReason(load, 'plain-headline.txt')).toBe('file is 462 bytes, over the 400 bytes limit per file (MAX_FILE_BYTES)');
    expect(skipReason(load, 'page.html')).toMatch(/over the 400 bytes limit/);
    expect(load.articles.map((a) => a.source)).toContain('with-sidecar.txt');
  });

  it('GIVEN a JSONL file bigger than maxFileBytes THEN the limit applies per line', async () => {
    const load = await loadCorpus(`${FORMATS}/feed.jsonl`, { maxFileBytes: 260 });
    expect(load.articles.map((a) => a.source)).toEqual(['feed.jsonl#2', 'feed.jsonl#7', 'feed.jsonl#9']);
    expect(skipReason(load, 'feed.jsonl', 1)).toMatch(/^line is \d+ bytes, over the 260 bytes limit per JSONL line \(MAX_LINE_BYTES\)$/);
    expect(skipReason(load, 'feed.jsonl', 8)).toMatch(/over the 260 bytes limit/);
  });

  it('GIVEN a single file as the corpus THEN sources use its base name', async () => {
    const gz = await loadCorpus(`${FORMATS}/nested/depeches.jsonl.gz`);
    expect(gz.articles.map((a) => a.source)).toEqual(['depeches.jsonl.gz#1', 'depeches.jsonl.gz#2']);
    const txt = await loadCorpus(`${FORMATS}/with-sidecar.txt`);
    expect(txt.articles).toHaveLength(1);
    expect(txt.articles[0]).toMatchObject({ source: 'with-sidecar.txt', published: '2025-02-14' });
    expect(txt.skipped).toEqual([]);
  });

  it('GIVEN a missing corpus path THEN throws a UserFacingError naming the path and what to do', async () => {
    const missing = 'test/fixtures/formats/no-such-folder';
    const error = await loadCorpus(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe('corpus_not_found');
    expect((error as Error).message).toContain('no-such-folder');
    expect((error as Error).message).toMatch(/--corpus/);
  });
});
