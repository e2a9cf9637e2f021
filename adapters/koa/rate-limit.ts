// Rate limiting for Koa: pick the key and cost from the context, let the core consume, set the
// fields on the response. A refusal or a closed store failure is thrown, for `errorHandler`
// (registered before it) to render like every other error.
import type { Context, Middleware, Next } from 'koa';
import { createRateLimit, headerText, type ClientAddress, type RateLimitOptions, type RequestFacts, type WarningChannel } from '../../src/kit.js';
import { facts } from './request-facts.js';

export { ipKey } from '../../src/kit.js';

export interface KoaRateLimitOptions extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the client IP as Koa reports it (`ctx.ip`), an IPv6
   * address keyed by its /56 (`ipv6Subnet`). Behind a proxy that is the proxy's address unless
   * `app.proxy = true` (and `app.maxIpsCount`) says otherwise (a request with `X-Forwarded-For`
   * while it does not is warned of once). A key of your own that falls back to the IP: `ipKey(ctx.ip)`.
   */
  readonly key?: (ctx: Context) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((ctx: Context) => number);
}

/** `app.use(rateLimit({ limiter }))`, after `errorHandler()`. */
export function rateLimit(options: KoaRateLimitOptions): Middleware {
  const limit = createRateLimit(options, emitWarning);
  const { key: keyOf, cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return async function faultlineRateLimit(ctx: Context, next: Next): Promise<void> {
    // Built only if the limiter has something to tell onError: not on an admitted request.
    const request = (): RequestFacts => facts(ctx);
    const key = keyOf === undefined ? limit.clientKey(clientOf(ctx), request) : String(await keyOf(ctx));
    const decision = await limit.consume(key, costOf(ctx), request);
    ctx.set(decision.headers);
    await next();
  };
}

const emitWarning: WarningChannel = (warning) => process.emitWarning(warning);

function clientOf(ctx: Context): ClientAddress {
  return {
    address: ctx.ip,
    trustsProxy: ctx.app.proxy,
    howToTrust: 'Tell Koa to believe it (app.proxy = true, and app.maxIpsCount for the number of hops), or pass rateLimit a key.',
    forwardedFor: headerText(ctx.req.headers['x-forwarded-for']),
  };
}
