import { numberIn, oneOf, either } from '../checks/rule.js';
import { HttpError } from '../errors/http-error.js';
import type { Fault, RateLimitState } from '../fault/fault.js';
import { normalize } from '../faultline.js';
import type { RequestFacts } from '../request-facts.js';
import { rateLimitHeaderFields } from './headers.js';
import { readLimiterAnswer, type LimiterAnswer } from './limiter-result.js';
import { limiterPolicy, type LimiterPolicy, type RateLimiterLike } from './limiter.js';
import { isRateLimitHeaderStandard, type RateLimitHeaderStandard } from './standard.js';
import { withTimeout } from './timeout.js';
import { DEFAULT_IPV6_SUBNET, ipKey } from './ip-key.js';
import { undeclaredProxy, type RateLimitWarning, type WarningChannel } from './proxy-warning.js';

/** What to do when the limiter's store fails (Redis down, timed out): let requests through, or refuse them with a 503. */
export type StoreFailurePolicy = 'open' | 'closed';

/** The framework-free part of `rateLimit(...)`: how a limiter's answers become headers and errors. */
export interface RateLimitOptions {
  /** Any rate-limiter-flexible limiter: `RateLimiterMemory`, `RateLimiterRedis`, `RateLimiterUnion`, … */
  readonly limiter: RateLimiterLike;
  /** RateLimit header fields on every response, admitted or refused. Default `'draft-8'`. */
  readonly headers?: RateLimitHeaderStandard;
  /** Policy name in `RateLimit`/`RateLimit-Policy` and `violated-policies`. Default: the limiter's `keyPrefix`, or `default`. */
  readonly policy?: string;
  /**
   * When the store fails: `'open'` admits the request (without RateLimit fields) and tells `onError`;
   * `'closed'` (default) answers 503 with `Retry-After`. rate-limiter-flexible's `insuranceLimiter`
   * answers before either: a store failure it covers is not a failure here.
   */
  readonly onStoreError?: StoreFailurePolicy;
  /** Longest wait for the store, in ms; past it the store has failed. Default 1000. */
  readonly timeoutMs?: number;
  /** `Retry-After` (seconds) of the 503 a closed failure answers. Default 1. */
  readonly storeRetryAfter?: number;
  /** Machine code of a refusal (seed 001: `'RATE_LIMIT'`). Default `TOO_MANY_REQUESTS`. */
  readonly code?: string;
  /** Message of a refusal. Default the reason phrase. */
  readonly message?: string;
  /**
   * Told of a store failure that was let through (`onStoreError: 'open'`), with the 503 it would
   * otherwise have been; same signature as the error handler's `onError`, so one logger serves
   * both. A closed failure is an error response, which the error handler's `onError` is told of.
   */
  readonly onError?: (fault: Fault, thrown: unknown, request: RequestFacts) => void;
  /**
   * The prefix length the default key keeps of an IPv6 client address: 56 (default) puts a whole
   * /56, one subscriber's allocation, in one bucket; 32 to 64, or `false` for the full address.
   * IPv4 addresses, and IPv4-mapped IPv6 ones (`::ffff:1.2.3.4`), are keyed as the IPv4 address.
   */
  readonly ipv6Subnet?: number | false;
}

/** The client's address as the framework reports it, for the default key. */
export interface ClientAddress {
  /** `req.ip`, `ctx.ip`, `request.ip` or the socket's address; undefined when the connection is gone. */
  readonly address: string | undefined;
  /** Whether the framework was told to believe `X-Forwarded-For` (and so `address` is the client's). */
  readonly trustsProxy: boolean;
  /** What the app should do about an undeclared proxy, in the framework's words (`app.set('trust proxy', 1)`). */
  readonly howToTrust: string;
}

/** An admitted request: the state, and the header fields to set on its response. */
export interface RateLimitDecision {
  /** Undefined when a store failure was let through: nothing is known. */
  readonly state: RateLimitState | undefined;
  /** Lower-case header names and values, in the configured standard. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface RateLimit {
  readonly options: Readonly<Required<Pick<RateLimitOptions, 'headers' | 'onStoreError' | 'timeoutMs' | 'storeRetryAfter'>>>;
  /**
   * Consumes `cost` points for `key`. Resolves when the request may go on; rejects with an
   * `HttpError` 429 (refused: `retryAfter` and the full state) or 503 (the store failed, closed).
   */
  consume(key: string, cost: number, request: RequestFacts): Promise<RateLimitDecision>;
  /**
   * The default key: the client's address, IPv6 masked to `ipv6Subnet`, IPv4-mapped as IPv4
   * (`ipKey`). The first request that arrives with `X-Forwarded-For` while the framework trusts no
   * proxy is said once: to `onError` if given, else on the adapter's warning channel.
   */
  clientKey(client: ClientAddress, request: RequestFacts): string;
}

const IPV6_SUBNET = either(numberIn(32, 64, true), oneOf([false]));

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Checks the options (throwing at setup, never per request) and returns the steps adapters call.
 * `warn` is how the adapter says a run-time warning when the app gave no `onError`.
 */
