import { describe, expect, it } from 'vitest';
import { addRows, newGraph, readGraphVectors } from '../../src/index/hnswGraphBuilder';

const DIMENSIONS = 16;

function randomRows(count: number, seed: number): Float32Array {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Float32Array.from({ length: count * DIMENSIONS }, next);
}

describe('readGraphVectors', () => {
  it('GIVEN a graph with deleted and reused slots THEN returns, by label, the vectors the graph holds for its live points', async () => {
    const graph = newGraph({ dimensions: DIMENSIONS, m: 8, efConstruction: 32, seed: 1, capacity: 50 });
    addRows(graph, randomRows(40, 7), 100, DIMENSIONS);
    graph.markDelete(103);
    graph.markDelete(110);
    addRows(graph, randomRows(1, 9), 500, DIMENSIONS, true);
    const live = [100, 101, 102, 104, 120, 139, 500];
    const vectors = await readGraphVectors(graph, DIMENSIONS, live);
    expect([...vectors.keys()]).toEqual(live);
    for (const label of live) {
      const expected = graph.getPoint(label);
      expect(Array.from(vectors.get(label) as Float32Array).every((value, i) => Math.abs(value - expected[i]) < 1e-7)).toBe(true);
    }
  });

  it('GIVEN a label the graph does not hold (or holds deleted) THEN says so', async () => {
    const graph = newGraph({ dimensions: DIMENSIONS, m: 8, efConstruction: 32, seed: 1, capacity: 10 });
    addRows(graph, randomRows(5, 3), 0, DIMENSIONS);
    graph.markDelete(2);
    await expect(readGraphVectors(graph, DIMENSIONS, [1, 2])).rejects.toThrow('no point with label 2');
  });
});
