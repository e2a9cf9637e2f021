import type { Env, Hono, Schema } from 'hono';
import type { FaultlineOptions } from '../../src/kit.js';
// oxlint-disable-next-line import/no-cycle -- see index.ts
import { errorBoundary, errorHandler, notFound } from './index.js';

/**
 * Everything faultline needs on a Hono app, with one options object: `errorBoundary` (the first
 * middleware, for thrown values that are not `Error`s), `app.onError(errorHandler)` and
 * `app.notFound(notFound(app))` (a path served for other methods is a 405 with `Allow`). Call it first, before the routes: the boundary wraps only what is
 * registered after it. Returns the app.
 *
 * ```ts
 * const app = faultline(new Hono(), { envelope: 'problem-details' });
 * app.get('/pins/:id', …);
 * ```
 */
export function faultline<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>, options?: FaultlineOptions): Hono<E, S, B> {
  app.use(errorBoundary<E>(options));
  app.onError(errorHandler<E>(options));
  app.notFound(notFound<E>(app, options));
  return app;
}
