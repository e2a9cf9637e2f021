// faultline for any `Request → Response` handler: Bun.serve, Deno.serve, Cloudflare Workers,
// Next.js route handlers, SvelteKit and React Router actions. Web-standard only (Request, Response,
// Headers): no Node module, so it runs wherever `fetch` does.
import {
  webRequestFacts,
  createFaultline,
  logToConsole,
  readJsonBody,
  routeNotFound,
  type ErrorResponse,
  type Faultline,
  type FaultlineOptions,
  type JsonBodyOptions,
} from '../../src/kit.js';

export type { FaultlineOptions, JsonBodyOptions } from '../../src/kit.js';

/** A web-standard handler: a request (and whatever the runtime passes besides) in, a response out. */
export type FetchHandler<R extends Request = Request, Rest extends unknown[] = unknown[]> = (
  request: R,
  ...rest: Rest
) => Response | Promise<Response>;

/**
 * Wraps a handler so that anything it throws or rejects with, `Error` or not, leaves as the error
 * response: `export default { fetch: errorBoundary(handler, options) }`. The arguments after the
 * request (a Worker's `env` and `ctx`, a Next.js route's `{ params }`) pass through unchanged; a
 * method needs binding first (`errorBoundary((request) => app.fetch(request))`).
 */
export function errorBoundary<R extends Request, Rest extends unknown[]>(
  handler: FetchHandler<R, Rest>,
  options?: FaultlineOptions,
): (request: R, ...rest: Rest) => Promise<Response> {
  if (typeof handler !== 'function') throw new TypeError('faultline: errorBoundary(handler, options?) takes the handler to wrap');
  const faultline = core(options);
  return async function faultlineErrorBoundary(request: R, ...rest: Rest): Promise<Response> {
    try {
      return await handler(request, ...rest);
    } catch (thrown) {
      return respond(faultline, thrown, request);
    }
  };
}

/**
 * The unmatched-route response, worded as on every framework (`Cannot GET /nowhere`): what a
 * router returns when nothing matched. `notFound(options)(request)`.
 */
export function notFound(options?: FaultlineOptions): (request: Request) => Response {
  const faultline = core(options);
  return function faultlineNotFound(request: Request): Response {
    const { method, path } = webRequestFacts(request);
    return respond(faultline, routeNotFound(method, path), request);
  };
}

/**
 * The request's JSON body, its failures thrown as client errors for `errorBoundary` to render:
 * over `limit` bytes (default 100 kB) → 413, not JSON → 400, never echoing the body. A request
 * whose content type is not JSON has no JSON body: `undefined`.
 */
export function readJson(request: Request, options?: JsonBodyOptions): Promise<unknown> {
  return readJsonBody(request, options);
}

// The one configured core per handler.
function core(options?: FaultlineOptions): Faultline {
  return createFaultline(options, logToConsole);
}

function respond(faultline: Faultline, thrown: unknown, request: Request): Response {
  const known = webRequestFacts(request);
  const response = faultline.handle(thrown, known);
  return known.aborted?.() === true ? abandoned() : build(response);
}

/**
 * The answer to a request whose client has gone (`onError` was told 499): a runtime needs a
 * Response, and this one writes nothing where a server can be told so. `@hono/node-server` (how a
 * fetch handler is served on Node) takes this header for "already handled" on its checked path;
 * reading `type`, which only a standard `Response` has, turns its lightweight Response into one
 * that takes that path. Elsewhere the response goes nowhere, the connection being closed.
 */
function abandoned(): Response {
  const response = new Response(null, { status: 499, headers: { 'x-hono-already-sent': 'true' } });
  void response.type;
  return response;
}

function build(response: ErrorResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}
