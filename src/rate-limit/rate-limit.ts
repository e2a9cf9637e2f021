import { HttpError } from '../errors/http-error.js';
import type { Fault, RateLimitState } from '../fault/fault.js';
import { normalize } from '../faultline.js';
import type { RequestFacts } from '../request-facts.js';
import { rateLimitHeaderFields } from './headers.js';
import { readLimiterAnswer, type LimiterAnswer } from './limiter-result.js';
import { isInProcessLimiter, limiterPolicy, type LimiterPolicy, type RateLimiterLike } from './limiter.js';
import type { RateLimitHeaderStandard } from './standard.js';
import { RATE_LIMIT_OPTION_RULES } from './option-rules.js';
import { checkOptions } from '../checks/check-options.js';
import type { Rule } from '../checks/rule.js';
import { withTimeout } from './timeout.js';
import { watchInsurance } from './insurance.js';
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
  /**
   * Longest wait for the store, in ms; past it the store has failed. Default 1000. Not armed for a
   * `RateLimiterMemory` (or a union of them): its store is this process's memory.
   */
  readonly timeoutMs?: number;
  /** `Retry-After` (seconds) of the 503 a closed failure answers. Default 1. */
  readonly storeRetryAfter?: number;
  /** Machine code of a refusal (the Pinarkive API's `'RATE_LIMIT'`). Default `TOO_MANY_REQUESTS`. */
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
  /**
   * The request's `X-Forwarded-For` field as received, when the adapter read it (one property read
   * on Node). Absent, the core reads it through the request facts, which then have to be built.
   */
  readonly forwardedFor?: string | undefined;
}

/**
 * The request facts, or a function that builds them. A limiter needs them only for what it tells
 * `onError` (an undeclared proxy, a store failure let through), so an adapter that passes a
 * function builds them on those rare paths alone, not on every admitted request. The function is
 * called at most once per call.
 */
export type RequestFactsSource = RequestFacts | (() => RequestFacts);

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
  consume(key: string, cost: number, request: RequestFactsSource): Promise<RateLimitDecision>;
  /**
   * The default key: the client's address, IPv6 masked to `ipv6Subnet`, IPv4-mapped as IPv4
   * (`ipKey`). The first request that arrives with `X-Forwarded-For` while the framework trusts no
   * proxy is said once: to `onError` if given, else on the adapter's warning channel.
   */
  clientKey(client: ClientAddress, request: RequestFactsSource): string;
}

const NO_HEADERS: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({});

/**
 * Checks the options (throwing at setup, never per request) and returns the steps adapters call.
 * `warn` is how the adapter says a run-time warning when the app gave no `onError`; `where` names
 * the entry point in messages (`@RateLimit()`); `more` are the rules of the options an adapter adds
 * besides `key` and `cost`.
 */
export function createRateLimit(options: RateLimitOptions, warn?: WarningChannel, where = 'rateLimit()', more: Readonly<Record<string, Rule>> = {}): RateLimit {
  checkOptions(options, { ...RATE_LIMIT_OPTION_RULES, ...more }, where);
  if (options?.limiter === undefined) {
    throw new TypeError(`faultline: ${where} needs a limiter: ${where.replace('()', '')}({ limiter: new RateLimiterMemory({ points, duration }) })`);
  }
  const { limiter } = options;
  const headers = options.headers ?? 'draft-8';
  const onStoreError = options.onStoreError ?? 'closed';
  const timeoutMs = options.timeoutMs ?? 1000;
  const storeRetryAfter = options.storeRetryAfter ?? 1;
  const ipv6Subnet = options.ipv6Subnet === undefined ? DEFAULT_IPV6_SUBNET : options.ipv6Subnet;
  const policy = limiterPolicy(limiter, options.policy);
  // A timer armed and cleared per request costs more than the in-memory consume it guards.
  const inProcess = isInProcessLimiter(limiter);
  const insurance = watchInsurance(limiter, policy.name);
  const refusalInit = { code: options.code, message: options.message };
  let proxyWarned = false;

  return {
    options: { headers, onStoreError, timeoutMs, storeRetryAfter },
    clientKey(client, request) {
      if (!proxyWarned && !client.trustsProxy) {
        let facts: RequestFacts | undefined;
        const forwarded = 'forwardedFor' in client ? client.forwardedFor : (facts = factsOf(request)).header?.('x-forwarded-for');
        const warning = undeclaredProxy(forwarded, client.howToTrust);
        if (warning !== undefined) {
          proxyWarned = true;
          say(options.onError, warn, warning, facts ?? factsOf(request));
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
        settled = await (inProcess ? limiter.consume(key, cost) : withTimeout(Promise.resolve(limiter.consume(key, cost)), timeoutMs));
      } catch (rejection) {
        settled = rejection;
        refused = true;
      }
      const answer = readLimiterAnswer(settled, refused);
      if (answer === undefined) {
        // Not a RateLimiterRes: the store failed (or timed out) and no insurance limiter covered it.
        const failure = new HttpError(503, undefined, { retryAfter: storeRetryAfter, cause: settled });
        if (onStoreError === 'closed') throw failure;
        if (options.onError !== undefined) tell(options.onError, failure, settled, factsOf(request));
        return { state: undefined, headers: NO_HEADERS };
      }
      // The limiter in charge: the insurance limiter while the store is down, if it answered.
      const state = stateOf(answer, insurance?.answered(settled) === true ? insurance.policy : policy, headers);
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

function factsOf(source: RequestFactsSource): RequestFacts {
  return typeof source === 'function' ? source() : source;
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
