/** Summary of one measured variant: median and interquartile spread, in the samples' unit. */
export interface Summary {
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  n: number;
}

/** Linear-interpolated quantile of an unsorted sample. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (at - lo);
}

export function summarize(values: number[]): Summary {
  return {
    median: quantile(values, 0.5),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

/**
 * Ratio of two variants measured in the same rounds: the median of the per-round ratios, so that
 * drift between rounds (another process waking up) cancels instead of skewing one side.
 */
export function pairedRatio(a: number[], b: number[]): Summary {
  return summarize(a.map((x, i) => x / (b[i] ?? Number.NaN)));
}

/** A variant to measure: one call returns one sample (ms, µs, req/s — the caller's unit). */
export type Variant = () => Promise<number> | number;

/**
 * Runs every variant once per round, in A B C A B C … order (rotated each round so no variant
 * always goes first), and returns the samples of each variant by name.
 */
export async function interleave(
  variants: Record<string, Variant>,
  rounds: number,
  warmup = 1,
): Promise<Record<string, number[]>> {
  const names = Object.keys(variants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = -warmup; round < rounds; round++) {
    const shift = ((round % names.length) + names.length) % names.length;
    const order = [...names.slice(shift), ...names.slice(0, shift)];
    for (const name of order) {
      const value = await (variants[name] as Variant)();
      if (round >= 0) samples[name]?.push(value);
    }
  }
  return samples;
}

/** Milliseconds taken by `fn`. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
