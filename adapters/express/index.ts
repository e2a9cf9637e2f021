// faultline for Express 4 and 5: read the request, call the core, write the response.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import {
  createFaultline,
  logToConsole,
  expressRouteMethods,
  routeNotFound,
  type Fault,
  type FaultlineOptions,
  type RequestFacts,
} from '../../src/kit.js';
import { writeNodeResponse } from '../shared/node-response.js';
import { facts, pathOf } from './request-facts.js';

export type { FaultlineOptions } from '../../src/kit.js';
export { validate, type RequestSchemas, type SchemaOutput, type ValidateMiddleware, type ValidateOptions } from './validate.js';
export { ipKey, rateLimit, type ExpressRateLimitOptions } from './rate-limit.js';
// A cycle by design, safe: faultline() calls this file's handlers only when called, after both
// modules have loaded. It goes away once the handlers live in files of their own.
// oxlint-disable-next-line import/no-cycle
export { faultline } from './faultline.js';

/**
 * The error middleware: `app.use(errorHandler(options))`, after every route. Once headers have
 * been sent nothing can be corrected, so the error goes to Express, which closes the connection.
 * A client that has gone (an aborted upload) is told to `onError` as 499 and sent nothing.
 */
export function errorHandler(options?: FaultlineOptions): ErrorRequestHandler {
  const faultline = createFaultline(options, logLikeExpress);
  return function faultlineErrorHandler(error: unknown, req: Request, res: Response, next: (error?: unknown) => void) {
    if (res.headersSent) {
      next(error);
      return;
    }
    const request = facts(req);
    const response = faultline.handle(error, request, req);
    if (request.aborted?.() === true) {
      // The client has gone (an aborted upload): `onError` was told (499); nothing is written.
      res.destroy();
      return;
    }
    writeNodeResponse(res, response, request.httpVersion);
  };
}

/**
 * The last ordinary middleware: turns "no route matched" into an error for `errorHandler`, a 404,
 * or a 405 with `Allow` when the app's routes serve the path for other methods (read from the
 * app's router then, for this request only).
 */
export function notFound(): RequestHandler {
  return function faultlineNotFound(req: Request, _res: Response, next: (error?: unknown) => void) {
    const path = pathOf(req);
    next(routeNotFound(req.method, path, () => expressRouteMethods(req.app, path)));
  };
}

/** Express's own `logerror`: the stack to stderr, unless the app's `env` setting is `'test'`. */
function logLikeExpress(thrown: unknown, _fault: Fault, _request: RequestFacts, req: Request): void {
  if (req.app?.get('env') !== 'test') logToConsole(thrown);
}
