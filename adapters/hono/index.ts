// faultline for Hono 4: read the request, call the core, answer with a web-standard Response.
// Only `Request`, `Response` and `Headers`: no Node module, so it runs on Node, Bun, Deno and Workers.
import type { Context, Env, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import {
  BODY_MESSAGES,
  checkOptions,
  createFaultline,
  errors,
  isUnexpected,
  logToConsole,
  routeNotFound,
  STALE_HEADERS,
  urlPath,
  withExistingVary,
  type ErrorResponse,
  type Faultline,
  type FaultlineOptions,
  type OptionRules,
  positiveInteger,
} from '../../src/kit.js';
import { honoRouteMethods, type HonoAppLike } from './allowed-methods.js';
import { facts } from './request-facts.js';

export type { FaultlineOptions } from '../../src/kit.js';
export { validate, type HonoValidatedInput, type HonoValidateMiddleware, type RequestSchemas, type SchemaOutput, type ValidateOptions } from './validate.js';
export { ipKey, rateLimit, type HonoRateLimitOptions } from './rate-limit.js';
// A cycle by design, safe: faultline() calls this file's handlers only when called, after both
// modules have loaded. It goes away once the handlers live in files of their own.
// oxlint-disable-next-line import/no-cycle
export { faultline } from './faultline.js';

/**
 * The error handler: `app.onError(errorHandler(options))`. Unexpected faults are logged as Hono's
 * own handler logs them, to `console.error` (unless `onError` or `logUnexpected: false`). Hono gives `onError` only `Error`
 * instances (HTTPException included); register `errorBoundary` too for everything else.
 */
export function errorHandler<E extends Env = Env>(options?: FaultlineOptions): ErrorHandler<E> {
  const faultline = createFaultline(options, logToConsole);
  return function faultlineErrorHandler(error, c) {
    return respond(c, faultline, error);
  };
}

/**
 * The unmatched-route handler, worded as on every framework: `app.notFound(notFound(app, options))`.
 * Given the app, a path its routes serve for other methods is a 405 with `Allow` (Hono hands a
 * not-found handler no way to reach the app's router). `notFound(options)` answers 404 only.
 */
export function notFound<E extends Env = Env>(options?: FaultlineOptions): NotFoundHandler<E>;
export function notFound<E extends Env = Env>(app: HonoAppLike, options?: FaultlineOptions): NotFoundHandler<E>;
export function notFound<E extends Env = Env>(first?: HonoAppLike | FaultlineOptions, second?: FaultlineOptions): NotFoundHandler<E> {
  const app = isApp(first) ? first : undefined;
  const faultline = createFaultline(app === undefined ? (first as FaultlineOptions | undefined) : second, logToConsole);
  return function faultlineNotFound(c) {
    const read = app === undefined ? undefined : () => honoRouteMethods(app, c);
    return respond(c, faultline, routeNotFound(c.req.method, urlPath(c.req.url), read));
  };
}

function isApp(value: unknown): value is HonoAppLike {
  return typeof value === 'object' && value !== null && Array.isArray((value as { routes?: unknown }).routes) && typeof (value as { fetch?: unknown }).fetch === 'function';
}

/**
 * The first middleware: `app.use(errorBoundary(options))`. Hono's compose rethrows any thrown value
 * that is not an `Error` (`throw 'text'`, `throw null`, a rejected `RateLimiterRes`), past `onError`,
 * out of `app.fetch`; the runtime then answers a bare 500. Errors never reach this boundary (Hono
 * hands them to `onError` further in), so with `errorHandler` each thrown value is rendered once.
 */
export function errorBoundary<E extends Env = Env>(options?: FaultlineOptions): MiddlewareHandler<E> {
  const faultline = createFaultline(options, logToConsole);
  return async function faultlineErrorBoundary(c, next) {
    try {
      await next();
    } catch (thrown) {
      c.res = respond(c, faultline, thrown);
    }
  };
}

/** `jsonBody` options. */
export interface JsonBodyOptions {
  /** Largest accepted body in bytes (of any content type). Default 102400, as `express.json()`. */
  readonly limit?: number;
}

const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;
const JSON_BODY_OPTION_RULES: OptionRules<JsonBodyOptions> = { limit: positiveInteger };

/**
 * Reads a JSON body up front, so its failures are client errors in the envelope, as with
 * `express.json()`: over the limit → 413, not JSON → 400 (the body is never echoed). The route then
 * reads it with `c.req.json()` (Hono caches the text). Other content types pass through unparsed.
 * Hono's `bodyLimit` does the counting; it is loaded on the first request, not when faultline is.
 */
export function jsonBody<E extends Env = Env>(options: JsonBodyOptions = {}): MiddlewareHandler<E> {
  checkOptions(options, JSON_BODY_OPTION_RULES, 'jsonBody()');
  const maxSize = options.limit ?? 102_400;
  let limit: MiddlewareHandler | undefined;
  return async function faultlineJsonBody(c, next) {
    // Hono's body limit is loaded on the first request that reads a body: importing faultline/hono
    // stays free of it for the apps that never call jsonBody() (1–3 ms of the adapter's cold import).
    limit ??= (await loadBodyLimit()).bodyLimit({
      maxSize,
      onError: () => {
        throw errors.payloadTooLarge(BODY_MESSAGES.tooLarge);
      },
    });
    return limit(c, async () => {
      if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
        const text = await c.req.text();
        try {
          JSON.parse(text);
        } catch {
          throw errors.badRequest(BODY_MESSAGES.malformed);
        }
      }
      await next();
    });
  };
}

