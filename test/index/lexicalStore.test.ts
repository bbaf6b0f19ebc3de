import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/articles/loadCorpus';
import { extractFacts } from '../../src/facts/extractFacts';
import { checksum } from '../../src/index/indexStore';
import { LexicalIndex } from '../../src/index/lexicalIndex';
import { PassageIndex } from '../../src/index/passageIndex';
import { HybridSearch } from '../../src/retrieval/hybridSearch';
import { ARTICLES, writeCorpus } from './fixtureCorpus';

/**
 * The lexical.bin of version 1, before titles and article postings were
 * saved: the same header with version 1, then document lengths, pairs per
 * term and the gap-encoded `[slot, text tf]` postings, taken from a current
 * (version 3) file by leaving out the title lengths, the title frequencies
 * (postings of a title alone dropped) and the article postings.
 */
function asVersionOne(bytes: Uint8Array): Uint8Array {
  const words = new Uint32Array(Uint8Array.prototype.slice.call(bytes).buffer);
  const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, words[0]).toString('utf8'));
  const documents: number = header.ids.length;
  const terms: number = header.terms.length;
  let at = 1 + Math.ceil(words[0] / 4);
  const lengths = Array.from(words.subarray(at, at + documents));
  at += 2 * documents;
  const pairCounts = words.subarray(at, at + terms);
  at += 2 * terms;
  const postings: number[][] = [];
  for (let term = 0; term < terms; term += 1) {
    const kept: number[] = [];
    let slot = 0;
    let previous = 0;
    for (let i = 0; i < pairCounts[term]; i += 1, at += 2) {
      slot += words[at];
      const textTf = words[at + 1] & 0xffff;
      if (textTf === 0) continue;
      kept.push(slot - previous, textTf);
      previous = slot;
    }
    postings.push(kept);
  }
  const oldHeader = Buffer.from(JSON.stringify({ ...header, version: 1 }));
  const flat = [...lengths, ...postings.map((list) => list.length / 2), ...postings.flat()];
  const out = new Uint32Array(1 + Math.ceil(oldHeader.byteLength / 4) + flat.length);
  out[0] = oldHeader.byteLength;
  new Uint8Array(out.buffer).set(oldHeader, 4);
  out.set(flat, 1 + Math.ceil(oldHeader.byteLength / 4));
  return new Uint8Array(out.buffer);
}

describe('Bm25LexicalStore in an index generation', () => {
  let root: string;
  let corpusDir: string;
  let indexDir: string;
  let warnings: string[];
  const open = () =>
    PassageIndex.open({ indexDir, facts: { extract: extractFacts }, logger: { info: () => undefined, warn: (message) => warnings.push(message) } });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'scoop-lexical-'));
    corpusDir = join(root, 'corpus');
    indexDir = join(root, 'index');
    await cp('test/fixtures/news', corpusDir, { recursive: true, filter: (src) => !src.endsWith('.md') });
    await writeCorpus(corpusDir, ARTICLES);
    warnings = [];
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('GIVEN a lexical.bin of an older format version, intact and checksummed THEN open warns, starts empty, and the next sync rebuilds an index that searches as before', async () => {
    const built = await open();
    await built.sync(await loadCorpus(corpusDir));
    const query = 'Quand sort GPT-5 ?';
    const before = await new HybridSearch({ index: built }).search(query, 3);
    expect(before[0].article.source).toBe('gpt5.md');

    const generation = join(indexDir, (await readFile(join(indexDir, 'CURRENT'), 'utf8')).trim());
    const old = asVersionOne(await readFile(join(generation, 'lexical.bin')));
    expect(() => LexicalIndex.fromBinary(old)).toThrow(/unsupported version 1/);
    await writeFile(join(generation, 'lexical.bin'), old);
    const manifest = JSON.parse(await readFile(join(generation, 'manifest.json'), 'utf8'));
    manifest.files['lexical.bin'] = { bytes: old.byteLength, crc32: checksum(old) };
    await writeFile(join(generation, 'manifest.json'), JSON.stringify(manifest));

    const reopened = await open();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unusable \(.*unsupported version 1.*\).*rebuilds it from the corpus/);
    expect(reopened.passageCount()).toBe(0);
    expect(await reopened.sync(await loadCorpus(corpusDir))).toMatchObject({ added: 4, articles: 4 });

    warnings = [];
    const healed = await open();
    expect(warnings).toEqual([]);
    expect(healed.passageCount()).toBe(built.passageCount());
    const after = await new HybridSearch({ index: healed }).search(query, 3);
    expect(after.map((hit) => [hit.passage.id, hit.score])).toEqual(before.map((hit) => [hit.passage.id, hit.score]));
  });

  it('GIVEN the lexical file written in small pieces, some passages removed THEN the pieces joined load back to an index that ranks as the one written', async () => {
    const { articles } = await loadCorpus(corpusDir);
    const index = new LexicalIndex();
    index.add(articles.flatMap((article) => article.text.split(/(?<=\.)\s+/).map((text, i) => ({ id: `${article.id}:${i}`, text, language: article.language, title: article.title }))));
    index.remove([`${articles[0].id}:0`, `${articles[1].id}:1`]);
    const pieces = [...index.binaryChunks(64)];
    expect(pieces.length).toBeGreaterThan(3);
    const joined = Buffer.concat(pieces);
    expect(joined.equals(Buffer.from(index.toBinary()))).toBe(true);
    const loaded = LexicalIndex.fromBinary(joined);
    expect(loaded.size).toBe(index.size);
    for (const query of ['Mistral Microsoft partenariat', 'GPT-5 été', 'Antoine Dupont essais']) {
      expect(loaded.search(query, 5)).toEqual(index.search(query, 5));
      expect(loaded.search(query, 5).length).toBeGreaterThan(0);
    }
  });
});
