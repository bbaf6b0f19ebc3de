import { summariseLatency, type LatencySummary } from '../src/evaluation/latency';

export { percentile, summariseLatency, type LatencySummary } from '../src/evaluation/latency';

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
