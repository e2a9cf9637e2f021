// The benchmark's statistics decide PASS or MISS: the interval of a median and the verdicts.
import { describe, expect, it } from 'vitest';
import { latencySummary } from '../../bench/macro/latency.js';
import { processFor } from '../../bench/macro/macro.js';
import { estimate, ratioWithSpread, spread } from '../../bench/stats.js';
import { verdict, type Target } from '../../bench/targets.js';

describe('bench statistics', () => {
  it('8 samples: the median and min–max (a 99% interval for the median)', () => {
    const value = estimate([1.1, 0.9, 1.0, 1.3, 0.95, 1.05, 1.2, 0.8]);
    expect(value.median).toBeCloseTo(1.025);
    expect([value.low, value.high]).toEqual([0.8, 1.3]);
  });

  it('10 samples: the 2nd smallest to the 2nd largest (97.9%)', () => {
    const value = estimate([10, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([value.low, value.median, value.high]).toEqual([2, 5.5, 9]);
  });

  it('20 samples: the 6th smallest to the 6th largest (95.9%)', () => {
    const value = estimate(Array.from({ length: 20 }, (_, i) => i + 1));
    expect([value.low, value.high]).toEqual([6, 15]);
  });

  it('ignores runs that measured nothing (NaN, Infinity)', () => {
    expect(estimate([1, Number.NaN, 3, Number.POSITIVE_INFINITY, 2])).toMatchObject({ median: 2, samples: 3 });
  });

  it('flags an interval wider than 10% of the median', () => {
    const wide = estimate([0.9, 1, 1.1]);
    expect(spread(wide)).toBeCloseTo(0.2);
    expect(ratioWithSpread(wide)).toBe('1.00x (0.90–1.10) !');
    expect(ratioWithSpread(estimate([0.99, 1, 1.01]))).toBe('1.00x (0.99–1.01)');
  });

  it('p50 and p99 by nearest rank', () => {
    const latencies = Array.from({ length: 200 }, (_, i) => (i + 1) / 10);
    expect(latencySummary(latencies)).toEqual({ p50: 10, p99: 19.8 });
  });
});

const target = (median: number, direction: Target['direction']): Target => ({
  section: 's',
  what: 'w',
  figure: { median, low: median, high: median, samples: 8 },
  limit: 1,
  direction,
});

describe('bench targets', () => {
  it('at least / at most the limit, the limit itself included', () => {
    expect(verdict(target(1, 'at least'))).toBe('PASS');
    expect(verdict(target(0.99, 'at least'))).toBe('MISS');
    expect(verdict(target(1, 'at most'))).toBe('PASS');
    expect(verdict(target(1.01, 'at most'))).toBe('MISS');
  });

  it('a target without a figure is SKIP, never PASS', () => {
    expect(verdict({ section: 's', what: 'w', figure: undefined, limit: 1, direction: 'at least', skipped: 'no redis' })).toBe('SKIP');
  });
});

describe('bench: the processes a server answers from, round by round', () => {
  it('with two processes, the first server alternates and the pairs with it cross every process', () => {
    const rounds = Array.from({ length: 8 }, (_, round) => round);
    const first = rounds.map((round) => processFor(0, round, 2));
    const second = rounds.map((round) => processFor(1, round, 2));
    expect(first).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(new Set(rounds.map((round) => `${first[round]}/${second[round]}`))).toEqual(new Set(['0/0', '1/0', '0/1', '1/1']));
  });

  it('uses every process of every server in 8 rounds, and one process always when there is one', () => {
    for (let server = 0; server < 5; server++) {
      const used = new Set(Array.from({ length: 8 }, (_, round) => processFor(server, round, 2)));
      expect(used).toEqual(new Set([0, 1]));
      expect(Array.from({ length: 8 }, (_, round) => processFor(server, round, 1))).toEqual(Array(8).fill(0));
    }
  });
});
