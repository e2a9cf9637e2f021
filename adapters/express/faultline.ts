import type { Application, Router } from 'express';
import type { FaultlineOptions } from '../../src/kit.js';
// oxlint-disable-next-line import/no-cycle -- see index.ts
import { errorHandler, notFound } from './index.js';

/**
 * Everything faultline needs on an Express app (or router), with one options object: `notFound()`
 * for unmatched routes and `errorHandler(options)`. Call it last, after every route: Express runs
 * middleware in the order they were added. Returns the app.
 *
 * ```ts
 * app.get('/pins/:id', …);
 * faultline(app, { envelope: 'problem-details' });
 * ```
 */
export function faultline<A extends Application | Router>(app: A, options?: FaultlineOptions): A {
  app.use(notFound(), errorHandler(options));
  return app;
}
