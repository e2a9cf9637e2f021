// Rate limiting for Nest: `@RateLimit(...)` binds a guard that picks the key and cost from the
// request, lets the core consume, and sets the RateLimit fields on the response. A refusal (429)
// or a closed store failure (503) is thrown, for the faultline filter to render with `Retry-After`
// and the fields, like every other error. A guard, because guards run before interceptors, pipes
// and the handler: a refused request costs nothing more, and `@Validate` (an interceptor) never
// runs for it.
import { applyDecorators, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import {
  checkOptions,
  createRateLimit,
  nonNegativeNumber,
  RATE_LIMIT_OPTION_RULES,
  isString,
  headerText,
  type ClientAddress,
  type RequestFacts,
  type RateLimit as CoreRateLimit,
  type RateLimiterLike,
  type RateLimitOptions,
  type WarningChannel,
} from '../../src/kit.js';
import { requestFacts, setHeaders } from './http.js';
import { loadPeer } from '../shared/node-peer.js';

/** What the default key reads of the request: Express's `req` and Fastify's `request` both have these. */
export interface NestHttpRequest {
  /** The client address as the platform reports it (trust-proxy aware). */
  readonly ip?: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly socket?: { readonly remoteAddress?: string };
}

/** What tells whether the platform trusts proxies: Express's app settings, or Fastify's `ips` list. */
interface PlatformRequest extends NestHttpRequest {
  readonly app?: { get?(setting: string): unknown };
  readonly ips?: unknown;
}

interface KeyAndCost<R> {
  /**
   * Whose points a request spends. Default: the client IP as the platform reports it (`req.ip` on
   * both), an IPv6 address keyed by its /56 (`ipv6Subnet`). Behind a proxy that is the proxy's
   * address unless the platform is told which hops to believe: `app.set('trust proxy', 'loopback')`
   * on platform-express (a `NestExpressApplication`), `new FastifyAdapter({ trustProxy: 'loopback' })`
   * on platform-fastify; a request with `X-Forwarded-For` while it is not is warned of once.
   */
  readonly key?: (request: R, context: ExecutionContext) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((request: R, context: ExecutionContext) => number);
}

/** A limiter of your own: `RateLimiterRedis` for several instances, a union, an insured one. */
export interface NestRateLimitWithLimiter<R> extends RateLimitOptions, KeyAndCost<R> {
  readonly points?: never;
  readonly duration?: never;
}

/** The embedded default: a `RateLimiterMemory` of `points` per `duration` seconds, per process. */
export interface NestRateLimitInMemory<R> extends Omit<RateLimitOptions, 'limiter'>, KeyAndCost<R> {
  readonly limiter?: never;
  /** Points per window. */
  readonly points: number;
  /** Window length in seconds (0: points never expire). */
  readonly duration: number;
  /** The memory limiter's `keyPrefix`, which is also the policy name the fields and problem details show. */
  readonly keyPrefix?: string;
  /** Seconds a key stays refused once it spent more than its points. Default 0 (until the window ends). */
  readonly blockDuration?: number;
}

export type NestRateLimitOptions<R = NestHttpRequest> = NestRateLimitWithLimiter<R> | NestRateLimitInMemory<R>;

/**
 * The guard `@RateLimit` binds. Made directly, it also serves `app.useGlobalGuards(...)` (every
 * route, before any other guard: a flood of bad logins is limited before it is authenticated).
 * The limiter is made (or checked) now: a bad option throws at startup.
 */
export class RateLimitGuard<R = NestHttpRequest> implements CanActivate {
  readonly limit: CoreRateLimit;
  private readonly keyOf: ((request: R, context: ExecutionContext) => string | Promise<string>) | undefined;
  private readonly costOf: (request: R, context: ExecutionContext) => number;

  constructor(options: NestRateLimitOptions<R>) {
    this.limit = createRateLimit({ ...options, limiter: limiterOf(options) }, emitWarning, '@RateLimit()', IN_MEMORY_RULES);
    this.keyOf = options.key;
    const { cost } = options;
    this.costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Failing closed: a limit on a WebSocket or RPC handler would otherwise admit everything.
    if (context.getType() !== 'http') throw new TypeError('faultline: @RateLimit limits HTTP requests only');
    const http = context.switchToHttp();
    const req = http.getRequest<R>();
    // Built only if the limiter has something to tell onError: not on an admitted request.
    const facts = (): RequestFacts => requestFacts(req);
    const key = this.keyOf === undefined ? this.limit.clientKey(clientOf(req as PlatformRequest), facts) : String(await this.keyOf(req, context));
    const decision = await this.limit.consume(key, this.costOf(req, context), facts);
    setHeaders(http.getResponse(), decision.headers);
    return true;
  }
}

/** What `@RateLimit` returns: a decorator for a controller class (one bucket for all its handlers) or a handler. */
export type RateLimitDecorator = ReturnType<typeof applyDecorators>;

/**
 * `@RateLimit({ points: 100, duration: 60 })` (in memory, per process), or
 * `@RateLimit({ limiter: new RateLimiterRedis({ storeClient, points, duration }) })` for several
 * instances. Admitted responses carry the RateLimit fields; the request past the limit is a 429
 * with `Retry-After`, in the route's envelope.
 */
export function RateLimit<R = NestHttpRequest>(options: NestRateLimitOptions<R>): RateLimitDecorator {
  return applyDecorators(UseGuards(new RateLimitGuard<R>(options)));
}

interface MemoryLimiterClass {
  new (options: { points: number; duration: number; keyPrefix?: string; blockDuration?: number }): RateLimiterLike;
}

// The options of the embedded RateLimiterMemory, as rate-limiter-flexible allows them.
const IN_MEMORY_RULES = { points: nonNegativeNumber, duration: nonNegativeNumber, keyPrefix: isString, blockDuration: nonNegativeNumber };

function limiterOf<R>(options: NestRateLimitOptions<R>): RateLimiterLike {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('faultline: @RateLimit() takes { points, duration } or { limiter }');
  }
  checkOptions(options, { ...RATE_LIMIT_OPTION_RULES, ...IN_MEMORY_RULES }, '@RateLimit()');
  if (options.limiter !== undefined) {
    if (options.points !== undefined || options.duration !== undefined) {
      throw new TypeError('faultline: @RateLimit() takes either a limiter or points and duration, not both');
    }
    return options.limiter;
  }
  if (options.points === undefined || options.duration === undefined) {
    throw new TypeError('faultline: @RateLimit() takes { points, duration } (both) or { limiter }');
  }
  const { points, duration, keyPrefix, blockDuration } = options;
  let RateLimiterMemory: MemoryLimiterClass;
  try {
    ({ RateLimiterMemory } = loadPeer('rate-limiter-flexible') as { RateLimiterMemory: MemoryLimiterClass });
  } catch (error) {
    throw new Error('faultline: @RateLimit needs rate-limiter-flexible (npm install rate-limiter-flexible), or pass { limiter }', {
      cause: error,
    });
  }
  // rate-limiter-flexible checks points and duration itself, here at startup.
  return new RateLimiterMemory({
    points,
    duration,
    ...(keyPrefix === undefined ? {} : { keyPrefix }),
    ...(blockDuration === undefined ? {} : { blockDuration }),
  });
}

const emitWarning: WarningChannel = (warning) => process.emitWarning(warning);

function clientOf(req: PlatformRequest): ClientAddress {
  // platform-express: Express's `trust proxy` setting; platform-fastify: Fastify gives requests an
  // `ips` list only when made with `trustProxy`.
  const express = typeof req.app?.get === 'function';
  const trust: unknown = express ? req.app?.get?.('trust proxy') : undefined;
  return {
    address: req.ip ?? req.socket?.remoteAddress,
    trustsProxy: express ? trust !== false && trust !== undefined && trust !== 0 : 'ips' in req,
    howToTrust: express
      ? "Tell Express which hops to believe (app.set('trust proxy', 1) on the NestExpressApplication), or pass @RateLimit a key."
      : "Make the adapter trust it (new FastifyAdapter({ trustProxy: '10.0.0.1' }), your proxy's address), or pass @RateLimit a key.",
    forwardedFor: headerText(req.headers['x-forwarded-for']),
  };
}
