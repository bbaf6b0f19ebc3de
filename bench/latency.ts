import { summariseLatency, type LatencySummary } from '../src/evaluation/latency';

export { percentile, summariseLatency, type LatencySummary } from '../src/evaluation/latency';

/**
 * Times `operation` on each input, one at a time, after untimed calls (so the
 * JIT and caches are warm, as in a running bot): on `warmupInputs` when given
 * (other inputs than the timed ones, so no timed input finds what its own
 * warm-up left in a cache), else on the first `warmup` inputs.
 */
export async function timeEach<T>(
  inputs: readonly T[],
  operation: (input: T) => unknown,
  { warmup = 10, warmupInputs, onProgress }: { warmup?: number; warmupInputs?: readonly T[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<LatencySummary> {
  for (const input of warmupInputs ?? inputs.slice(0, warmup)) await operation(input);
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
