/** Latency figures of one measured operation, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** The p-th percentile (0–100) of sorted values, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Summarises durations in milliseconds. */
export function summariseLatency(durations: readonly number[]): LatencySummary {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((sum, d) => sum + d, 0) / Math.max(1, sorted.length),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/**
 * Times `operation` on each input, one at a time, after `warmup` untimed calls
 * (so the JIT and caches are warm, as in a running bot).
 */
export async function timeEach<T>(
  inputs: readonly T[],
  operation: (input: T) => unknown,
  { warmup = 10, onProgress }: { warmup?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<LatencySummary> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await operation(inputs[i]);
  const durations: number[] = [];
  for (const input of inputs) {
    const began = performance.now();
    await operation(input);
    durations.push(performance.now() - began);
    onProgress?.(durations.length, inputs.length);
  }
  return summariseLatency(durations);
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
