import type { FaultInput } from '../fault-input.js';
import { ownKeys, read, readNumber } from '../read.js';

/**
 * rate-limiter-flexible rejects `consume()` with a `RateLimiterRes` (not an Error) when the limit
 * is reached, and `RateLimiterUnion` with `{ [keyPrefix]: RateLimiterRes }`.
 */
export function fromRateLimiterRes(thrown: unknown): FaultInput | undefined {
  if (thrown === null || typeof thrown !== 'object' || thrown instanceof Error) return undefined;
  let res = isRateLimiterRes(thrown) ? thrown : undefined;
  if (res === undefined) {
    // A union: every own value a RateLimiterRes; the longest wait is the one that matters.
    const keys = ownKeys(thrown);
    if (keys.length === 0 || keys.length > 32) return undefined;
    for (const key of keys) {
      const part = read(thrown, key);
      if (!isRateLimiterRes(part)) return undefined;
      if (res === undefined || (readNumber(part, 'msBeforeNext') ?? 0) > (readNumber(res, 'msBeforeNext') ?? 0)) {
        res = part;
      }
    }
  }
  if (res === undefined) return undefined;
  const ms = Math.max(0, readNumber(res, 'msBeforeNext') ?? 0);
  const retryAfter = Math.ceil(ms / 1000);
  return {
    status: 429,
    retryAfter,
    rateLimit: { remaining: Math.max(0, readNumber(res, 'remainingPoints') ?? 0), resetSeconds: retryAfter },
  };
}

function isRateLimiterRes(value: unknown): value is object {
  return (
    typeof read(value, 'msBeforeNext') === 'number' &&
    typeof read(value, 'remainingPoints') === 'number' &&
    typeof read(value, 'consumedPoints') === 'number'
  );
}
