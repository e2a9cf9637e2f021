// Rate limiting for Koa: pick the key and cost from the context, let the core consume, set the
// fields on the response. A refusal or a closed store failure is thrown, for `errorHandler`
// (registered before it) to render like every other error.
import type { Context, Middleware, Next } from 'koa';
import { createRateLimit, type RateLimitOptions } from '../../src/kit.js';
import { facts } from './request-facts.js';

export interface KoaRateLimitOptions extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the client IP as Koa reports it (`ctx.ip`), which
   * behind a proxy is the proxy's unless `app.proxy = true` (and `app.maxIpsCount`) says otherwise.
   */
  readonly key?: (ctx: Context) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((ctx: Context) => number);
}

/** `app.use(rateLimit({ limiter }))`, after `errorHandler()`. */
export function rateLimit(options: KoaRateLimitOptions): Middleware {
  const limit = createRateLimit(options);
  const keyOf = options.key ?? ((ctx: Context) => ctx.ip || 'unknown');
  const { cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return async function faultlineRateLimit(ctx: Context, next: Next): Promise<void> {
    const decision = await limit.consume(String(await keyOf(ctx)), costOf(ctx), facts(ctx));
    ctx.set(decision.headers);
    await next();
  };
}