export function createRateLimit(options: RateLimitOptions, warn?: WarningChannel): RateLimit {
  const limiter = options?.limiter;
  if (limiter === null || typeof limiter !== 'object' || typeof limiter.consume !== 'function') {
    throw new TypeError('faultline: rateLimit needs a limiter with consume(key, points), e.g. new RateLimiterMemory({ points, duration })');
  }
  const headers = options.headers ?? 'draft-8';
  if (!isRateLimitHeaderStandard(headers)) {
    throw new TypeError(`faultline: rateLimit headers must be 'draft-8', 'draft-7', 'draft-6', 'legacy' or false`);
  }
  const onStoreError = options.onStoreError ?? 'closed';
  if (onStoreError !== 'open' && onStoreError !== 'closed') {
    throw new TypeError(`faultline: rateLimit onStoreError must be 'open' or 'closed'`);
  }
  const timeoutMs = options.timeoutMs ?? 1000;
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    throw new TypeError('faultline: rateLimit timeoutMs must be a positive number of milliseconds (Infinity for none)');
  }
  const storeRetryAfter = options.storeRetryAfter ?? 1;
  if (!(Number.isFinite(storeRetryAfter) && storeRetryAfter >= 0)) {
    throw new TypeError('faultline: rateLimit storeRetryAfter must be a number of seconds');
  }
  const ipv6Subnet = options.ipv6Subnet === undefined ? DEFAULT_IPV6_SUBNET : options.ipv6Subnet;
  if (IPV6_SUBNET.check(ipv6Subnet) !== true) {
    throw new TypeError(`faultline: rateLimit ipv6Subnet must be ${IPV6_SUBNET.allowed} (usually 48 to 64)`);
  }
  const policy = limiterPolicy(limiter, options.policy);
  const refusalInit = { code: options.code, message: options.message };
  let proxyWarned = false;

  return {
    options: { headers, onStoreError, timeoutMs, storeRetryAfter },
    clientKey(client, request) {
      if (!proxyWarned) {
        const warning = undeclaredProxy(request, client.trustsProxy, client.howToTrust);
        if (warning !== undefined) {
          proxyWarned = true;
          say(options.onError, warn, warning, request);
        }
      }
      // Without an address (a connection already gone) every such request shares one bucket.
      return client.address === undefined || client.address === '' ? 'unknown' : ipKey(client.address, ipv6Subnet);
    },
    async consume(key, cost, request) {
      // A bad cost is a bug in the app, not a store failure: it must not be let through by 'open'.
      if (!Number.isSafeInteger(cost) || cost < 0) throw new TypeError(`faultline: rateLimit cost must be a non-negative integer, got ${String(cost)}`);
      let settled: unknown;
      let refused = false;
      try {
        settled = await withTimeout(Promise.resolve(limiter.consume(key, cost)), timeoutMs);
      } catch (rejection) {
        settled = rejection;
        refused = true;
      }
      const answer = readLimiterAnswer(settled, refused);
      if (answer === undefined) {
        // Not a RateLimiterRes: the store failed (or timed out) and no insurance limiter covered it.
        const failure = new HttpError(503, undefined, { retryAfter: storeRetryAfter, cause: settled });
        if (onStoreError === 'closed') throw failure;
        tell(options.onError, failure, settled, request);
        return { state: undefined, headers: NO_HEADERS };
      }
      const state = stateOf(answer, policy, headers);
      const fields = headers === false ? NO_HEADERS : rateLimitHeaderFields(state, headers);
      if (!refused) return { state, headers: fields };
      throw new HttpError(429, refusalInit.message, {
        code: refusalInit.code,
        retryAfter: answer.msBeforeNext >= 0 ? state.resetSeconds : undefined,
        rateLimit: state,
        headers: fields,
      });
    },
  };
}

function stateOf(answer: LimiterAnswer, policy: LimiterPolicy, standard: RateLimitHeaderStandard): RateLimitState {
  // A union exposes no points or window: its members' policies are named, not quantified.
  const state: { -readonly [K in keyof RateLimitState]: RateLimitState[K] } = {
    remaining: Math.max(0, answer.remainingPoints),
    resetSeconds: answer.msBeforeNext > 0 ? Math.ceil(answer.msBeforeNext / 1000) : 0,
    policy: answer.member ?? policy.name,
    standard,
  };
  if (answer.member === undefined) {
    if (policy.limit !== undefined) state.limit = policy.limit;
    if (policy.windowSeconds !== undefined) state.windowSeconds = policy.windowSeconds;
  }
  return state;
}

/** A warning to `onError` (as the 500 the misconfiguration amounts to, never sent), else to the adapter's channel. */
function say(onError: RateLimitOptions['onError'], warn: WarningChannel | undefined, warning: RateLimitWarning, request: RequestFacts): void {
  if (onError === undefined) {
    try {
      warn?.(warning);
    } catch {
      // A warning that cannot be said must not fail the request.
    }
    return;
  }
  tell(onError, new HttpError(500, warning.message, { code: 'UNDECLARED_PROXY', cause: warning }), warning, request);
}

function tell(onError: RateLimitOptions['onError'], failure: HttpError, thrown: unknown, request: RequestFacts): void {
  if (onError === undefined) return;
  try {
    onError(normalize(failure), thrown, request);
  } catch {
    // A logger that throws must not turn an admitted request into an error.
  }
}