type BodyLimitModule = typeof import('hono/body-limit');
let bodyLimitModule: Promise<BodyLimitModule> | undefined;
// The CommonJS build requires Hono's CommonJS file, as `hono` itself was (an import() there would
// load Hono's ES modules beside it); `__filename` exists only in CommonJS (and Bun, which has require).
const loadBodyLimit = (): Promise<BodyLimitModule> =>
  (bodyLimitModule ??= typeof __filename === 'string' ? Promise.resolve(require('hono/body-limit') as BodyLimitModule) : import('hono/body-limit'));

/**
 * @hono/node-server's `RESPONSE_ALREADY_SENT`: a response marked with its `X_ALREADY_SENT` header,
 * for which it writes no status line. Its own lightweight `Response` skips that check on its fast
 * path for small bodies; reading `type` (which only a standard `Response` has) turns it into a
 * standard one, which takes the checked path. Elsewhere the read is a no-op.
 */
function alreadySent(): Response {
  const response = new Response(null, { status: 499, headers: { 'x-hono-already-sent': 'true' } });
  void response.type;
  return response;
}

function respond(c: Context, faultline: Faultline, thrown: unknown): Response {
  const request = facts(c);
  const response = faultline.handle(thrown, request);
  // Hono puts what `onError` is handed in `c.error`, which middleware after it (@hono/otel, error
  // trackers) report as a failed request: an expected 4xx is an answer, not a failure (HTTP server
  // semantic conventions), so only an unexpected error stays there.
  if (!isUnexpected(response)) c.error = undefined;
  // Headers set before the error (CORS, Vary, security headers) stay; Hono keeps them on `c.res`.
  const before = c.res.headers;
  // Back to "no response yet": otherwise Hono copies the old headers (ETag, a route's Cache-Control)
  // over the error's own when it assigns this response, or skips assigning a not-found response.
  c.res = undefined;
  c.finalized = false;
  // The client has gone: `onError` was told (499). Hono needs a Response: the one Node's server
  // (`@hono/node-server`) takes for "already handled", so it writes nothing; elsewhere it goes nowhere.
  if (request.aborted?.() === true) return alreadySent();
  // The string, not the prepared bytes: @hono/node-server ends Node's response with the body it is
  // given, and Node sends a string in one write with the head, bytes as a second chunk (measured
  // about 2 µs a response cheaper). The content type is set, so no runtime adds its own for a string.
  const body = response.body;
  // Usually none were: the error's own headers as they are, a plain object (node-server writes
  // those without building a Headers).
  if (before.keys().next().done === true) return new Response(body, { status: response.status, headers: response.headers });
  return build(new Headers(before), response, body);
}

function build(headers: Headers, response: ErrorResponse, body: BodyInit | null): Response {
  for (const name of STALE_HEADERS) headers.delete(name);
  const own = withExistingVary(response.headers, headers.get('vary') ?? undefined);
  for (const name in own) headers.set(name, own[name] as string);
  return new Response(body, { status: response.status, headers });
}

