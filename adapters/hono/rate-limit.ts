// Rate limiting for Hono, web-standard only (Node, Bun, Deno, Workers): the key comes from the
// app, the core consumes, the fields go on the response. A refusal or a closed store failure is
// thrown, for `errorHandler` (`app.onError`) to render like every other error.
import type { Context, Env, MiddlewareHandler } from 'hono';
import { createRateLimit, type RateLimitOptions } from '../../src/kit.js';
import { facts } from './request-facts.js';

export interface HonoRateLimitOptions<E extends Env = Env> extends RateLimitOptions {
  /**
   * Whose points a request spends. Required: a web-standard Request carries no client address, so
   * Hono has no portable client IP. On Node, `getConnInfo(c).remote.address` from
   * `@hono/node-server/conninfo`; behind a proxy, the header your proxy sets.
   */
  readonly key: (c: Context<E>) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((c: Context<E>) => number);
}

/** `app.use(rateLimit({ limiter, key }))`. */
export function rateLimit<E extends Env = Env>(options: HonoRateLimitOptions<E>): MiddlewareHandler<E> {
  const limit = createRateLimit(options);
  if (options.key === undefined) {
    throw new TypeError('faultline: rateLimit() option "key" is required on Hono: a web-standard Request carries no client address (on Node: (c) => getConnInfo(c).remote.address)');
  }
  const { key, cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return async function faultlineRateLimit(c, next) {
    const decision = await limit.consume(String(await key(c)), costOf(c), facts(c));
    for (const name in decision.headers) c.header(name, decision.headers[name] as string);
    await next();
  };
}

