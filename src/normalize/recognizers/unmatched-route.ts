import { UNMATCHED_ROUTE, type UnmatchedRoute } from '../../errors/route-not-found.js';
import { isHttpError } from '../../errors/http-error.js';
import { methodNotAllowed } from '../../routes/allowed-methods.js';
import type { FaultInput, FaultPolicy } from '../fault-input.js';
import { read } from '../read.js';

/**
 * A request no route matched, when the router serves its path for other methods: a 405 with
 * `Allow` (RFC 9110 §15.5.6) rather than a 404. Decided here, for every adapter alike; the router
 * is read only now, for an unmatched request, and only when `methodNotAllowed` is on. Anything
 * else (no such error, a 404 after all) falls through to the other recognizers.
 */
export function fromUnmatchedRoute(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  if (policy?.methodNotAllowed === false || !isHttpError(thrown)) return undefined;
  const unmatched = read(thrown, UNMATCHED_ROUTE) as UnmatchedRoute | undefined;
  if (unmatched === undefined) return undefined;
  let allow: string | undefined;
  try {
    allow = methodNotAllowed(unmatched.method, unmatched.allowedMethods());
  } catch {
    // A router that cannot be read (a shape this version does not know) leaves it a 404.
    return undefined;
  }
  if (allow === undefined) return undefined;
  return { status: 405, message: `${unmatched.method} is not allowed on ${unmatched.path}`, headers: { allow } };
}
