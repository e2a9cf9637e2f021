/** Small statistics for benchmark samples: medians resist the outliers a noisy 2-core machine produces. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A median with the interval it is known to within. */
export interface Estimate {
  readonly median: number;
  /** A distribution-free interval of at least 95% confidence for the median (min–max below 8 samples). */
  readonly low: number;
  readonly high: number;
  readonly samples: number;
}

// P(Binomial(n, 1/2) ≤ k).
function binomialCdf(n: number, k: number): number {
  let term = 0.5 ** n;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return sum;
}

/**
 * The median and a confidence interval for it from order statistics: the k-th smallest and k-th
 * largest samples, k the largest with P(Binomial(n, ½) < k) ≤ 2.5%. It assumes nothing about the
 * distribution (a shared machine's is skewed and multimodal); with 8 samples it is min–max (99%).
 */
export function estimate(values: readonly number[]): Estimate {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, low: Number.NaN, high: Number.NaN, samples: 0 };
  let k = 1;
  while (k + 1 <= n && binomialCdf(n, k) <= 0.025) k++;
  return { median: median(sorted), low: sorted[k - 1] as number, high: sorted[n - k] as number, samples: n };
}

/** The interval's width relative to the median: 0.1 is ±5%. */
export function spread(value: Estimate): number {
  return (value.high - value.low) / value.median;
}

/** Above this relative spread a figure is flagged as unsettled. */
export const SPREAD_WARNING = 0.1;

/** A ratio printed the way the tables show it: `12.3x`, `0.98x`. */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 10 ? `${value.toFixed(1)}x` : `${value.toFixed(2)}x`;
}

const digits = (x: number): string => (x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** A ratio with its interval, `0.98x (0.91–1.04)`, and `!` when the interval is wider than 10%. */
export function ratioWithSpread(value: Estimate): string {
  if (!Number.isFinite(value.median)) return 'n/a';
  return `${ratio(value.median)} (${digits(value.low)}–${digits(value.high)})${spread(value) > SPREAD_WARNING ? ' !' : ''}`;
}
