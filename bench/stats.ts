/** Small statistics for benchmark samples: medians resist the outliers a noisy 2-core machine produces. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A ratio printed the way the tables show it: `12.3x`, `0.98x`. */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 10 ? `${value.toFixed(1)}x` : `${value.toFixed(2)}x`;
}
