import type { RateLimitState } from '../fault/fault.js';
import type { FieldIssue } from '../fault/field-issue.js';
import { statusPhrase, defaultCode, isErrorStatus } from '../status/lookup.js';
import { FAULTLINE_ERROR } from './brand.js';

/** What an `HttpError` carries besides its status and message. */
export interface HttpErrorInit<C extends string = string> {
  /** Machine code; defaults to the status's (`NOT_FOUND`). */
  code?: C;
  /** Numeric code for the numeric-code envelope (`50014`). */
  numericCode?: number;
  /** Whether message, code and members reach the client. Default: true for 4xx, false for 5xx. */
  expose?: boolean;
  headers?: Record<string, string | number | readonly string[]>;
  /** Seconds before a retry makes sense; becomes `Retry-After`. */
  retryAfter?: number;
  /** For a 405: the methods the resource allows; becomes `Allow`. */
  allow?: readonly string[];
  /** For a 429: the limiter's state (limit, window, remaining, reset, policy); becomes the RateLimit fields. */
  rateLimit?: RateLimitState;
  /** Field-level problems (validation). */
  issues?: readonly FieldIssue[];
  /** Extra top-level members of the body (`required`, `accepts`, …). */
  extras?: Record<string, unknown>;
  cause?: unknown;
  /**
   * Capture a stack trace. Default: only for 5xx. An expected 4xx is control flow, and a stack
   * costs time in proportion to the call depth.
   */
  stack?: boolean;
}

/**
 * An HTTP error that looks like one made by `http-errors` (`status`, `statusCode`, `expose`,
 * `headers`), so Express's and Koa's own handlers treat it right even without faultline.
 */
export class HttpError<C extends string = string> extends Error {
  declare readonly [FAULTLINE_ERROR]: true;
  readonly status: number;
  readonly code: C;
  readonly numericCode: number | undefined;
  readonly expose: boolean;
  readonly headers: Record<string, string> | undefined;
  readonly retryAfter: number | undefined;
  readonly rateLimit: RateLimitState | undefined;
  readonly issues: readonly FieldIssue[] | undefined;
  readonly extras: Record<string, unknown> | undefined;

  constructor(status: number, message?: string, init: HttpErrorInit<C> = {}) {
    const valid = isErrorStatus(status) ? status : 500;
    const text = message ?? statusPhrase(valid);
    if (init.stack ?? valid >= 500) {
      super(text, init.cause === undefined ? undefined : { cause: init.cause });
    } else {
      // Error.captureStackTrace runs inside the Error constructor; a zero limit makes it free.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      super(text, init.cause === undefined ? undefined : { cause: init.cause });
      Error.stackTraceLimit = limit;
    }
    this.status = valid;
    this.statusCode = valid;
    this.code = init.code ?? (defaultCode(valid) as C);
    this.numericCode = init.numericCode;
    this.expose = init.expose ?? valid < 500;
    this.retryAfter = init.retryAfter;
    this.rateLimit = init.rateLimit;
    this.issues = init.issues;
    this.extras = init.extras;
    this.headers = errorHeaders(init);
  }

  readonly statusCode: number;
}

Object.defineProperty(HttpError.prototype, FAULTLINE_ERROR, { value: true });
Object.defineProperty(HttpError.prototype, 'name', { value: 'HttpError', writable: true, configurable: true });

// The headers a framework's default handler would need to answer this error correctly.
function errorHeaders(init: HttpErrorInit): Record<string, string> | undefined {
  if (init.headers === undefined && init.retryAfter === undefined && init.allow === undefined) return undefined;
  const headers: Record<string, string> = {};
  if (init.headers) {
    for (const [name, value] of Object.entries(init.headers)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  if (init.retryAfter !== undefined) headers['Retry-After'] = String(Math.max(0, Math.ceil(init.retryAfter)));
  if (init.allow !== undefined) headers['Allow'] = init.allow.join(', ');
  return headers;
}

/** True for an error made by any copy of faultline (ESM, CJS or another installed version). */
export function isHttpError(value: unknown): value is HttpError {
  try {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[FAULTLINE_ERROR] === true;
  } catch {
    return false;
  }
}
