import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli';

const ESC = '\u001b';
const HOSTILE_TITLE = `${ESC}]0;pwned\u0007${ESC}[2J${ESC}[HAirbus \u009b31mretarde l’A350-1000`;
const HOSTILE_TEXT = `Airbus a confirmé ${ESC}[31mmardi${ESC}[0m que l’A350-1000 entrera en service au printemps 2026.\r${ESC}[K Le constructeur vise 30 livraisons.\n`;
/** Any byte a terminal would act on: C0 controls but newline, DEL, C1. */
const TERMINAL_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;

describe('scoop output with control characters in titles, text and file names', () => {
  const work = mkdtempSync(join(tmpdir(), 'scoop-cli-controls-'));
  const corpus = join(work, 'corpus');
  const index = join(work, 'index');
  const args = ['--corpus', corpus, '--index', index];
  beforeAll(() => {
    mkdirSync(corpus);
    writeFileSync(join(corpus, `airbus${ESC}[2K\nretard.md`), `---\ntitle: "${HOSTILE_TITLE.replaceAll('\u001b', '\\e').replaceAll('\u0007', '\\a').replaceAll('\u009b', '\\x9b')}"\n---\n${HOSTILE_TEXT}`);
    writeFileSync(join(corpus, `notes${ESC}[31m\nfake warning.pdf`), 'not an article');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('GIVEN search in text THEN no control character reaches the terminal and each hit keeps its two lines', async () => {
    const result = await runCli(['search', '-k', '1', ...args, 'A350-1000 service']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(TERMINAL_CONTROLS);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^1\. Airbus retarde l’A350-1000 \(airbus\\x1b\[2K\\nretard\.md, chars 0-\d+, score [\d.]+\)$/);
    expect(lines[1]).toBe('   "Airbus a confirmé mardi que l’A350-1000 entrera en service au printemps 2026. Le constructeur vise 30 livraisons."');
  });

  it('GIVEN a skipped file whose name holds a newline and an escape THEN its warning is one line, the name escaped', async () => {
    const result = await runCli(['ingest', ...args]);
    expect(result.stderr).not.toMatch(TERMINAL_CONTROLS);
    const warnings = result.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warn: skipped notes\\x1b\[31m\\nfake warning\.pdf: unsupported file type/);
  });

  it('GIVEN ask and search in --json THEN the lines parse, hold the original characters, and print none raw', async () => {
    const search = await runCli(['search', '--json', '-k', '1', ...args, 'A350-1000 service']);
    expect(search.stdout).not.toMatch(TERMINAL_CONTROLS);
    const [hit] = search.lines()[0].results;
    expect(hit.title).toBe(HOSTILE_TITLE);
    expect(hit.source).toBe(`airbus${ESC}[2K\nretard.md`);
    const ask = await runCli(['ask', ...args, 'When does the A350-1000 enter service?']);
    expect(ask.stdout).not.toMatch(TERMINAL_CONTROLS);
    expect(ask.stdout).toContain('(airbus\\x1b[2K\\nretard.md, chars');
  });
});
