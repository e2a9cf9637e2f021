import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errorHandler } from '../adapters/koa/index.js';
import type { EnvelopeName } from '../src/index.js';
import { PinService } from './pins/service.js';

/** The pins API on Koa, its errors in the given envelope: the same domain as `examples/express.ts`. */
export function pinsApp(envelope: EnvelopeName): Koa {
  const pins = new PinService();
  // In-memory rate limiting: 5 requests per 10 s per client on /pins.
  const limiter = new RateLimiterMemory({ points: 5, duration: 10 });
  const app = new Koa();
  // First: everything below that throws, and every unmatched route, leaves in the envelope.
  app.use(errorHandler({ envelope, messages: { 500: 'An unexpected error occurred' } }));
  app.use(async (ctx, next) => {
    if (ctx.path === '/pins' || ctx.path.startsWith('/pins/')) await limiter.consume(ctx.ip); // rejects with a RateLimiterRes when limited
    await next();
  });
  const router = new Router();
  router.get('/pins', (ctx) => {
    ctx.body = { count: pins.list().length, results: pins.list() };
  });
  router.get('/pins/:id', (ctx) => {
    ctx.body = pins.get(ctx.params.id as string);
  });
  router.post('/pins', bodyParser({ jsonLimit: '1kb' }), (ctx) => {
    ctx.status = 202;
    ctx.body = pins.add(ctx.request.body);
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
