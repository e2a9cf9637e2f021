// faultline for Koa 3 and 2: read the request, call the core, write the response through the context.
import type { Context, Middleware, Next } from 'koa';
import {
  createFaultline,
  HttpError,
  isStaleHeader,
  nodeRequestAborted,
  routeNotFound,
  withExistingVary,
  type ErrorResponse,
  type FaultlineOptions,
} from '../../src/kit.js';
import { koaRouteMethods } from './allowed-methods.js';
import { emitError, hasOwnListener, logToKoa } from './error-event.js';
import { facts, pathOf } from './request-facts.js';

export type { FaultlineOptions } from '../../src/kit.js';
export { validate, type KoaValidateMiddleware, type RequestSchemas, type SchemaOutput, type ValidateOptions } from './validate.js';
export { ipKey, rateLimit, type KoaRateLimitOptions } from './rate-limit.js';

/**
 * The error middleware: `app.use(errorHandler(options))`, before everything else. It renders what
 * the rest of the chain throws, and what Koa would otherwise answer in its own words: an unmatched
 * route (Koa's implicit 404) and a route that set an error status but no body. Each thrown error is
 * also emitted as `app.emit('error', err, ctx)` to the app's own listeners, as Koa's own handler
 * does, after the response is set, so they see the final `ctx.status`. Without a listener of its
 * own, Koa's default one is faultline's default logger: it hears of unexpected faults only.
 */
export function errorHandler(options?: FaultlineOptions): Middleware {
  const faultline = createFaultline(options, logToKoa);
  return async function faultlineErrorHandler(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
    } catch (thrown) {
      if (ctx.headerSent) {
        abandon(ctx, thrown, 500);
        return;
      }
      const request = facts(ctx);
      const response = faultline.handle(thrown, request, ctx);
      // The client has gone (an aborted upload): `onError` was told (499); nothing is written.
      // (Not Koa's `ctx.writable`: it is false for every HEAD request over HTTP/2.)
      if (request.aborted?.() === true) {
        abandon(ctx, thrown, response.status);
        return;
      }
      write(ctx, response);
      if (hasOwnListener(ctx.app)) emitError(ctx, thrown, response.status, false);
      return;
    }
    const unanswered = unansweredError(ctx);
    if (unanswered !== undefined) write(ctx, faultline.handle(unanswered, facts(ctx), ctx));
  };
}

/**
 * A terminal middleware, registered last: makes "no route matched" an error for `errorHandler`
 * (a 404, or a 405 with `Allow` when `@koa/router` serves the path for other methods). Optional, as
 * `errorHandler` already renders Koa's implicit 404 the same way.
 */
export function notFound(): Middleware {
  return function faultlineNotFound(ctx: Context): never {
    throw unmatched(ctx);
  };
}

function unmatched(ctx: Context): HttpError {
  return routeNotFound(ctx.method, pathOf(ctx), () => koaRouteMethods(ctx));
}

/**
 * What Koa would answer with its plain-text status body: its own 404 when nothing set a status or a
 * body (no route matched: a 404, or a 405 when `@koa/router` serves the path for other methods), or
 * an error status a route set without a body (`ctx.status = 403`; `@koa/router`'s `allowedMethods()`
 * 405, whose `Allow` stays). A body explicitly set to `null` is the route's choice and is kept.
 */
function unansweredError(ctx: Context): HttpError | undefined {
  if (ctx.respond === false || ctx.headerSent || nodeRequestAborted(ctx.req)) return undefined;
  if (ctx.body !== null && ctx.body !== undefined) return undefined;
  const response = ctx.response as unknown as { _explicitStatus?: boolean; _explicitNullBody?: boolean };
  if (response._explicitNullBody === true) return undefined;
  if (response._explicitStatus !== true) return ctx.status === 404 ? unmatched(ctx) : undefined;
  // `allowedMethods()`'s 405, worded as faultline's own: the same routes, so the same `Allow`.
  if (ctx.status === 405 && (koaRouteMethods(ctx)?.length ?? 0) > 0) return unmatched(ctx);
  return ctx.status >= 400 ? new HttpError(ctx.status) : undefined;
}

/**
 * Headers, or part of the body, are already out, or the client has gone: nothing can be corrected
 * and nothing may be sent. Koa's own handler only emits the error (flagged `headerSent`, as here)
 * and leaves the response open; an unfinished response is destroyed instead, so a client still
 * there sees a truncated body rather than a hanging one.
 */
function abandon(ctx: Context, thrown: unknown, status: number): void {
  emitError(ctx, thrown, status, true);
  ctx.respond = false;
  if (!ctx.res.writableEnded) ctx.res.destroy();
}

/**
 * Headers set before the error (CORS, `Vary`, security headers) stay, unlike with Koa's own
 * handler (koajs/koa#1127); only those describing the body that will not be sent go.
 */
function write(ctx: Context, response: ErrorResponse): void {
  for (const name of ctx.res.getHeaderNames()) if (isStaleHeader(name)) ctx.remove(name);
  ctx.status = response.status;
  ctx.set(withExistingVary(response.headers, ctx.response.get('vary')));
  if (response.body === null) {
    // HEAD: Koa never writes a body for it; an empty string keeps the content type, and no length
    // is claimed for a body that was not rendered.
    ctx.body = '';
    ctx.remove('content-length');
  } else {
    // The string, not the prepared bytes: Koa counts its length, and Node sends a string body in one
    // write with the head, bytes as a second chunk: measured about 2 µs a response cheaper. The
    // content type is already set, so Koa does not guess one for a string.
    ctx.body = response.body;
  }
}
