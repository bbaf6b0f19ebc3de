import { mkdtempSync, readFileSync, rmSync, mkdirSync, copyFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './runCli';

const SEED = 'seeds/000_f20889ff108f9afa.txt';

function run(argv: string[], stdin = ''): Promise<CliRun> {
  return runCli(argv, { stdin });
}

describe('scoop CLI', () => {
  let work: string;
  let corpus: string;
  let index: string;
  const seedText = readFileSync(SEED, 'utf8');

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'scoop-cli-'));
    corpus = join(work, 'corpus');
    index = join(work, 'index');
    mkdirSync(corpus);
    copyFileSync(SEED, join(corpus, '000_f20889ff108f9afa.txt'));
    copyFileSync('seeds/000_f20889ff108f9afa.meta.json', join(corpus, '000_f20889ff108f9afa.meta.json'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('GIVEN no command THEN prints usage and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: scoop');
  });

  it('GIVEN an unknown command or a bad -k THEN exits 2 with a clear message and writes nothing', async () => {
    const unknown = await run(['frobnicate', '--index', index]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badK = await run(['search', '-k', 'zero', 'GPT-5', '--corpus', corpus, '--index', index]);
    expect(badK.code).toBe(2);
    expect(badK.stderr).toContain('-k takes a whole number');
    const badOption = await run(['search', '--bogus']);
    expect(badOption.code).toBe(2);
  });

  it('GIVEN a corpus path that does not exist THEN exits 2 naming it', async () => {
    const result = await run(['ingest', '--corpus', join(work, 'missing'), '--index', index]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing');
  });

  it('ingest --json prints one summary line, and a second run changes nothing', async () => {
    const first = await run(['ingest', '--json', '--corpus', corpus, '--index', index]);
    expect(first.code).toBe(0);
    const [summary] = first.lines();
    expect(Object.keys(summary).sort()).toEqual(['added', 'articles', 'ms', 'passages', 'removed', 'skipped', 'updated']);
    expect(summary).toMatchObject({ articles: 1, added: 1, updated: 0, removed: 0, skipped: 0 });
    expect(summary.passages).toBeGreaterThan(3);

    const second = await run(['ingest', '--json', '--corpus', corpus, '--index', index]);
    expect(second.lines()[0]).toMatchObject({ articles: 1, added: 0, updated: 0, removed: 0 });
  });

  it('search --json returns verbatim snippets with offsets, for a French passage asked in English', async () => {
    const result = await run(['search', '--json', '-k', '3', '--corpus', corpus, '--index', index, 'When is GPT-5 launched?']);
    expect(result.code).toBe(0);
    const [line] = result.lines();
    expect(line.query).toBe('When is GPT-5 launched?');
    expect(line.results).toHaveLength(3);
    for (const hit of line.results) {
      expect(hit.source).toBe('000_f20889ff108f9afa.txt');
      expect(hit.published).toBe('2025-02');
      expect(seedText.slice(hit.start, hit.end)).toBe(hit.snippet);
    }
    expect(line.results.some((hit: any) => hit.snippet.includes('fin mai'))).toBe(true);
  });

  it('search without a query answers one query a line from stdin, in order', async () => {
    const result = await run(['search', '--json', '-k', '1', '--corpus', corpus, '--index', index], 'Orion\n\nAzure\n');
    expect(result.lines().map((line) => line.query)).toEqual(['Orion', 'Azure']);
  });

  it('a changed corpus is brought up to date before searching', async () => {
    writeFileSync(join(corpus, 'extra.md'), '---\ntitle: Gemini 3 arrive\npublished: 2025-11-18\nlang: fr\n---\nGoogle a lancé Gemini 3 mardi, avec un nouveau mode de raisonnement.\n');
    const result = await run(['search', '--json', '-k', '1', '--corpus', corpus, '--index', index, 'Gemini 3']);
    expect(result.lines()[0].results[0].source).toBe('extra.md');
    rmSync(join(corpus, 'extra.md'));
    const after = await run(['ingest', '--json', '--corpus', corpus, '--index', index]);
    expect(after.lines()[0]).toMatchObject({ articles: 1, removed: 1 });
  });

  it('ask --json answers with numbered verbatim citations', async () => {
    const result = await run(['ask', '--json', '--corpus', corpus, '--index', index, 'When is GPT-5 expected?']);
    expect(result.code).toBe(0);
    const [answer] = result.lines();
    expect(answer).toMatchObject({ question: 'When is GPT-5 expected?', language: 'en', abstained: false });
    expect(answer.answer).toMatch(/May/);
    expect(answer.value).toMatch(/May 2025/);
    expect(answer.confidence).toBeGreaterThan(0.5);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(answer.citations.length).toBeGreaterThan(0);
    answer.citations.forEach((citation: any, i: number) => {
      expect(citation).toHaveProperty('url', null);
      expect(citation.n).toBe(i + 1);
      expect(answer.answer).toContain(`[${citation.n}]`);
      expect(seedText.slice(citation.start, citation.end)).toBe(citation.snippet);
    });
  });

  it('ask abstains on a subject the articles never mention', async () => {
    const result = await run(['ask', '--json', '--corpus', corpus, '--index', index, 'When will GPT-6 be released?']);
    const [answer] = result.lines();
    expect(answer.abstained).toBe(true);
    expect(answer).toMatchObject({ value: null, confidence: 0 });
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toContain('GPT-6');
  });

  it('ask without --json prints the answer then its numbered sources', async () => {
    const result = await run(['ask', '--corpus', corpus, '--index', index, 'Quel est le nom de code de GPT-4.5 ?']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Orion');
    expect(result.stdout).toMatch(/Sources :\n\[1\] .*, caractères \d+-\d+\)/);
    const english = await run(['ask', '--corpus', corpus, '--index', index, 'What is the code name of GPT-4.5?']);
    expect(english.stdout).toMatch(/Sources:\n\[1\] .*, chars \d+-\d+\)/);
  });

  it('timeline and partners print their JSON contracts', async () => {
    const timeline = (await run(['timeline', '--json', '--corpus', corpus, '--index', index, 'gpt 5'])).lines()[0];
    expect(timeline.subject).toBe('GPT-5');
    expect(timeline.events.length).toBeGreaterThanOrEqual(3);
    for (const event of timeline.events) {
      expect(Object.keys(event)).toEqual(expect.arrayContaining(['subject', 'event', 'when', 'start', 'end', 'status', 'source', 'snippet', 'published']));
      expect(seedText).toContain(event.snippet);
    }
    const nobody = (await run(['timeline', '--json', '--corpus', corpus, '--index', index, 'GPT-6'])).lines()[0];
    expect(nobody.events).toEqual([]);

    const partners = (await run(['partners', '--json', '--corpus', corpus, '--index', index, 'OpenAI'])).lines()[0];
    expect(partners.company).toBe('OpenAI');
    expect(partners.partners.some((p: any) => [p.a, p.b].includes('Microsoft') && p.nature === 'cloud')).toBe(true);
    const missing = await run(['partners', '--corpus', corpus, '--index', index]);
    expect(missing.code).toBe(2);
  });

  it('GIVEN an indexed corpus THEN a later search checks files by stat: unchanged stamps are not read, changed ones are', async () => {
    const folder = join(work, 'stat-corpus');
    const statIndex = join(work, 'stat-index');
    mkdirSync(folder);
    const page = (score: string) => `<html><head><title>Rugby</title></head><body><article><p>Le XV de France a battu l'Écosse ${score} au Stade de France samedi soir devant 80 000 spectateurs.</p></article></body></html>`;
    const anHourAgo = new Date(Date.now() - 3_600_000);
    writeFileSync(join(folder, 'rugby.html'), page('31-17'));
    utimesSync(join(folder, 'rugby.html'), anHourAgo, anHourAgo);
    expect((await run(['ingest', '--json', '--corpus', folder, '--index', statIndex])).lines()[0]).toMatchObject({ added: 1 });

    writeFileSync(join(folder, 'rugby.html'), page('42-10'));
    utimesSync(join(folder, 'rugby.html'), anHourAgo, anHourAgo);
    const stale = await run(['search', '--json', '--corpus', folder, '--index', statIndex, 'France Écosse']);
    expect(stale.lines()[0].results[0].snippet).toContain('31-17');

    const now = new Date();
    utimesSync(join(folder, 'rugby.html'), now, now);
    const fresh = await run(['search', '--json', '--corpus', folder, '--index', statIndex, 'France Écosse']);
    expect(fresh.lines()[0].results[0].snippet).toContain('42-10');
  });
});
