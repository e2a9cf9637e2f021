// Express 5: the 404 route through faultline or a minimal hand-written handler, and the ok path
// with and without rateLimit / validate.
import { Ajv } from 'ajv';
import express, { type NextFunction, type Request, type Response } from 'express';
import createError from 'http-errors';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errorHandler, rateLimit, validate } from '../../../adapters/express/index.js';
import { errors } from '../../../src/index.js';
import { DEFAULT_AJV_OPTIONS } from '../../../src/kit.js';
import { PIN_SCHEMA } from './pin-schema.js';
import { announce, HAND_HEADERS, handBody, LOCALHOST, StacklessError, variantArg } from './shared.js';

const variant = variantArg(['faultline', 'http-errors', 'stackless', 'ok', 'ok-rate-limit', 'ok-validate', 'ok-ajv'] as const);
const app = express();

if (variant.startsWith('ok')) {
  app.use(express.json());
  const middleware: express.RequestHandler[] = [];
  if (variant === 'ok-rate-limit') {
    // Points enough never to refuse: the benchmark measures the bookkeeping, not refusals.
    middleware.push(rateLimit({ limiter: new RateLimiterMemory({ points: 1e12, duration: 3600 }) }));
  }
  if (variant === 'ok-validate') middleware.push(validate({ body: PIN_SCHEMA }));
  if (variant === 'ok-ajv') {
    const check = new Ajv(DEFAULT_AJV_OPTIONS).compile(PIN_SCHEMA);
    middleware.push((req, _res, next) => (check(req.body) ? next() : next(createError(400, 'Invalid request'))));
  }
  app.post('/pins', ...middleware, (_req, res) => {
    res.status(201).json({ ok: true });
  });
  app.use(errorHandler());
} else {
  const make = variant === 'faultline' ? () => errors.notFound() : variant === 'http-errors' ? () => createError(404) : () => new StacklessError(404, 'Not Found');
  app.get('/pins/:id', () => {
    throw make();
  });
  if (variant === 'faultline') {
    app.use(errorHandler());
  } else {
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const { status, body } = handBody(error);
      res.status(status).set(HAND_HEADERS).send(body);
    });
  }
}

const server = app.listen(0, LOCALHOST, () => announce(server));
