import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/index.js';
import { parseErrorBody, RETRY_STATUSES, type RetryOptions } from '../../src/client/index.js';

const EXACT: RetryOptions = { jitter: false };

// [why, status, retryAfter (s), attempt, options, expected ms or undefined]
const TABLE: readonly [string, number, number | undefined, number, RetryOptions, number | undefined][] = [
  // 429: the server's wait, exactly (seed 001: "use retryAfter or Retry-After").
  ['429 with Retry-After: that wait', 429, 60, 1, EXACT, 60_000],
  ['429 with Retry-After: not randomised even with jitter on', 429, 60, 1, { random: () => 0 }, 60_000],
  ['429 with a fractional body wait: rounded up to the ms', 429, 1.2345, 1, EXACT, 1235],
  ['429 with Retry-After 0: at once', 429, 0, 1, EXACT, 0],
  ['429 waits the same on a later attempt', 429, 60, 4, EXACT, 60_000],
  ['429 longer than maxRetryAfter: give up, never retry early', 429, 300, 1, EXACT, undefined],
  ['429 with a larger maxRetryAfter', 429, 300, 1, { jitter: false, maxRetryAfter: 600_000 }, 300_000],
  ['429 without a wait: backoff', 429, undefined, 1, EXACT, 1000],
  ['429 without a wait, third attempt', 429, undefined, 3, EXACT, 4000],
  // 500: exponential backoff (seed 000).
  ['500 attempt 1', 500, undefined, 1, EXACT, 1000],
  ['500 attempt 2', 500, undefined, 2, EXACT, 2000],
  ['500 attempt 3', 500, undefined, 3, EXACT, 4000],
  ['500 attempt 4', 500, undefined, 4, EXACT, 8000],
  ['500 attempt 5: maxAttempts (5) reached', 500, undefined, 5, EXACT, undefined],
  ['500 capped at maxDelay', 500, undefined, 10, { jitter: false, maxAttempts: 20 }, 30_000],
  ['500 with a base delay', 500, undefined, 3, { jitter: false, baseDelay: 200 }, 800],
  ['500 with a smaller cap', 500, undefined, 4, { jitter: false, maxDelay: 5000 }, 5000],
  ['500 with maxAttempts 1: never', 500, undefined, 1, { jitter: false, maxAttempts: 1 }, undefined],
  ['500 far past any exponent: still the cap, never Infinity', 500, undefined, 5000, { jitter: false, maxAttempts: Number.POSITIVE_INFINITY }, 30_000],
  // 502/503/504 and seed 002's 507, 522, 523, 524: backoff; a known wait is honoured.
  ['502 backoff', 502, undefined, 2, EXACT, 2000],
  ['503 backoff', 503, undefined, 1, EXACT, 1000],
  ['503 with Retry-After: that wait', 503, 120, 1, EXACT, 120_000],
  ['504 backoff', 504, undefined, 1, EXACT, 1000],
  ['507 backoff (seed 002)', 507, undefined, 1, EXACT, 1000],
  ['522 backoff (seed 002)', 522, undefined, 1, EXACT, 1000],
  ['523 backoff (seed 002)', 523, undefined, 1, EXACT, 1000],
  ['524 backoff (seed 002)', 524, undefined, 1, EXACT, 1000],
  ['423 transiently locked (seed 002: try again later)', 423, undefined, 1, EXACT, 1000],
  // Never.
  ['400 never', 400, undefined, 1, EXACT, undefined],
  ['401 never', 401, undefined, 1, EXACT, undefined],
  ['403 never', 403, undefined, 1, EXACT, undefined],
  ['404 never', 404, undefined, 1, EXACT, undefined],
  ['408 never (no seed says so)', 408, undefined, 1, EXACT, undefined],
  ['409 never', 409, undefined, 1, EXACT, undefined],
  ['413 never, even with a Retry-After', 413, 30, 1, EXACT, undefined],
  ['422 never', 422, undefined, 1, EXACT, undefined],
  ['501 never (other 5xx: up to you)', 501, undefined, 1, EXACT, undefined],
  ['505 never', 505, undefined, 1, EXACT, undefined],
  ['520 never', 520, undefined, 1, EXACT, undefined],
  ['599 never', 599, undefined, 1, EXACT, undefined],
  ['200 never', 200, undefined, 1, EXACT, undefined],
  // Jitter.
  ['full jitter: random × delay', 500, undefined, 2, { random: () => 0.25 }, 500],
  ['full jitter is the default', 500, undefined, 3, { random: () => 0.5 }, 2000],
  ['jitter: true is full jitter', 500, undefined, 1, { jitter: true, random: () => 0.1 }, 100],
  ['equal jitter at 0: half the delay', 500, undefined, 2, { jitter: 'equal', random: () => 0 }, 1000],
  ['equal jitter at 0.5: three quarters', 500, undefined, 2, { jitter: 'equal', random: () => 0.5 }, 1500],
  ['a random source out of range is clamped', 500, undefined, 1, { random: () => 7 }, 1000],
  ['a random source giving NaN counts as 0', 500, undefined, 1, { random: () => Number.NaN }, 0],
  // Own statuses: a non-idempotent request retries only what was refused unprocessed.
  ['statuses [429]: 500 is not retried', 500, undefined, 1, { jitter: false, statuses: [429] }, undefined],
  ['statuses [429]: 429 is', 429, 5, 1, { jitter: false, statuses: [429] }, 5000],
  ['statuses adding 408', 408, undefined, 1, { jitter: false, statuses: [...RETRY_STATUSES, 408] }, 1000],
];

describe('retryDelay: the seeds’ retry guidance', () => {
  it.each(TABLE)('%s', (_why, status, retryAfter, attempt, options, expected) => {
    expect(retryDelay({ status, retryAfter }, attempt, options)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('attempt %s is a caller bug: RangeError', (attempt) => {
    expect(() => retryDelay({ status: 500 }, attempt)).toThrow(RangeError);
  });

  it('takes a parsed error as it comes: seed 000’s flat 429 body waits 60 s', () => {
    const error = parseErrorBody({ status: 429, body: '{"error":"RATE_LIMITED","retry_after":60}' });
    expect(retryDelay(error, 1)).toBe(60_000);
  });

  it('with jitter, a backoff stays within [0, the exact delay] (full) or [delay/2, delay] (equal)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RETRY_STATUSES),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (status, attempt, r) => {
          const options = { maxAttempts: 50, random: () => r };
          const exact = retryDelay({ status }, attempt, { ...options, jitter: false }) as number;
          const full = retryDelay({ status }, attempt, options) as number;
          const equal = retryDelay({ status }, attempt, { ...options, jitter: 'equal' }) as number;
          expect(full).toBeGreaterThanOrEqual(0);
          expect(full).toBeLessThanOrEqual(exact);
          expect(equal).toBeGreaterThanOrEqual(Math.floor(exact / 2));
          expect(equal).toBeLessThanOrEqual(exact);
          // Non-decreasing in the attempt until the cap.
          expect(retryDelay({ status }, attempt + 1, { ...options, jitter: false })).toBeGreaterThanOrEqual(exact);
        },
      ),
    );
  });
});
