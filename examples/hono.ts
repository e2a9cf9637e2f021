import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errorBoundary, errorHandler, jsonBody, notFound, rateLimit, validate } from '../adapters/hono/index.js';
import { ENVELOPES, type EnvelopeName, type FaultlineOptions } from '../src/index.js';
import { pinSchema, type NewPin } from './pins/schema.js';
import { PinService } from './pins/service.js';

/** The pins API on Hono, its errors in the given envelope: the same domain module as on Express. */
export function pinsApp(envelope: EnvelopeName): Hono {
  const options: FaultlineOptions = { envelope, messages: { 500: 'An unexpected error occurred' } };
  const pins = new PinService();
  const app = new Hono();
  app.use(errorBoundary(options)); // first: catches what is not an Error (`throw 'text'`, a bare RateLimiterRes)
  app.onError(errorHandler(options));
  app.notFound(notFound(app, options)); // with the app: a path served for other methods is a 405 with Allow
  // 5 requests per 10 s per client on /pins: RateLimit fields on every answer, a 429 for the 6th.
  // Hono has no portable client IP, so the key is yours: on Node, the socket's address.
  app.use('/pins/*', rateLimit({ limiter: new RateLimiterMemory({ points: 5, duration: 10 }), key: (c) => getConnInfo(c).remote.address ?? 'unknown' }));
  app.get('/pins', (c) => c.json({ count: pins.list().length, results: pins.list() }));
  app.get('/pins/:id', (c) => c.json(pins.get(c.req.param('id'))));
  app.post('/pins', jsonBody({ limit: 1024 }), validate({ body: pinSchema }), async (c) => c.json(pins.add(await c.req.json<NewPin>()), 202));
  app.delete('/pins/:id', (c) => {
    pins.remove(c.req.param('id'), c.req.header('authorization'));
    return c.body(null, 202);
  });
  app.get('/report', () => pins.report());
  return app;
}

/**
 * Every envelope side by side (`/<envelope>/pins/404`), reason-details at the root. The root app comes
 * first, so its boundary is the outermost and each mounted app's own boundary catches inside it.
 */
export function allEnvelopesApp(): Hono {
  const app = pinsApp('reason-details');
  for (const envelope of Object.keys(ENVELOPES) as EnvelopeName[]) app.route(`/${envelope}`, pinsApp(envelope));
  return app;
}

/** Serves `allEnvelopesApp()` on 127.0.0.1 through `@hono/node-server`; on Bun, Deno or Workers, export its `fetch`. */
export function startHono(port: number, ready: (url: string) => void): void {
  serve({ fetch: allEnvelopesApp().fetch, port, hostname: '127.0.0.1' }, (info) => ready(`http://127.0.0.1:${info.port}`));
}
