import type { RateLimitState } from '../fault/fault.js';
import { read, readNumber, readString } from '../normalize/read.js';
import { isRateLimitHeaderStandard } from './standard.js';

/**
 * A rate-limit state read from an untrusted value (an error's `rateLimit` member): numbers must be
 * finite, the policy a short string. Anything else is dropped; never throws.
 */
export function checkRateLimitState(value: unknown): RateLimitState | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const remaining = readNumber(value, 'remaining');
  const resetSeconds = readNumber(value, 'resetSeconds');
  if (remaining === undefined || resetSeconds === undefined) return undefined;
  const state: { -readonly [K in keyof RateLimitState]: RateLimitState[K] } = {
    remaining: Math.max(0, remaining),
    resetSeconds: Math.max(0, Math.ceil(resetSeconds)),
  };
  const limit = readNumber(value, 'limit');
  if (limit !== undefined) state.limit = Math.max(0, limit);
  const windowSeconds = readNumber(value, 'windowSeconds');
  if (windowSeconds !== undefined && windowSeconds > 0) state.windowSeconds = Math.ceil(windowSeconds);
  const policy = readString(value, 'policy');
  if (policy !== undefined && policy !== '' && policy.length <= 64) state.policy = policy;
  const standard = read(value, 'standard');
  if (isRateLimitHeaderStandard(standard)) state.standard = standard;
  return state;
}
