// Rate limiting for Express: pick the key and cost from the request, let the core consume, set the
// fields on the response. A refusal or a closed store failure goes to `next(error)`, for
// `errorHandler` to render like every other error.
import type { Request, RequestHandler, Response } from 'express';
import { createRateLimit, headerText, type ClientAddress, type RateLimitDecision, type RateLimitOptions, type RequestFacts, type WarningChannel } from '../../src/kit.js';
import { facts } from './request-facts.js';

export { ipKey } from '../../src/kit.js';

export interface ExpressRateLimitOptions extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the client IP as Express reports it (`req.ip`), an
   * IPv6 address keyed by its /56 (`ipv6Subnet`). Behind a proxy that is the proxy's address unless
   * `app.set('trust proxy', …)` says which hops to believe (a request with `X-Forwarded-For` while
   * it does not is warned of once). A key of your own that falls back to the IP: `ipKey(req.ip)`.
   */
  readonly key?: (req: Request) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((req: Request) => number);
}

/** `app.use(rateLimit({ limiter: new RateLimiterMemory({ points: 100, duration: 60 }) }))`. */
export function rateLimit(options: ExpressRateLimitOptions): RequestHandler {
  const limit = createRateLimit(options, emitWarning);
  const { key: keyOf, cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return function faultlineRateLimit(req: Request, res: Response, next: (error?: unknown) => void) {
    // Built only if the limiter has something to tell onError: not on an admitted request.
    const request = (): RequestFacts => facts(req);
    let key: string | Promise<string>;
    let points: number;
    try {
      key = keyOf === undefined ? limit.clientKey(clientOf(req), request) : keyOf(req);
      points = costOf(req);
    } catch (error) {
      next(error);
      return;
    }
    const admit = (decision: RateLimitDecision): void => {
      for (const name in decision.headers) res.setHeader(name, decision.headers[name] as string);
      next();
    };
    // A key known now (the client IP, usually) goes straight to the limiter: one promise less.
    if (typeof key === 'string') limit.consume(key, points, request).then(admit, next);
    else Promise.resolve(key).then((resolved) => limit.consume(String(resolved), points, request)).then(admit, next);
  };
}

const emitWarning: WarningChannel = (warning) => process.emitWarning(warning);

function clientOf(req: Request): ClientAddress {
  // What app.get('trust proxy') returns, without its argument juggling (sub-apps inherit settings).
  const trust: unknown = req.app.settings['trust proxy'];
  return {
    address: req.ip ?? req.socket.remoteAddress,
    trustsProxy: trust !== false && trust !== undefined && trust !== 0,
    howToTrust: "Tell Express which hops to believe (app.set('trust proxy', 1) for one proxy, or its address), or pass rateLimit a key.",
    forwardedFor: headerText(req.headers['x-forwarded-for']),
  };
}

