// faultline for Elysia (Bun): one plugin whose `.onError` renders every error of the app, Elysia's
// own (unmatched routes, bodies that do not parse, schema validation, `status()`) included.
import { Elysia } from 'elysia';
import {
  webRequestFacts,
  createFaultline,
  logToConsole,
  readJsonBody,
  STALE_HEADERS,
  withExistingVary,
  type ErrorResponse,
  type Faultline,
  type FaultlineOptions,
  type JsonBodyOptions,
} from '../../src/kit.js';
import { elysiaRouteMethods, type ElysiaAppLike } from './allowed-methods.js';
import { ELYSIA_RECOGNIZERS, thrownOf } from './elysia-errors.js';

export type { FaultlineOptions, JsonBodyOptions } from '../../src/kit.js';
export { validate, type ElysiaValidateHook, type RequestSchemas, type ValidateOptions } from './validate.js';
export { rateLimit, type ElysiaRateLimitOptions, type RateLimitContext } from './rate-limit.js';

/** The headers Elysia lets a handler set before the response exists. */
type SetHeaders = Record<string, string | number | string[] | undefined>;

/**
 * The plugin: `new Elysia().use(errorHandler(options))`, before the routes. Its `.onError` is
 * global, so it answers for every route of the app it is used on, and for the unmatched ones
 * (Elysia reports those as `NOT_FOUND`): a 405 with `Allow` when the app's routes serve the path
 * for other methods, a 404 otherwise. Elysia itself fails on `throw null` and `throw undefined`
 * before any `.onError` runs: see the guide for the one-line fix.
 */
export function errorHandler(options?: FaultlineOptions): Elysia {
  const faultline = core(options);
  const plugin = new Elysia();
  plugin.onError({ as: 'global' }, function faultlineErrorHandler({ error, request, path, set }) {
    const routes = () => {
      const app = appOf(plugin);
      return app === undefined ? undefined : elysiaRouteMethods(app, path);
    };
    return respond(faultline, thrownOf(error, request, routes), request, set.headers as SetHeaders);
  });
  return plugin as unknown as Elysia;
}

// Nested plugins deeper than this are not followed: a parent chain that loops would never end.
const MAX_DEPTH = 16;

/**
 * The app whose routes answer: the one the plugin was `.use()`d in, or the app that one was used
 * in, up to the outermost (Elysia copies a plugin's routes into the app that uses it, and tells
 * the plugin that app as its parent). Undefined before the plugin is used anywhere.
 */
function appOf(plugin: Elysia): ElysiaAppLike | undefined {
  let app: unknown;
  let parent: unknown = parentOf(plugin);
  for (let depth = 0; parent !== null && parent !== undefined && depth < MAX_DEPTH; depth++) {
    app = parent;
    parent = parentOf(app);
  }
  return app as ElysiaAppLike | undefined;
}

// `getParent()` is Elysia's own (private in its types): null for an app that was not `.use()`d.
function parentOf(app: unknown): unknown {
  const getParent = (app as { getParent?: unknown }).getParent;
  return typeof getParent === 'function' ? (getParent as () => unknown).call(app) : undefined;
}

// The one configured core; Elysia's own errors are recognised before the core's families.
function core(options: FaultlineOptions = {}): Faultline {
  return createFaultline({ ...options, recognizers: [...ELYSIA_RECOGNIZERS, ...(options.recognizers ?? [])] }, logToConsole);
}

/**
 * A body parser for a route, `{ parse: jsonBody({ limit }) }`, or the app, `.onParse(jsonBody())`:
 * a JSON body up to `limit` bytes (default 100 kB), its failures in the envelope as on every
 * framework (413, or 400 without echoing the body). Other content types go on to Elysia's parsers.
 */
export function jsonBody(options?: JsonBodyOptions): (context: { request: Request }) => Promise<unknown> {
  return function faultlineJsonBody({ request }) {
    return readJsonBody(request, options);
  };
}

/**
 * Elysia adds the headers a handler set (`set.headers`) to the error response, after its own:
 * those describing a body that is not sent go, and `Vary` joins the error's own.
 */
function respond(faultline: Faultline, thrown: unknown, request: Request, set: SetHeaders): Response {
  const known = webRequestFacts(request);
  const response = faultline.handle(thrown, known);
  if (known.aborted?.() === true) return abandoned();
  let vary: SetHeaders[string];
  // A handler may spell a name as it likes (`set.headers.ETag`); HTTP does not care, nor does this.
  for (const name of Object.keys(set)) {
    const lower = name.toLowerCase();
    if (STALE.has(lower)) delete set[name];
    else if (lower === 'vary') vary = set[name];
  }
  return build(response, withExistingVary(response.headers, Array.isArray(vary) ? vary.join(', ') : vary));
}

const STALE: ReadonlySet<string> = new Set(STALE_HEADERS);

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

function build(response: ErrorResponse, headers: Readonly<Record<string, string>>): Response {
  return new Response(response.body, { status: response.status, headers });
}
