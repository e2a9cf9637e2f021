import type { AllowedMethodsReader } from '../routes/allowed-methods.js';
import { HttpError } from './http-error.js';

const UNPRINTABLE = /[^\x20-\x7e]/g;

/** Where an unmatched route's error keeps what the core needs to tell a 405 from a 404. */
export const UNMATCHED_ROUTE = Symbol.for('faultline.unmatchedRoute');

/** The request an unmatched-route error was made for, and how to read the router's methods. */
export interface UnmatchedRoute {
  readonly method: string;
  readonly path: string;
  readonly allowedMethods: AllowedMethodsReader;
}

/**
 * The error every adapter's `notFound()` throws for a request no route matched, worded as Express
 * and Nest word theirs ("Cannot GET /pins"), so an unmatched route reads the same on every
 * framework. With `allowedMethods` (the adapter's reading of its router), the core answers 405
 * with `Allow` instead when other methods are served at the path (`methodNotAllowed` option).
 */
export function routeNotFound(method: string, path: string, allowedMethods?: AllowedMethodsReader): HttpError {
  const shownMethod = method.replace(UNPRINTABLE, '').slice(0, 16);
  const shown = path.replace(UNPRINTABLE, '').slice(0, 256);
  const error = new HttpError(404, `Cannot ${shownMethod} ${shown}`);
  if (allowedMethods !== undefined) {
    const unmatched: UnmatchedRoute = { method: shownMethod, path: shown, allowedMethods };
    // Not enumerable: a framework's default handler or a logger that walks the error never sees it.
    Object.defineProperty(error, UNMATCHED_ROUTE, { value: unmatched });
  }
  return error;
}
