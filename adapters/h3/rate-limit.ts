// Rate limiting for h3: the key comes from the event, the core consumes, the fields go on the
// response. A refusal or a closed store failure is thrown, for `errorHandler` (h3's `onError`).
import type { H3Event, Middleware } from 'h3';
import { createRateLimit, type RateLimitOptions, type RequestFacts } from '../../src/kit.js';
import { facts } from './request-facts.js';

export interface H3RateLimitOptions extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the client IP h3's server reports (`event.req.ip`,
   * the socket's address on Node, Bun and Deno; behind a proxy, the proxy's: pass the header your
   * proxy sets instead). Where the runtime reports none, every request shares one bucket.
   */
  readonly key?: (event: H3Event) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((event: H3Event) => number);
}

/** `app.use(rateLimit({ limiter }))`, or a route's `{ middleware: [rateLimit(…)] }`. */
export function rateLimit(options: H3RateLimitOptions): Middleware {
  const limit = createRateLimit(options);
  const keyOf = options.key ?? ((event: H3Event) => event.req.ip ?? 'unknown');
  const { cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return async function faultlineRateLimit(event, next) {
    const decision = await limit.consume(String(await keyOf(event)), costOf(event), (): RequestFacts => facts(event));
    for (const name in decision.headers) event.res.headers.set(name, decision.headers[name] as string);
    return next();
  };
}
