import type { AllowedMethodsReader } from '../routes/allowed-methods.js';
import { HttpError } from './http-error.js';

const UNPRINTABLE = /[^\x20-\x7e]/g;
const HAS_UNPRINTABLE = /[^\x20-\x7e]/;

/** Where an unmatched route's error keeps what the core needs to tell a 405 from a 404. */
export const UNMATCHED_ROUTE = Symbol.for('faultline.unmatchedRoute');

/** The request an unmatched-route error was made for, and how to read the router's methods. */
export interface UnmatchedRoute {
  readonly method: string;
  readonly path: string;
  readonly allowedMethods: AllowedMethodsReader;
}

/**
 * The 404 that knows its request. What it knows sits in a private field, read through an accessor
 * on the prototype: a framework's default handler or a logger that walks the error never sees it,
 * and defining a non-enumerable property on each error would cost more than making the error.
 */
class UnmatchedRouteError extends HttpError {
  #unmatched: UnmatchedRoute;

  constructor(message: string, unmatched: UnmatchedRoute) {
    super(404, message);
    this.#unmatched = unmatched;
  }

  static {
    Object.defineProperty(this.prototype, UNMATCHED_ROUTE, {
      get(this: UnmatchedRouteError) {
        return #unmatched in this ? this.#unmatched : undefined;
      },
    });
    // Inspected or logged, it reads as the HttpError it is.
    Object.defineProperty(this, 'name', { value: 'HttpError' });
  }
}

/**
 * The error every adapter's `notFound()` throws for a request no route matched, worded as Express
 * and Nest word theirs ("Cannot GET /pins"), so an unmatched route reads the same on every
 * framework. With `allowedMethods` (the adapter's reading of its router), the core answers 405
 * with `Allow` instead when other methods are served at the path (`methodNotAllowed` option).
 */
export function routeNotFound(method: string, path: string, allowedMethods?: AllowedMethodsReader): HttpError {
  const shownMethod = printable(method, 16);
  const shown = printable(path, 256);
  const message = `Cannot ${shownMethod} ${shown}`;
  if (allowedMethods === undefined) return new HttpError(404, message);
  return new UnmatchedRouteError(message, { method: shownMethod, path: shown, allowedMethods });
}

function printable(text: string, length: number): string {
  const clean = HAS_UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE, '') : text;
  return clean.length > length ? clean.slice(0, length) : clean;
}
