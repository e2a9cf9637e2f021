// faultline for Express 4 and 5: read the request, call the core, write the response.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import {
  createFaultline,
  expressRouteMethods,
  routeNotFound,
  STALE_HEADERS,
  withExistingVary,
  type ErrorResponse,
  type FaultlineOptions,
} from '../../src/kit.js';
import { facts, pathOf } from './request-facts.js';

export type { FaultlineOptions } from '../../src/kit.js';
export { validate, type RequestSchemas, type ValidateMiddleware, type ValidateOptions } from './validate.js';
export { ipKey, rateLimit, type ExpressRateLimitOptions } from './rate-limit.js';

/**
 * The error middleware: `app.use(errorHandler(options))`, after every route. Once headers have
 * been sent nothing can be corrected, so the error goes to Express, which closes the connection.
 * A client that has gone (an aborted upload) is told to `onError` as 499 and sent nothing.
 */
export function errorHandler(options?: FaultlineOptions): ErrorRequestHandler {
  const faultline = createFaultline(options);
  return function faultlineErrorHandler(error: unknown, req: Request, res: Response, next: (error?: unknown) => void) {
    if (res.headersSent) {
      next(error);
      return;
    }
    const request = facts(req);
    const response = faultline.handle(error, request);
    if (request.aborted?.() === true) {
      res.destroy();
      return;
    }
    write(res, response);
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

function write(res: Response, response: ErrorResponse): void {
  for (const name of STALE_HEADERS) res.removeHeader(name);
  res.statusCode = response.status;
  const headers = withExistingVary(response.headers, res.getHeader('vary'));
  for (const name in headers) res.setHeader(name, headers[name] as string);
  if (response.body === null) {
    res.end();
  } else {
    res.setHeader('content-length', Buffer.byteLength(response.body));
    res.end(response.body);
  }
}
