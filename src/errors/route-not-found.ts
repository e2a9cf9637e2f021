import { HttpError } from './http-error.js';

const UNPRINTABLE = /[^\x20-\x7e]/g;

/**
 * The 404 every adapter's `notFound()` throws, worded as Express and Nest word theirs
 * ("Cannot GET /pins"), so an unmatched route reads the same on every framework.
 */
export function routeNotFound(method: string, path: string): HttpError {
  const shown = path.replace(UNPRINTABLE, '').slice(0, 256);
  return new HttpError(404, `Cannot ${method.replace(UNPRINTABLE, '').slice(0, 16)} ${shown}`);
}
