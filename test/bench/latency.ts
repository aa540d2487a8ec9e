/** Latency figures as the goals are written: percentiles by nearest rank, in milliseconds. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/**
 * The nearest-rank percentile: the smallest sample with at least `percent`% of the samples at
 * or below it. No interpolation, so every figure reported is a latency some lead really had,
 * and p99.9 of 300 samples is honestly the maximum. `sorted` must be ascending.
 */
export function percentile(sorted: readonly number[], percent: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (percent <= 0) return sorted[0] ?? Number.NaN;
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

/** Percentiles, max and mean of some samples; NaN everywhere when there are none. */
export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN),
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
  };
}
