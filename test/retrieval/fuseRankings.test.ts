import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../src/retrieval/fuseRankings';

const ids = (...names: string[]) => names.map((id) => ({ id }));

describe('fuseRankings', () => {
  it('GIVEN two rankings THEN an id ranked well in both comes first', () => {
    const fused = fuseRankings([ids('a', 'b', 'c'), ids('b', 'd', 'a')]);
    expect(fused.map((hit) => hit.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0].score).toBeCloseTo(1 / 62 + 1 / 61, 10);
  });

  it('GIVEN weights THEN the heavier ranking leads', () => {
    const fused = fuseRankings([ids('a', 'b'), ids('b', 'a')], { weights: [1, 3] });
    expect(fused.map((hit) => hit.id)).toEqual(['b', 'a']);
  });

  it('GIVEN a small k THEN a single top rank beats two middling ones; a large k favours agreement', () => {
    const rankings = [ids('a', 'x', 'b'), ids('c', 'y', 'b')];
    expect(fuseRankings(rankings, { k: 0 }).slice(0, 2).map((hit) => hit.id)).toEqual(['a', 'c']);
    expect(fuseRankings(rankings, { k: 1000 })[0].id).toBe('b');
  });

  it('GIVEN an id repeated within one ranking THEN counts it once, at its best rank', () => {
    expect(fuseRankings([ids('a', 'a', 'b')])).toEqual([
      { id: 'a', score: 1 / 61 },
      { id: 'b', score: 1 / 63 },
    ]);
  });

  it('GIVEN no rankings or empty ones THEN returns nothing', () => {
    expect(fuseRankings([])).toEqual([]);
    expect(fuseRankings([[], []])).toEqual([]);
  });

  it('GIVEN weights that do not match the rankings THEN says so', () => {
    expect(() => fuseRankings([ids('a')], { weights: [1, 2] })).toThrow(/2 weights for 1 rankings/);
  });
});
