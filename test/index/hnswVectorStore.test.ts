import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCurrentGeneration, writeGeneration } from '../../src/index/indexStore';
import { HnswVectorStore, VECTOR_FILES, type HnswVectorStoreOptions } from '../../src/index/hnswVectorStore';

const DIMENSIONS = 16;

function randomRows(count: number, seed: number): Float32Array {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Float32Array.from({ length: count * DIMENSIONS }, next);
}

const row = (rows: Float32Array, i: number) => Array.from(rows.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS));
const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

async function fill(store: HnswVectorStore, keep: string[], ids: string[], rows: Float32Array): Promise<void> {
  const update = await store.beginUpdate(keep, ids.length);
  update.add(ids, rows);
  await update.commit();
}

describe('HnswVectorStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scoop-vectors-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const persist = async (store: HnswVectorStore, ids: string[]) => {
    await writeGeneration(join(dir, 'index'), store.files(ids), {
      embedderId: 'test',
      factsVersion: null,
      counts: { articles: 1, passages: ids.length, facts: 0 },
      ...store.manifestFields(),
    });
    return (await readCurrentGeneration(join(dir, 'index'), VECTOR_FILES))!;
  };
  const restored = async (store: HnswVectorStore, ids: string[], options: HnswVectorStoreOptions = {}) => {
    const generation = await persist(store, ids);
    const reopened = new HnswVectorStore({ hnsw: { m: 8, efConstruction: 32 }, ...options });
    await reopened.restore(generation, ids);
    return { reopened, generation };
  };

  it('GIVEN deleted and reused slots THEN each live vector is its own nearest, removed ones are never found, and the kept vectors are written as given', async () => {
    const store = new HnswVectorStore({ hnsw: { m: 8, efConstruction: 32 } });
    const first = randomRows(200, 7);
    const firstIds = names('a', 200);
    await fill(store, [], firstIds, first);
    const removed = new Set(['a3', 'a10', 'a150']);
    const kept = firstIds.filter((id) => !removed.has(id));
    const later = randomRows(5, 9);
    await fill(store, kept, names('b', 5), later);
    expect(store.size).toBe(202);
    const live = [...kept, ...names('b', 5)];
    const rowOf = (id: string) => (id.startsWith('a') ? row(first, Number(id.slice(1))) : row(later, Number(id.slice(1))));
    for (const id of ['a0', 'a4', 'a199', 'b0', 'b4']) {
      for (const exact of [false, true]) {
        const [best] = await store.search(rowOf(id), 1, { exact });
        expect(best.id).toBe(id);
        expect(best.score).toBeCloseTo(1, 5);
      }
    }
    for (const id of removed) expect((await store.search(rowOf(id), 5)).map((hit) => hit.id)).not.toContain(id);

    const { generation } = await restored(store, live);
    const written = new Float32Array(new Uint8Array(await readFile(join(generation.dir, 'vectors.bin'))).buffer);
    live.forEach((id, i) => expect(Array.from(written.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS))).toEqual(rowOf(id)));
  });

  it('GIVEN an id the store does not hold THEN an update says so', async () => {
    const store = new HnswVectorStore();
    await fill(store, [], names('a', 5), randomRows(5, 3));
    await expect(store.beginUpdate(['a1', 'missing'], 0)).rejects.toThrow('lost the vector of passage missing');
  });

  it('GIVEN a restored store THEN it searches as before, reading vectors.bin only when an update or an exact search needs it', async () => {
    const store = new HnswVectorStore({ hnsw: { m: 8, efConstruction: 32 } });
    const rows = randomRows(300, 11);
    const ids = names('p', 300);
    await fill(store, [], ids, rows);
    const { reopened, generation } = await restored(store, ids);
    expect(reopened.needsRebuild).toBe(false);
    await unlink(join(generation.dir, 'vectors.bin'));
    for (const i of [0, 17, 299]) expect(await reopened.search(row(rows, i), 5)).toEqual(await store.search(row(rows, i), 5));
    const warnings: string[] = [];
    const again = await restored(store, ids, { warn: (message) => warnings.push(message) });
    await writeFile(join(again.generation.dir, 'vectors.bin'), 'torn');
    const [best] = await again.reopened.search(row(rows, 42), 1, { exact: true });
    expect(best.id).toBe('p42');
    expect(warnings).toEqual([expect.stringMatching(/vectors\.bin has 4 bytes.*reading the vectors back from the HNSW graph/)]);
  });

  it('GIVEN other HNSW parameters THEN the restored store asks to be rebuilt, and the rebuild keeps every vector', async () => {
    const store = new HnswVectorStore({ hnsw: { m: 8, efConstruction: 32 } });
    const rows = randomRows(50, 5);
    const ids = names('p', 50);
    await fill(store, [], ids, rows);
    const { reopened } = await restored(store, ids, { hnsw: { m: 12, efConstruction: 40 } });
    expect(reopened.needsRebuild).toBe(true);
    await (await reopened.beginUpdate(ids, 0)).commit();
    expect(reopened.needsRebuild).toBe(false);
    expect(reopened.manifestFields().hnsw).toMatchObject({ m: 12, efConstruction: 40, elements: 50, nextLabel: 50 });
    for (const i of [0, 25, 49]) expect((await reopened.search(row(rows, i), 1))[0].id).toBe(`p${i}`);
  });

  it('GIVEN an aborted update THEN nothing changes', async () => {
    const store = new HnswVectorStore();
    await fill(store, [], names('a', 10), randomRows(10, 1));
    const update = await store.beginUpdate([], 3);
    update.add(names('b', 3), randomRows(3, 2));
    update.abort();
    expect(store.size).toBe(10);
    expect((await store.search(row(randomRows(10, 1), 4), 1))[0].id).toBe('a4');
  });
});
