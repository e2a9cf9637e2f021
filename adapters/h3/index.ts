// faultline for h3 v2 (Nitro 3, Nuxt): `onError` in the app's config renders every error; the
// response is web-standard, built from the core's answer.
import type { H3Event, HTTPError, Middleware } from 'h3';
import {
  urlPath,
  createFaultline,
  logToConsole,
  routeNotFound,
  STALE_HEADERS,
  withExistingVary,
  type ErrorResponse,
  type Fault,
  type Faultline,
  type FaultlineOptions,
  type RequestFacts,
} from '../../src/kit.js';
import { facts } from './request-facts.js';
import { h3RouteMethods } from './allowed-methods.js';
import { fromH3Error, thrownOf } from './http-error.js';

export type { FaultlineOptions } from '../../src/kit.js';
export { validate, type H3ValidateMiddleware, type RequestSchemas, type ValidateOptions, type ValidParts } from './validate.js';
export { rateLimit, type H3RateLimitOptions } from './rate-limit.js';

/** What h3 calls with every error: `new H3({ onError: errorHandler(options) })`. */
export type H3ErrorHandler = (error: HTTPError, event: H3Event) => Response;

/**
 * The error handler: `new H3({ onError: errorHandler(options) })`. h3 gives it every error of the
 * app, thrown or rejected, `Error` or not (wrapped in an `HTTPError`, which is unwrapped here),
 * from routes and middleware alike; what it returns is the response.
 */
export function errorHandler(options?: FaultlineOptions): H3ErrorHandler {
  const faultline = core(options);
  return function faultlineErrorHandler(error, event) {
    // h3 has printed an unhandled error itself before calling onError (unless the app is silent).
    return respond(faultline, unmatched(error, event) ? notFoundError(event) : thrownOf(error), event, error.unhandled === true);
  };
}

/**
 * The first middleware: `app.use(errorBoundary(options))`. It catches what routes and later
 * middleware throw before h3 wraps it in an `HTTPError`, which h3 cannot do for every value: a
 * Proxy whose traps throw makes h3's own `instanceof Error` check throw while it handles the
 * rejection, and the request never gets an answer; an error whose `headers` hold CR/LF makes h3's
 * `new Headers()` throw; a thrown number becomes h3's error of that status. With `errorHandler` in
 * `onError` for the rest (unmatched routes, h3's own errors), each error is rendered once.
 */
export function errorBoundary(options?: FaultlineOptions): Middleware {
  const faultline = core(options);
  return async function faultlineErrorBoundary(event, next) {
    try {
      return await next();
    } catch (thrown) {
      return respond(faultline, thrown, event);
    }
  };
}

/**
 * The unmatched-route handler, for a route of its own: `app.all('/api/**', notFound(options))`.
 * `errorHandler` already answers h3's own "no route matched" 404 this way: a 405 with `Allow`
 * when the app's routes serve the path for other methods, a 404 otherwise.
 */
export function notFound(options?: FaultlineOptions): (event: H3Event) => Response {
  const faultline = core(options);
  return function faultlineNotFound(event) {
    return respond(faultline, notFoundError(event), event);
  };
}

// The path h3 routed on (`event.url`, canonicalised) is the one its router is asked about again.
function notFoundError(event: H3Event): unknown {
  const { pathname } = event.url;
  return routeNotFound(event.req.method, urlPath(event.req.url), () => h3RouteMethods(event.app, pathname));
}

// h3's own answer when no route matched: a 404 worded with the full URL, made for this request.
function unmatched(error: HTTPError, event: H3Event): boolean {
  return error.status === 404 && error.message === `Cannot find any route matching [${event.req.method}] ${String(event.url)}`;
}

/** Whether h3 would stay quiet about this error: the app is `silent`, or h3 has printed it already. */
interface Quiet {
  readonly silent: boolean;
  readonly printedByH3: boolean;
}

// h3's own way: an unhandled error goes to console.error unless the app was made `silent`. What
// the boundary catches never reaches h3, so faultline prints it; what h3 printed is not printed twice.
function logLikeH3(thrown: unknown, _fault: Fault, _request: RequestFacts, quiet: Quiet): void {
  if (!quiet.silent && !quiet.printedByH3) logToConsole(thrown);
}

// The one configured core per handler; h3's own HTTPError is recognised before the core's families.
function core(options: FaultlineOptions = {}): Faultline<Quiet> {
  return createFaultline({ ...options, recognizers: [fromH3Error, ...(options.recognizers ?? [])] }, logLikeH3);
}

function respond(faultline: Faultline<Quiet>, thrown: unknown, event: H3Event, printedByH3 = false): Response {
  const silent = event.app?.config.silent === true;
  const response = faultline.handle(thrown, facts(event), { silent, printedByH3: printedByH3 && !silent });
  return build(kept(event), response);
}

/**
 * Headers set before the error: the response's (`event.res.headers`) and those h3 keeps for error
 * responses (`event.res.errHeaders`, where its CORS helpers write too), a cookie only once. The
 * latter are consumed: h3 would otherwise set them again over the error response's own.
 */
function kept(event: H3Event): Headers {
  const headers = new Headers(event.res.headers);
  const cookies = new Set(headers.getSetCookie());
  const forErrors = event.res.errHeaders;
  const consumed = new Set<string>();
  for (const [name, value] of forErrors) {
    consumed.add(name);
    if (name !== 'set-cookie') headers.set(name, value);
    else if (!cookies.has(value)) headers.append(name, value);
  }
  for (const name of consumed) forErrors.delete(name);
  return headers;
}

function build(headers: Headers, response: ErrorResponse): Response {
  for (const name of STALE_HEADERS) headers.delete(name);
  const own = withExistingVary(response.headers, headers.get('vary') ?? undefined);
  for (const name in own) headers.set(name, own[name] as string);
  return new Response(response.body, { status: response.status, headers });
}
