// Koa's error event: how a Koa app logs, kept working when faultline answers the error.
import { format } from 'node:util';
import type Koa from 'koa';
import type { Context } from 'koa';
import type { Fault, RequestFacts } from '../../src/kit.js';

/**
 * `app.emit('error', err, ctx)` as Koa's `ctx.onerror` does it: with an Error (Koa's default
 * listener throws on anything else), flagged `headerSent` when the response was already out.
 */
export function emitError(ctx: Context, thrown: unknown, status: number, headerSent: boolean): void {
  const error = isNativeError(thrown) ? thrown : wrap(thrown, status);
  if (headerSent) {
    try {
      Object.assign(error, { headerSent: true });
    } catch {
      // A frozen error is still emitted, unflagged.
    }
  }
  try {
    ctx.app.emit('error', error, ctx);
  } catch {
    // A listener that throws must not turn a rendered error into a crash.
  }
}

/**
 * An `app.on('error')` listener of the app's own. Koa adds its default one, `app.onerror`, only
 * when the app has none; that one is how a Koa app logs by default.
 */
export function hasOwnListener(app: Koa): boolean {
  return app.listeners('error').some((listener) => listener !== app.onerror);
}

/**
 * faultline's default logger on Koa: an unexpected fault goes to Koa's default listener (which
 * prints its stack unless `app.silent`), when the app has no listener of its own. Listeners of the
 * app's own hear of every thrown error, whatever faultline's options (see `errorHandler`).
 */
export function logToKoa(thrown: unknown, fault: Fault, _request: RequestFacts, ctx: Context): void {
  if (!hasOwnListener(ctx.app)) emitError(ctx, thrown, fault.status, false);
}

// Koa's own test (`[object Error]` or instanceof), made safe for Proxies whose traps throw.
function isNativeError(value: unknown): value is Error {
  try {
    return Object.prototype.toString.call(value) === '[object Error]' || value instanceof Error;
  } catch {
    return false;
  }
}

/**
 * A thrown non-Error as Koa wraps one ("non-error thrown: …"), with the status it was answered with
 * and `expose` as `ctx.throw(status)` sets it, so Koa's default listener skips a 4xx (a rejected
 * `RateLimiterRes`, ajv's error array) exactly as it skips the same `ctx.throw`.
 */
function wrap(thrown: unknown, status: number): Error {
  let text: string;
  try {
    text = format('non-error thrown: %j', thrown);
  } catch {
    text = `non-error thrown: a value of type ${typeof thrown} that cannot be shown`;
  }
  return Object.assign(new Error(text, { cause: thrown }), { status, expose: status < 500 });
}
