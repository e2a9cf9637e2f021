// rateLimit on h3 (toNodeHandler) and Elysia (served as the guide serves it), over 127.0.0.1 with a
// real memory limiter: the same fields and the same 429 as on Express.
import { createServer, type Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Elysia } from 'elysia';
import { H3, toNodeHandler } from 'h3';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it } from 'vitest';
import * as elysiaAdapter from '../../adapters/elysia/index.js';
import { errorBoundary as fetchBoundary } from '../../adapters/fetch/index.js';
import * as h3Adapter from '../../adapters/h3/index.js';
import type { EnvelopeName } from '../../src/index.js';
import { listen, request } from '../support/http.js';

type Running = { url: string; close: () => Promise<void> };
let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const limiter = (points: number) => new RateLimiterMemory({ points, duration: 60, keyPrefix: 'api' });

async function h3App(options: h3Adapter.H3RateLimitOptions, envelope: EnvelopeName): Promise<Running> {
  const app = new H3({ onError: h3Adapter.errorHandler({ envelope }), silent: true });
  app.use(h3Adapter.errorBoundary({ envelope }));
  app.use(h3Adapter.rateLimit(options));
  app.get('/ok', () => ({ ok: true }));
  return listen(createServer(toNodeHandler(app)));
}

async function elysiaApp(options: elysiaAdapter.ElysiaRateLimitOptions, envelope: EnvelopeName): Promise<Running> {
  const app = new Elysia()
    .use(elysiaAdapter.errorHandler({ envelope }))
    .use(elysiaAdapter.rateLimit(options))
    .get('/ok', () => ({ ok: true }));
  const fetch = fetchBoundary((req: Request) => app.handle(req), { envelope });
  return listen(createAdaptorServer({ fetch }) as Server);
}

const frameworks: [string, (points: number, envelope: EnvelopeName) => Promise<Running>][] = [
  ['h3', (points, envelope) => h3App({ limiter: limiter(points) }, envelope)],
  ['elysia', (points, envelope) => elysiaApp({ limiter: limiter(points), key: ({ request: req }) => req.headers.get('x-client') ?? 'anonymous' }, envelope)],
];

describe.each(frameworks)('rateLimit on %s', (_name, start) => {
  it('admitted responses carry the draft-8 fields; the (points+1)th is a 429 in the envelope', async () => {
    running = await start(2, 'numeric-code');
    for (const remaining of [1, 0]) {
      const ok = await request(`${running.url}/ok`);
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ ok: true });
      expect(ok.headers.get('ratelimit-policy')).toBe('"api";q=2;w=60');
      expect(ok.headers.get('ratelimit')).toMatch(new RegExp(`^"api";r=${remaining};t=(59|60)$`));
    }
    const refused = await request(`${running.url}/ok`);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect([59, 60]).toContain(wait);
    expect(refused.headers.get('ratelimit')).toBe(`"api";r=0;t=${wait}`);
    expect(refused.headers.get('ratelimit-policy')).toBe('"api";q=2;w=60');
    expect(refused.json).toEqual({ message: 'Too Many Requests', code: 0, retry_after: wait, global: false });
  });

  it('an unmatched route after the limiter is a 404 that still carries the fields', async () => {
    running = await start(5, 'problem-details');
    const missing = await request(`${running.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ status: 404, detail: 'Cannot GET /nowhere' });
    expect(missing.headers.get('ratelimit')).toMatch(/^"api";r=4;t=(59|60)$/);
  });
});

describe('rateLimit on h3: keys and costs', () => {
  it("the default key is the client address h3's server reports; a key function and a cost replace it", async () => {
    running = await h3App({ limiter: limiter(1) }, 'problem-details');
    const from = (client: string) => request(`${running!.url}/ok`, { headers: { 'x-client': client } });
    expect((await from('a')).status).toBe(200);
    // Same socket address (127.0.0.1), so the header does not matter by default.
    expect((await from('b')).status).toBe(429);
    await running.close();
    running = await h3App({ limiter: limiter(3), key: (event) => event.req.headers.get('x-client') ?? 'anonymous', cost: 2 }, 'problem-details');
    expect((await from('a')).status).toBe(200);
    expect((await from('b')).status).toBe(200);
    expect((await from('a')).status).toBe(429);
  });
});

describe('rateLimit on Elysia: keys', () => {
  it('a key function decides whose points a request spends', async () => {
    running = await elysiaApp({ limiter: limiter(1), key: ({ request: req }) => req.headers.get('x-client') ?? 'anonymous' }, 'problem-details');
    const from = (client: string) => request(`${running!.url}/ok`, { headers: { 'x-client': client } });
    expect((await from('a')).status).toBe(200);
    expect((await from('b')).status).toBe(200);
    expect((await from('a')).status).toBe(429);
  });
});
