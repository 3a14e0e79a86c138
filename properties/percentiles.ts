/**
 * The one percentile of the project (recovery and downtime p50/p99 in summary.json, every
 * report reads those): nearest rank, so every figure is a duration some run really had, never
 * an interpolation between two. Kept by hand on purpose: statistics libraries interpolate
 * (simple-statistics, d3-array's quantile), which would report durations no run measured.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
