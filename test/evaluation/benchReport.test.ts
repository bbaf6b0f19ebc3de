import { describe, expect, it } from 'vitest';
import { formatBenchReport, meets, TARGETS, type BenchReport } from '../../bench/benchReport';
import { percentile, summariseLatency } from '../../bench/latency';

const latency = (p50: number, p99: number) => ({ count: 100, p50, p99, mean: p50, max: p99 });

const report: BenchReport = {
  command: 'npm run bench -- --sizes 50000',
  machine: { cpus: 2, cpuModel: 'Test CPU', memoryGb: 8, node: 'v20.0.0', platform: 'linux x64', loadAverage: { start: 0.5, end: 1.2 } },
  sizes: [
    {
      corpus: 'generated',
      targetPassages: 50000,
      build: { articles: 14000, passages: 50012, available: 50012, buildMs: 40000, passagesPerSecond: 1250, peakRssMb: 420, steps: { split: 900, embed: 9000, facts: 12000 } },
      serve: { passages: 50012, coldStartMs: 600, upToDateMs: 20, search: latency(0.8, 4), ask: latency(6, 30), peakRssMb: 380 },
      recall: { queries: 200, recallAt10: 0.95, strictRecallAt10: 0.95, vectors: 50012 },
      peer: {
        passages: 50012,
        buildMs: 5000,
        passagesPerSecond: 10000,
        search: { hybrid: latency(400, 900), bm25: latency(330, 800), vector: latency(70, 90) },
        ask: latency(400, 900),
        peakRssMb: 600,
      },
      errors: [],
    },
  ],
  discord: undefined,
  notes: ['a note'],
  ms: 1000,
};

function rowOf(table: string, figure: string): string {
  const row = table.split('\n').find((line) => line.includes(figure));
  if (!row) throw new Error(`no row ${figure}`);
  return row;
}

describe('formatBenchReport', () => {
  const table = formatBenchReport(report);

  it('GIVEN a build rate under 4,000/s THEN marks it MISS and shows the peer ahead', () => {
    const row = rowOf(table, 'build (passages/s)');
    expect(row).toContain('MISS');
    expect(row).toContain('0.13x (behind)');
  });

  it('GIVEN a search p50 of 0.8 ms against a peer at 400 ms THEN passes and reports 500x ahead', () => {
    const row = rowOf(table, 'search p50');
    expect(row).toContain('pass');
    expect(row).toContain('500x ahead');
  });

  it('GIVEN HNSW recall of 0.95 THEN misses the 0.98 target', () => {
    expect(rowOf(table, 'HNSW recall@10')).toContain('MISS');
  });

  it('GIVEN the machine and command THEN prints both', () => {
    expect(table).toContain('Test CPU, 2 cores');
    expect(table).toContain('npm run bench -- --sizes 50000');
  });
});

describe('targets and percentiles', () => {
  it('GIVEN recall exactly 0.98 THEN meets the inclusive target, while 1.01 ms does not meet "<= 1 ms"', () => {
    expect(meets(TARGETS.hnswRecall, 0.98)).toBe(true);
    expect(meets(TARGETS.searchP50, 1.01)).toBe(false);
    expect(meets(TARGETS.searchP50, 1)).toBe(true);
    expect(meets(TARGETS.searchP50, 0.9)).toBe(true);
  });

  it('GIVEN 100 durations THEN p50 is the 50th and p99 the 99th smallest', () => {
    const durations = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile([...durations].sort((a, b) => a - b), 50)).toBe(50);
    expect(summariseLatency(durations)).toMatchObject({ count: 100, p50: 50, p99: 99, max: 100 });
  });
});
