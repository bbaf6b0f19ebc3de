import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractorHash, FACTS_VERSION } from '../../src/facts/factsVersion';

describe('FACTS_VERSION', () => {
  it('GIVEN the extractor as shipped THEN the version is a hash of its files, stable from one load to the next', () => {
    expect(FACTS_VERSION).toMatch(/^x-[0-9a-f]{16}$/);
    expect(FACTS_VERSION).toBe(`x-${extractorHash()}`);
  });

  it('GIVEN one changed character in an extractor file THEN the version changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facts-version-'));
    const grammar = join(dir, 'dateGrammar.ts');
    const table = join(dir, 'aliases.json');
    writeFileSync(grammar, 'export const RULE = /fin mai/;');
    writeFileSync(table, '{"gpt 5": "GPT-5"}');
    try {
      const before = extractorHash([grammar, table]);
      writeFileSync(table, '{"gpt 5": "GPT-6"}');
      expect(extractorHash([grammar, table])).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
