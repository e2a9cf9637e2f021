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
 * The base `HttpError` extends: an ordinary function whose prototype is `Error.prototype`, so
 * `super()` makes a plain object that is `instanceof Error` without running the native `Error`
 * constructor, which costs 400–500 ns even when it captures no stack (fastify-error does the same).
 */
function ErrorShape(): void {}
ErrorShape.prototype = Error.prototype;

/**
 * An HTTP error that looks like one made by `http-errors` (`status`, `statusCode`, `expose`,
 * `headers`), so Express's and Koa's own handlers treat it right even without faultline.
 *
 * An expected 4xx is control flow: by default it is an ordinary object that is `instanceof Error`
 * and `instanceof HttpError`, with a one-line `stack` (`HttpError: Not Found`) and no native error
 * behind it (`util.types.isNativeError` and `Error.isError` say false). A 5xx, or any error made with
 * `{ stack: true }`, is a native `Error` with its stack, for the log. `instanceof HttpError` also
 * holds for an error made by another copy of faultline (its ESM and CJS builds, two installed
 * versions): it tests the brand.
 */
export class HttpError<C extends string = string> extends (ErrorShape as unknown as ErrorConstructor) {
  declare readonly [FAULTLINE_ERROR]: true;
  declare readonly status: number;
  declare readonly code: C;
  declare readonly numericCode: number | undefined;
  declare readonly expose: boolean;
  declare readonly headers: Record<string, string> | undefined;
  declare readonly retryAfter: number | undefined;
  declare readonly rateLimit: RateLimitState | undefined;
  declare readonly issues: readonly FieldIssue[] | undefined;
  declare readonly extras: Record<string, unknown> | undefined;
  declare readonly statusCode: number;
  /**
   * A stackless error's message, read through the `message` accessor below: a private field stays
   * out of `JSON.stringify`, spreads, `for…in` and `util.inspect`, as a native Error's own,
   * non-enumerable `message` does; defining such a property per error costs ten times the rest of
   * the constructor.
   */
  #message: string | undefined;

  constructor(status: number, message?: string, init: HttpErrorInit<C> = {}) {
    const valid = isErrorStatus(status) ? status : 500;
    const text = message ?? statusPhrase(valid);
    if (init.stack ?? valid >= 500) {
      // A stack is wanted: a native Error of this class (or subclass), with its stack and cause.
      const native = Reflect.construct(Error, init.cause === undefined ? [text] : [text, { cause: init.cause }], new.target) as HttpError<C>;
      fill(native, valid, init);
      return native;
    }
    super();
    this.#message = text;
    fill(this, valid, init);
    if (init.cause !== undefined) Object.defineProperty(this, 'cause', { value: init.cause, writable: true, configurable: true });
  }

  static {
    // An accessor, not a class getter: TypeScript types `message` as Error's data property. A native
    // HttpError (a 5xx) has its own `message`, which hides this one. (`this` is the class: naming it
    // here would make bundlers rename the class itself.)
    Object.defineProperty(this.prototype, 'message', {
      get(this: HttpError) {
        return #message in this ? (this.#message ?? '') : '';
      },
      set(this: HttpError, value: string) {
        if (#message in this) this.#message = value;
        else Object.defineProperty(this, 'message', { value, writable: true, configurable: true });
      },
      configurable: true,
    });
  }
}

// One order of assignment for both kinds, so every HttpError has the same shape (and JSON).
function fill(error: HttpError, status: number, init: HttpErrorInit): void {
  const target = error as { -readonly [K in keyof HttpError]: HttpError[K] };
  target.status = status;
  target.code = init.code ?? defaultCode(status);
  target.numericCode = init.numericCode;
  target.expose = init.expose ?? status < 500;
  target.headers = errorHeaders(init);
  target.retryAfter = init.retryAfter;
  target.rateLimit = init.rateLimit;
  target.issues = init.issues;
  target.extras = init.extras;
  target.statusCode = status;
}

// The brand, not the prototype chain: an error from another copy of faultline is one too.
// Subclasses keep the ordinary test.
Object.defineProperty(HttpError, Symbol.hasInstance, {
  value(this: unknown, value: unknown): boolean {
    return this === HttpError ? isHttpError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  },
});
Object.defineProperty(HttpError.prototype, FAULTLINE_ERROR, { value: true });
Object.defineProperty(HttpError.prototype, 'name', { value: 'HttpError', writable: true, configurable: true });
// A stackless error's `stack` is its first line, as a native Error's with no frames would be; one
// assigned (by a logger, an APM agent) becomes its own property, as on a native Error.
Object.defineProperty(HttpError.prototype, 'stack', {
  get(this: HttpError) {
    return Error.prototype.toString.call(this);
  },
  set(this: HttpError, value: unknown) {
    Object.defineProperty(this, 'stack', { value, writable: true, configurable: true });
  },
  configurable: true,
});

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
