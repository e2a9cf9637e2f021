import { checkOptions, type OptionRules } from '../checks/check-options.js';
import { positiveInteger } from '../checks/common-rules.js';
import { isFunction, oneOf, satisfies } from '../checks/rule.js';

/**
 * The retry guidance of the preset APIs' documentation, as one function:
 * - 429: wait what `Retry-After` (or the body's `retry_after`/`retryAfter`) says; back off when
 *   nothing says (Pinarkive: "use retryAfter or Retry-After"; the status-object reference: "Try again later").
 * - 500: exponential backoff (the IPFS pinning service: "Retry with exponential backoff").
 * - 502, 503, 504, and 507, 522, 523, 524: backoff (the numeric-code reference's footnote: "should be retried with a
 *   backoff"; the IPFS pinning service: "Retry after delay", "Wait and retry").
 * - 423: backoff (the numeric-code reference: "transiently locked. Try again later"), the one 4xx a documented API says to retry.
 * - every other status: never (a 4xx will fail the same way again; the numeric-code reference: "Whether you retry
 *   other 5xx errors is up to you": add them with `statuses`).
 * A known wait (`Retry-After`) is honoured on every retried status (RFC 9110 §10.2.3 gives it for 503
 * too) and never shortened: one longer than `maxRetryAfter` means "give up", not "retry early".
 */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([423, 429, 500, 502, 503, 504, 507, 522, 523, 524]);

/** What `retryDelay` needs of an error: a `ClientError`, or anything with a status. */
export interface RetryableError {
  readonly status: number;
  /** Seconds, as `ClientError.retryAfter`. */
  readonly retryAfter?: number | undefined;
}

export interface RetryOptions {
  /** Attempts in all, the first included: no delay once `attempt` reaches it. Default 5. */
  readonly maxAttempts?: number;
  /** The first backoff, in ms; each retry doubles it. Default 1000. */
  readonly baseDelay?: number;
  /** The cap on a backoff, in ms. Default 30 000. */
  readonly maxDelay?: number;
  /** The longest `Retry-After` worth waiting for, in ms; a longer one gives up. Default 120 000. */
  readonly maxRetryAfter?: number;
  /**
   * Randomise backoffs so clients failing together do not retry together: `'full'` (default,
   * anywhere in 0…delay), `'equal'` (delay/2…delay), or `false` for the exact delay. A known
   * `Retry-After` is never randomised.
   */
  readonly jitter?: boolean | 'full' | 'equal';
  /** The random source of the jitter, in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  /** The statuses to retry, replacing `RETRY_STATUSES` (`[429]` for a request that is not idempotent). */
  readonly statuses?: Iterable<number>;
}

const milliseconds = /* @__PURE__ */ satisfies('a number of milliseconds, 0 or more', (v) => typeof v === 'number' && v >= 0);
const statusList = /* @__PURE__ */ satisfies(
  'a list of statuses such as [429, 503]',
  (v) => v !== null && typeof v === 'object' && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function' && [...(v as Iterable<unknown>)].every((s) => Number.isInteger(s) && (s as number) >= 100 && (s as number) <= 599),
);

const RETRY_OPTION_RULES: OptionRules<RetryOptions> = /* @__PURE__ */ (() => ({
  maxAttempts: satisfies('an integer, 1 or more (Infinity for no limit)', (v) => v === Number.POSITIVE_INFINITY || positiveInteger.check(v) === true),
  baseDelay: milliseconds,
  maxDelay: milliseconds,
  maxRetryAfter: milliseconds,
  jitter: oneOf([true, false, 'full', 'equal']),
  random: isFunction,
  statuses: statusList,
}))();

/**
 * How long to wait, in ms, before retrying after `attempt` failed attempts (1 after the first), or
 * `undefined` for "do not retry". Deterministic with `jitter: false`.
 *
 * ```ts
 * for (let attempt = 1; ; attempt++) {
 *   const res = await fetch(url);
 *   if (res.ok) return res.json();
 *   const error = await parseErrorResponse(res);
 *   const delay = retryDelay(error, attempt);
 *   if (delay === undefined) throw error;
 *   await new Promise((resolve) => setTimeout(resolve, delay));
 * }
 * ```
 */
export function retryDelay(error: RetryableError, attempt: number, options: RetryOptions = {}): number | undefined {
  checkOptions(options, RETRY_OPTION_RULES, 'retryDelay()');
  if (!Number.isSafeInteger(attempt) || attempt < 1) {
    throw new RangeError(`faultline: attempt must be the number of attempts made (1 or more), not ${String(attempt)}`);
  }
  const maxAttempts = options.maxAttempts ?? 5;
  if (attempt >= maxAttempts) return undefined;
  const statuses = options.statuses === undefined ? RETRY_STATUSES : new Set(options.statuses);
  if (!statuses.has(error.status)) return undefined;

  const wait = error.retryAfter;
  if (typeof wait === 'number' && Number.isFinite(wait) && wait >= 0) {
    const ms = Math.ceil(wait * 1000);
    return ms > (options.maxRetryAfter ?? 120_000) ? undefined : ms;
  }

  const base = options.baseDelay ?? 1000;
  const cap = options.maxDelay ?? 30_000;
  // 2 ** (attempt - 1) overflows to Infinity for huge attempts; the cap keeps the result finite.
  const delay = Math.min(cap, base * 2 ** (attempt - 1));
  const jitter = options.jitter === undefined || options.jitter === true ? 'full' : options.jitter;
  if (jitter === false) return Math.round(delay);
  const random = clampUnit((options.random ?? Math.random)());
  return Math.round(jitter === 'equal' ? delay / 2 + (random * delay) / 2 : random * delay);
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}
