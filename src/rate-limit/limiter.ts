import { read, readNumber, readString } from '../normalize/read.js';

/**
 * What faultline needs of a rate-limiter-flexible limiter (`RateLimiterMemory`, `RateLimiterRedis`,
 * `RateLimiterUnion`, wrappers, …). Duck-typed: the core imports no limiter library.
 * `consume` resolves with a `RateLimiterRes` when the request is admitted, rejects with one when it
 * is refused (a union: `{ [keyPrefix]: RateLimiterRes }` either way), and rejects with an `Error`
 * when the store fails.
 */
export interface RateLimiterLike {
  consume(key: string | number, points?: number): Promise<unknown>;
  /** Points per window: the policy's quota. A union has none. */
  readonly points?: number;
  /** Window length in seconds; 0 means the points never expire. */
  readonly duration?: number;
  readonly keyPrefix?: string;
}

/** What a limiter's configuration says about its policy, read once when the middleware is made. */
export interface LimiterPolicy {
  readonly limit?: number;
  readonly windowSeconds?: number;
  readonly name: string;
}

// rate-limiter-flexible's own default prefix says nothing to a client about the policy.
const LIBRARY_DEFAULT_PREFIX = 'rlflx';

/** The limiter's quota, window and policy name (`policy` option, else its `keyPrefix`, else `default`). */
export function limiterPolicy(limiter: RateLimiterLike, name?: string): LimiterPolicy {
  const limit = readNumber(limiter, 'points');
  const duration = readNumber(limiter, 'duration');
  const prefix = readString(limiter, 'keyPrefix');
  const policy: { -readonly [K in keyof LimiterPolicy]: LimiterPolicy[K] } = {
    name: name ?? (prefix !== undefined && prefix !== '' && prefix !== LIBRARY_DEFAULT_PREFIX ? prefix : 'default'),
  };
  if (limit !== undefined && limit >= 0) policy.limit = limit;
  if (duration !== undefined && duration > 0) policy.windowSeconds = duration;
  return policy;
}

/**
 * True for a limiter whose store is this process's memory (`RateLimiterMemory`, and a
 * `RateLimiterUnion` of such): it cannot hang or fail, so no store timeout is armed for it. Duck-typed
 * on what rate-limiter-flexible gives it (its memory store; the class name, for a subclass), so a
 * limiter it cannot tell keeps the timeout.
 */
export function isInProcessLimiter(limiter: unknown, depth = 0): boolean {
  if (depth > 4 || limiter === null || typeof limiter !== 'object') return false;
  const members = read(limiter, '_limiters');
  if (Array.isArray(members)) return members.length > 0 && members.every((member) => isInProcessLimiter(member, depth + 1));
  const storage = read(limiter, '_memoryStorage');
  if (storage !== null && typeof storage === 'object') return true;
  for (let proto = Object.getPrototypeOf(limiter) as unknown; proto !== null && typeof proto === 'object'; proto = Object.getPrototypeOf(proto)) {
    if (read(read(proto, 'constructor'), 'name') === 'RateLimiterMemory') return true;
  }
  return false;
}
