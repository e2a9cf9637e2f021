import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errorHandler, notFound, rateLimit, validate } from '../adapters/express/index.js';
import type { EnvelopeName } from '../src/index.js';
import { pinSchema } from './pins/schema.js';
import { PinService } from './pins/service.js';

/** The pins API on Express, its errors in the given envelope. */
export function pinsApp(envelope: EnvelopeName): express.Express {
  const pins = new PinService();
  const app = express();
  // 5 requests per 10 s per client on /pins: RateLimit fields on every answer, a 429 for the 6th.
  app.use('/pins', rateLimit({ limiter: new RateLimiterMemory({ points: 5, duration: 10 }) }));
  app.get('/pins', (_req, res) => {
    res.json({ count: pins.list().length, results: pins.list() });
  });
  app.get('/pins/:id', (req, res) => {
    res.json(pins.get(req.params.id));
  });
  app.post('/pins', express.json({ limit: '1kb' }), validate({ body: pinSchema }), (req, res) => {
    res.status(202).json(pins.add(req.body));
  });
  app.delete('/pins/:id', (req, res) => {
    pins.remove(req.params.id, req.get('authorization'));
    res.status(202).end();
  });
  app.get('/report', () => pins.report());
  app.use(notFound(), errorHandler({ envelope, messages: { 500: 'An unexpected error occurred' } }));
  return app;
}
