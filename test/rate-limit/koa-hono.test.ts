// rateLimit on Koa and Hono (on @hono/node-server), over 127.0.0.1 with a real memory limiter:
// the same fields and the same 429 as on Express.
import { createServer, type Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import Koa from 'koa';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it } from 'vitest';
import * as honoAdapter from '../../adapters/hono/index.js';
import * as koaAdapter from '../../adapters/koa/index.js';
import type { EnvelopeName } from '../../src/index.js';
import type { RateLimitOptions } from '../../src/kit.js';
import { listen, request } from '../support/http.js';

type Running = { url: string; close: () => Promise<void> };
let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const limiter = (points: number) => new RateLimiterMemory({ points, duration: 60, keyPrefix: 'api' });

async function koaApp(options: Omit<koaAdapter.KoaRateLimitOptions, 'limiter'> & Pick<RateLimitOptions, 'limiter'>, envelope: EnvelopeName, proxy = false): Promise<Running> {
  const app = new Koa();
  app.proxy = proxy;
  app.silent = true;
  app.use(koaAdapter.errorHandler({ envelope }));
  app.use(koaAdapter.rateLimit(options));
  app.use((ctx) => {
    if (ctx.path === '/ok') ctx.body = { ok: true };
  });
  return listen(createServer(app.callback()));
}

async function honoApp(options: honoAdapter.HonoRateLimitOptions, envelope: EnvelopeName): Promise<Running> {
  const app = new Hono();
  app.use(honoAdapter.errorBoundary({ envelope }));
  app.use(honoAdapter.rateLimit(options));
  app.get('/ok', (c) => c.json({ ok: true }));
  app.notFound(honoAdapter.notFound({ envelope }));
  app.onError(honoAdapter.errorHandler({ envelope }));
  return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
}

const frameworks: [string, (points: number, envelope: EnvelopeName) => Promise<Running>][] = [
  ['koa', (points, envelope) => koaApp({ limiter: limiter(points) }, envelope)],
  [
    'hono',
    (points, envelope) =>
      honoApp({ limiter: limiter(points), key: (c) => getConnInfo(c).remote.address ?? 'unknown' }, envelope),
  ],
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
    expect(missing.headers.get('ratelimit')).toMatch(/^"api";r=4;t=(59|60)$/);
  });
});

describe('rateLimit on Koa: the default key is ctx.ip', () => {
  it('X-Forwarded-For counts only with app.proxy', async () => {
    running = await koaApp({ limiter: limiter(1) }, 'problem-details');
    const from = (ip: string) => request(`${running!.url}/ok`, { headers: { 'x-forwarded-for': ip } });
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.2')).status).toBe(429);
    await running.close();
    running = await koaApp({ limiter: limiter(1) }, 'problem-details', true);
    const viaProxy = (ip: string) => request(`${running!.url}/ok`, { headers: { 'x-forwarded-for': ip } });
    expect((await viaProxy('203.0.113.1')).status).toBe(200);
    expect((await viaProxy('203.0.113.2')).status).toBe(200);
  });
});

describe('rateLimit on Hono: a key that is not a function', () => {
  it('throws at setup (without one, the connection address is the key: test/rate-limit/ip-keys.test.ts)', () => {
    expect(() => honoAdapter.rateLimit({ limiter: limiter(1), key: 'client' } as never)).toThrow(/option "key" is "client"; allowed: a function/);
  });
});
