/** The p50 and p99 of a run's response times (ms), nearest-rank. */
export function latencySummary(latencies: number[]): { p50: number; p99: number } {
  if (latencies.length === 0) return { p50: Number.NaN, p99: Number.NaN };
  const sorted = Float64Array.from(latencies).toSorted();
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  return { p50: at(0.5), p99: at(0.99) };
}
