// Express 5: the 404 route through faultline, a minimal hand-written handler, or written directly;
// the ok path with and without rateLimit / validate; the failing validation path through faultline
// or a hand-written ajv → 400; a Redis-backed rateLimit refusing a key over its limit.
import { once } from 'node:events';
import { Ajv, type ErrorObject } from 'ajv';
import express, { type NextFunction, type Request, type Response } from 'express';
import createError from 'http-errors';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { errorHandler, rateLimit, validate } from '../../../adapters/express/index.js';
import { errors } from '../../../src/index.js';
import { DEFAULT_AJV_OPTIONS, LISTING_AJV_OPTIONS } from '../../../src/kit.js';
import { PIN_SCHEMA, validationBody } from './pin-schema.js';
import { AFTER_LOOKUP, afterLookup, announce, DIRECT, HAND_HEADERS, handBody, LOCALHOST, thrower, variantArg } from './shared.js';

const variant = variantArg([
  'faultline',
  'http-errors',
  'stackless',
  'direct',
  'ok',
  'ok-rate-limit',
  'ok-hand-limit',
  'ok-validate',
  'ok-ajv',
  'fail-validate',
  'fail-ajv',
  'fail-ajv-in-place',
  'redis-429',
  'redis-429-block',
] as const);
const app = express();
// Every server of a group sends the same headers; Express alone would add its name.
app.disable('x-powered-by');

function writeDirect(res: Response): void {
  res.writeHead(DIRECT.status, DIRECT.headers).end(DIRECT.text);
}

function writeHand(res: Response, status: number, body: string): void {
  res.statusCode = status;
  for (const name in HAND_HEADERS) res.setHeader(name, HAND_HEADERS[name] as string);
  res.end(body);
}

if (variant.startsWith('ok') || variant.startsWith('fail')) {
  app.use(express.json());
  const middleware: express.RequestHandler[] = [];
  if (variant === 'ok-rate-limit') {
    // Points enough never to refuse: the benchmark measures the bookkeeping, not refusals.
    middleware.push(rateLimit({ limiter: new RateLimiterMemory({ points: 1e12, duration: 3600 }) }));
  }
  if (variant === 'ok-hand-limit') {
    // The same limiter, by hand: consume the client IP's point, set the same two fields, go on.
    const limiter = new RateLimiterMemory({ points: 1e12, duration: 3600 });
    middleware.push((req, res, next) => {
      limiter.consume(req.ip ?? 'unknown').then((answer) => {
        res.setHeader('ratelimit-policy', '"default";q=1000000000000;w=3600');
        res.setHeader('ratelimit', `"default";r=${answer.remainingPoints};t=${Math.ceil(answer.msBeforeNext / 1000)}`);
        next();
      }, next);
    });
  }
  if (variant === 'ok-validate' || variant === 'fail-validate') middleware.push(validate({ body: PIN_SCHEMA }));
  if (variant === 'ok-ajv' || variant === 'fail-ajv' || variant === 'fail-ajv-in-place') {
    // Listing every problem of the body, as validate() does for a small one (the ok path is the same).
    const check = new Ajv(variant === 'ok-ajv' ? DEFAULT_AJV_OPTIONS : LISTING_AJV_OPTIONS).compile(PIN_SCHEMA);
    middleware.push((req, res, next) => {
      if (check(req.body)) {
        next();
        return;
      }
      // As validate() does, the failure goes to the app's error handler (where Sentry, loggers and
      // the like see it too); answering in place skips Express's error routing altogether.
      if (variant === 'fail-ajv-in-place') writeHand(res, 400, validationBody(check.errors as ErrorObject[]));
      else next(Object.assign(new Error('Request validation failed'), { status: 400, ajvErrors: check.errors }));
    });
  }
  app.post('/pins', ...middleware, (_req, res) => {
    res.status(201).json({ ok: true });
  });
  if (variant === 'fail-ajv') {
    app.use((error: { ajvErrors: ErrorObject[] }, _req: Request, res: Response, _next: NextFunction) => {
      writeHand(res, 400, validationBody(error.ajvErrors));
    });
  } else {
    app.use(errorHandler());
  }
} else if (variant === 'redis-429' || variant === 'redis-429-block') {
  const url = process.env.FAULTLINE_BENCH_REDIS_URL;
  if (url === undefined) throw new Error('server: FAULTLINE_BENCH_REDIS_URL is not set');
  const client = new Redis(url, { enableOfflineQueue: false });
  // Connected before the server is announced: without an offline queue, a command sent earlier fails.
  await once(client, 'ready');
  const limiter = new RateLimiterRedis({
    storeClient: client,
    keyPrefix: `bench-${variant}-${process.pid}`,
    points: 1,
    duration: 3600,
    // The recommended setting: once a key is over its limit, refuse it from memory until its window
    // ends, without asking Redis again.
    ...(variant === 'redis-429-block' ? { inMemoryBlockOnConsumed: 1 } : {}),
  });
  app.get('/limited', rateLimit({ limiter, key: () => 'one-client' }), (_req, res) => {
    res.status(200).end();
  });
  app.use(errorHandler());
} else if (variant === 'direct') {
  app.get('/pins/:id', AFTER_LOOKUP ? (_req, res) => afterLookup(() => writeDirect(res)) : (_req, res) => writeDirect(res));
} else if (variant === 'faultline' || variant === 'http-errors' || variant === 'stackless') {
  const make = thrower(variant, () => errors.notFound(), () => createError(404));
  const raise = (): never => {
    throw make();
  };
  // Express 5 hands a rejected promise to the error handlers as it does a throw.
  app.get('/pins/:id', AFTER_LOOKUP ? () => afterLookup(raise) : raise);
  if (variant === 'faultline') {
    app.use(errorHandler());
  } else {
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const { status, body } = handBody(error);
      writeHand(res, status, body);
    });
  }
}

const server = app.listen(0, LOCALHOST, () => announce(server));
