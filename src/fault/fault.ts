import type { RateLimitHeaderStandard } from '../rate-limit/standard.js';
import type { FieldIssue } from './field-issue.js';

/** What a rate limiter knew when it refused (or admitted) a request. */
export interface RateLimitState {
  /** Points allowed per window; unknown when only a `RateLimiterRes` was thrown. */
  readonly limit?: number;
  readonly remaining: number;
  /** Seconds until the window resets (rounded up). */
  readonly resetSeconds: number;
  /** Window length in seconds, for the `RateLimit-Policy` field. */
  readonly windowSeconds?: number;
  /** Policy name used in `RateLimit`/`RateLimit-Policy` and problem details' `violated-policies`. */
  readonly policy?: string;
  /**
   * The header standard the limiter that decided reports in (`rateLimit({ headers })`), so a
   * refusal is described like the requests it allowed; absent, the handler's `rateLimitHeaders`.
   */
  readonly standard?: RateLimitHeaderStandard;
}

/** A JSON value: what extra body members and debug output are reduced to before rendering. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The one shape every thrown value is normalised into. Plain data: safe to read, safe to
 * serialise, no getters. Nothing after `normalize` looks at the thrown value again (but logging).
 */
export interface Fault {
  /** Always an integer in 400–599. */
  readonly status: number;
  /** Machine code: the status's default (`NOT_FOUND`) or the error's own (`INSUFFICIENT_FUNDS`). */
  readonly code: string;
  readonly numericCode?: number;
  readonly message: string;
  /** Whether message, code and members may reach the client. 4xx default true, 5xx default false. */
  readonly expose: boolean;
  readonly issues?: readonly FieldIssue[];
  /** Header fields the error asked for, already checked and stripped of CR/LF. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Seconds to wait before retrying (`Retry-After` as delay-seconds). */
  readonly retryAfter?: number;
  readonly rateLimit?: RateLimitState;
  /** Extra top-level body members (`required`, `accepts`, …), already reduced to JSON. */
  readonly extras?: Readonly<Record<string, JsonValue>>;
  /**
   * The code is one the app documents (a `defineErrors` catalog entry, a preset's): with
   * `typeBase`, problem details name it in `type`, where the generated error reference describes it.
   */
  readonly documented?: true;
  /** Debug only: the stack and the cause chain, reduced to JSON. Never rendered unless `debug`. */
  readonly stack?: string;
  readonly cause?: JsonValue;
}
