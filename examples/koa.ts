import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errorHandler, rateLimit, validate } from '../adapters/koa/index.js';
import type { EnvelopeName } from '../src/index.js';
import { pinSchema, type NewPin } from './pins/schema.js';
import { PinService } from './pins/service.js';

/** The pins API on Koa, its errors in the given envelope: the same domain as `examples/express.ts`. */
export function pinsApp(envelope: EnvelopeName): Koa {
  const pins = new PinService();
  const app = new Koa();
  // First: everything below that throws, and every unmatched route, leaves in the envelope.
  app.use(errorHandler({ envelope, messages: { 500: 'An unexpected error occurred' } }));
  const router = new Router();
  // 5 requests per 10 s per client on /pins: RateLimit fields on every answer, a 429 for the 6th.
  router.use('/pins', rateLimit({ limiter: new RateLimiterMemory({ points: 5, duration: 10 }) }));
  router.get('/pins', (ctx) => {
    ctx.body = { count: pins.list().length, results: pins.list() };
  });
  router.get('/pins/:id', (ctx) => {
    ctx.body = pins.get(ctx.params.id as string);
  });
  router.post('/pins', bodyParser({ jsonLimit: '1kb' }), validate({ body: pinSchema }), (ctx) => {
    ctx.status = 202;
    ctx.body = pins.add(ctx.request.body as NewPin);
  });
  router.delete('/pins/:id', (ctx) => {
    pins.remove(ctx.params.id as string, ctx.get('authorization') || undefined);
    ctx.status = 202;
    ctx.body = null;
  });
  router.get('/report', () => pins.report());
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
