// Rate limiting for Fastify: an `onRequest` hook that picks the key and cost from the request, lets
// the core consume, and sets the fields on the reply. A refusal or a closed store failure is
// thrown, for the error handler `errorHandler()` installs to render like every other error.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createRateLimit, headerText, type ClientAddress, type RateLimitOptions, type RequestFacts, type WarningChannel } from '../../src/kit.js';
import { facts } from './request-facts.js';

export { ipKey } from '../../src/kit.js';

export interface FastifyRateLimitOptions extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the client IP as Fastify reports it (`request.ip`), an
   * IPv6 address keyed by its /56 (`ipv6Subnet`). Behind a proxy that is the proxy's address unless
   * Fastify is made with `trustProxy` (a request with `X-Forwarded-For` while it is not is warned
   * of once). A key of your own that falls back to the IP: `ipKey(request.ip)`.
   */
  readonly key?: (request: FastifyRequest) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((request: FastifyRequest) => number);
}

/**
 * `app.addHook('onRequest', rateLimit({ limiter }))` for every route, or a route's own
 * `onRequest: rateLimit(...)`. Register `errorHandler()` first: it renders the refusal.
 */
export function rateLimit(options: FastifyRateLimitOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const limit = createRateLimit(options, emitWarning);
  const { key: keyOf, cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return async function faultlineRateLimit(request, reply) {
    // Built only if the limiter has something to tell onError: not on an admitted request.
    const known = (): RequestFacts => facts(request);
    const key = keyOf === undefined ? limit.clientKey(clientOf(request), known) : String(await keyOf(request));
    const decision = await limit.consume(key, costOf(request), known);
    void reply.headers(decision.headers);
  };
}

const emitWarning: WarningChannel = (warning) => process.emitWarning(warning);

function clientOf(request: FastifyRequest): ClientAddress {
  return {
    address: request.ip,
    // Fastify gives requests an `ips` list only when it was made with `trustProxy`.
    trustsProxy: 'ips' in request,
    howToTrust: "Make Fastify with trustProxy (Fastify({ trustProxy: '10.0.0.1' }), your proxy's address), or pass rateLimit a key.",
    forwardedFor: headerText(request.headers['x-forwarded-for']),
  };
}
