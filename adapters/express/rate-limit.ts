// Rate limiting for Express: pick the key and cost from the request, let the core consume, set the
// fields on the response. A refusal or a closed store failure goes to `next(error)`, for
// `errorHandler` to render like every other error.
import type { Request, RequestHandler, Response } from 'express';
import { createRateLimit, type RateLimitDecision, type RateLimitOptions } from '../../src/kit.js';
import { facts } from './request-facts.js';

export interface ExpressRateLimitOptions extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the client IP as Express reports it (`req.ip`), which
   * behind a proxy is the proxy's unless `app.set('trust proxy', …)` says which hops to believe.
   */
  readonly key?: (req: Request) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((req: Request) => number);
}

/** `app.use(rateLimit({ limiter: new RateLimiterMemory({ points: 100, duration: 60 }) }))`. */
export function rateLimit(options: ExpressRateLimitOptions): RequestHandler {
  const limit = createRateLimit(options);
  const keyOf = options.key ?? clientIp;
  const { cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return function faultlineRateLimit(req: Request, res: Response, next: (error?: unknown) => void) {
    let key: string | Promise<string>;
    let points: number;
    try {
      key = keyOf(req);
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
    if (typeof key === 'string') limit.consume(key, points, facts(req)).then(admit, next);
    else Promise.resolve(key).then((resolved) => limit.consume(String(resolved), points, facts(req))).then(admit, next);
  };
}

// Without a socket address (a connection already gone) every such request shares one bucket.
function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

