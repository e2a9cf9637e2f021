import type { OptionRules } from '../checks/check-options.js';
import { instanceWith, nonEmptyString, nonNegativeInteger, nonNegativeNumber } from '../checks/common-rules.js';
import { machineCode } from '../checks/fault-rules.js';
import { either, isFunction, isString, numberIn, oneOf, satisfies } from '../checks/rule.js';
import type { RateLimitOptions } from './rate-limit.js';
import { RATE_LIMIT_HEADER_STANDARDS } from './standard.js';

/** What every adapter's `rateLimit()` adds to the core's options: whose points, and how many. */
export interface KeyAndCostOptions {
  readonly key?: unknown;
  readonly cost?: unknown;
}

/** The rules of `rateLimit()`'s options on every adapter (`@RateLimit()` adds its in-memory ones). */
export const RATE_LIMIT_OPTION_RULES: OptionRules<RateLimitOptions & KeyAndCostOptions> = /* @__PURE__ */ (() => ({
  limiter: instanceWith('consume', 'a rate-limiter-flexible limiter such as new RateLimiterMemory({ points, duration })'),
  key: isFunction,
  cost: either(nonNegativeInteger, isFunction),
  headers: oneOf(RATE_LIMIT_HEADER_STANDARDS),
  policy: nonEmptyString,
  onStoreError: oneOf(['open', 'closed']),
  timeoutMs: satisfies('a number of milliseconds above 0 (Infinity for none)', (v) => typeof v === 'number' && v > 0),
  storeRetryAfter: nonNegativeNumber,
  code: machineCode,
  message: isString,
  onError: isFunction,
  ipv6Subnet: either(numberIn(32, 64, true), oneOf([false])),
}))();
