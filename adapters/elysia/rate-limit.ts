// Rate limiting for Elysia: an `onRequest` hook, so every request counts, routed or not. The key
// comes from the app, the core consumes, the fields go on the response; a refusal or a closed
// store failure is thrown, for the `errorHandler` plugin to render.
import { Elysia } from 'elysia';
import { webRequestFacts, createRateLimit, type RateLimitOptions, type RequestFacts } from '../../src/kit.js';

/** What the key and cost functions are given. */
export interface RateLimitContext {
  readonly request: Request;
  /** Bun's server, when the app runs on Bun: `server.requestIP(request)`. */
  readonly server: { requestIP?(request: Request): { address: string } | null } | null;
}

export interface ElysiaRateLimitOptions extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the client address Bun reports
   * (`server.requestIP(request)`); behind a proxy, the proxy's: pass the header your proxy sets
   * instead. Where the runtime reports none, every request shares one bucket.
   */
  readonly key?: (context: RateLimitContext) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((context: RateLimitContext) => number);
}

/** The plugin: `app.use(errorHandler()).use(rateLimit({ limiter }))`. */
export function rateLimit(options: ElysiaRateLimitOptions): Elysia {
  const limit = createRateLimit(options);
  const keyOf = options.key ?? ((context: RateLimitContext) => context.server?.requestIP?.(context.request)?.address ?? 'unknown');
  const { cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return new Elysia().onRequest(async function faultlineRateLimit(context) {
    const at: RateLimitContext = { request: context.request, server: context.server as RateLimitContext['server'] };
    const decision = await limit.consume(String(await keyOf(at)), costOf(at), (): RequestFacts => webRequestFacts(context.request));
    Object.assign(context.set.headers, decision.headers);
  }) as unknown as Elysia;
}
