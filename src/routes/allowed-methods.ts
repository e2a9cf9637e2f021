/**
 * Reads, when called, the methods the app's router serves at the request's path (its route
 * table, read then: never a copy made at startup that routes added later would not be in). An
 * adapter hands one to `routeNotFound`; the core calls it only when `methodNotAllowed` is on.
 */
export type AllowedMethodsReader = () => Iterable<string> | undefined;

// An HTTP method is a token (RFC 9110 §9.1); anything else a router holds is not one.
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/;
const MAX_METHODS = 64;

/**
 * The `Allow` value for the methods a router serves (RFC 9110 §10.2.1): upper case, each once,
 * sorted as Express sorts its own; `HEAD` with `GET`, as every framework routes a HEAD to the GET
 * route. Empty when there are none.
 */
export function allowValue(methods: Iterable<string>): string {
  const seen = new Set<string>();
  for (const method of methods) {
    if (typeof method !== 'string' || !METHOD.test(method)) continue;
    seen.add(method.toUpperCase());
    if (seen.size >= MAX_METHODS) break;
  }
  if (seen.has('GET')) seen.add('HEAD');
  return [...seen].toSorted().join(', ');
}

/**
 * The `Allow` value of a 405 (RFC 9110 §15.5.6), or undefined when the unmatched request is a 404:
 * no route serves the path for any method, or one serves it for this very method (a route that
 * passed the request on: `next()` with no error), or the request is an OPTIONS, which CORS
 * middleware answers (a preflight must not learn "method not allowed" of the resource).
 */
export function methodNotAllowed(method: string, methods: Iterable<string> | undefined): string | undefined {
  if (methods === undefined) return undefined;
  const requested = method.toUpperCase();
  if (requested === 'OPTIONS') return undefined;
  // The common unmatched request (a typo, a scanner): no route at the path for any method.
  if (Array.isArray(methods) && methods.length === 0) return undefined;
  const allow = allowValue(methods);
  if (allow === '') return undefined;
  const allowed = allow.split(', ');
  return allowed.includes(requested) ? undefined : allow;
}
