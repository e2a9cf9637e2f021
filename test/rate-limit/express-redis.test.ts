import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/index.js';
import { isInProcessLimiter } from '../../src/kit.js';
import { request } from '../support/http.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { startRateLimitedApp, type RateLimitedApp } from './express-app.js';
import { connectRedis, waitReady } from './redis-client.js';

let redis: RedisServer;
const clients: Redis[] = [];
const apps: RateLimitedApp[] = [];
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis.stop();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((running) => running.close()));
  // A test that stopped Redis leaves it running again for the next one.
  await redis.start();
  for (const client of clients) if (client.options.enableOfflineQueue === false) await waitReady(client);
});

async function newClient(options?: Parameters<typeof connectRedis>[1]): Promise<Redis> {
  const made = await connectRedis(redis.port, options);
  clients.push(made);
  return made;
}

function redisLimiter(storeClient: Redis, points: number, extra: Record<string, unknown> = {}): RateLimiterRedis {
  prefixes += 1;
  return new RateLimiterRedis({ storeClient, points, duration: 60, keyPrefix: `rl${prefixes}`, ...extra });
}

async function startApp(spec: Parameters<typeof startRateLimitedApp>[0]): Promise<RateLimitedApp> {
  const started = await startRateLimitedApp(spec);
  apps.push(started);
  return started;
}

/** Times one request: no request may wait past the store timeout (plus HTTP overhead). */
async function timed(url: string) {
  const started = performance.now();
  const res = await request(url);
  return { res, ms: performance.now() - started };
}

describe('rateLimit (Express) with RateLimiterRedis and ioredis', () => {
  it('admits exactly points, refuses the next with the window Redis holds', async () => {
    const store = await newClient();
    const limiter = redisLimiter(store, 3);
    const running = await startApp({ rateLimit: { limiter } });
    for (const remaining of [2, 1, 0]) {
      const ok = await request(`${running.url}/ok`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit')).toMatch(new RegExp(`^"${limiter.keyPrefix}";r=${remaining};t=(59|60)$`));
      expect(ok.headers.get('ratelimit-policy')).toBe(`"${limiter.keyPrefix}";q=3;w=60`);
    }
    const refused = await request(`${running.url}/ok`);
    expect(refused.status).toBe(429);
    // The count and the expiry really live in Redis, under the default key (the client IP).
    const key = `${limiter.keyPrefix}:127.0.0.1`;
    expect(await store.get(key)).toBe('4');
    const ttl = await store.pttl(key);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(Math.ceil(ttl / 1000));
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('insuranceLimiter: with Redis down, the memory insurance limits instead, and the fields say its quota (no 503, no onError)', async () => {
    const store = await newClient();
    const told: unknown[] = [];
    const limiter = redisLimiter(store, 5, { insuranceLimiter: new RateLimiterMemory({ points: 2, duration: 30 }) });
    const running = await startApp({ rateLimit: { limiter, onStoreError: 'closed', onError: (_f, thrown) => told.push(thrown) } });
    const before = await request(`${running.url}/ok`);
    expect(before.status).toBe(200);
    expect(before.headers.get('ratelimit-policy')).toBe(`"${limiter.keyPrefix}";q=5;w=60`);
    await redis.stop();
    const during = [await timed(`${running.url}/ok`), await timed(`${running.url}/ok`), await timed(`${running.url}/ok`)];
    expect(during.map((r) => r.res.status)).toEqual([200, 200, 429]);
    // The insurance limiter's own policy, 2 points per 30 s, under the same policy name.
    for (const { res } of during) expect(res.headers.get('ratelimit-policy')).toBe(`"${limiter.keyPrefix}";q=2;w=30`);
    expect(during[0]?.res.headers.get('ratelimit')).toMatch(new RegExp(`^"${limiter.keyPrefix}";r=1;t=(29|30)$`));
    expect(during[2]?.res.headers.get('retry-after')).toMatch(/^(29|30)$/);
    // Redis back: the main limiter answers again, with its own quota.
    await redis.start();
    await waitReady(store);
    const after = await request(`${running.url}/ok`);
    expect(after.headers.get('ratelimit-policy')).toBe(`"${limiter.keyPrefix}";q=5;w=60`);
    for (const { ms } of during) expect(ms).toBeLessThan(500);
    expect(told).toEqual([]);
  });
});

// Commands Redis processed, not counting the INFO that asks.
async function commandsDuring(stats: Redis, action: () => Promise<void>): Promise<number> {
  const count = async (): Promise<number> => Number(/total_commands_processed:(\d+)/.exec(await stats.info('stats'))?.[1]);
  const before = await count();
  await action();
  return (await count()) - before - 1;
}

async function refusals(url: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await request(url);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  }
}

describe('rateLimit (Express) with RateLimiterRedis: a key already over its limit', () => {
  it('inMemoryBlockOnConsumed: refused from memory, without a Redis round trip (the recommended setting)', async () => {
    const store = await newClient();
    const stats = await newClient();
    const limiter = redisLimiter(store, 2, { inMemoryBlockOnConsumed: 2 });
    expect(isInProcessLimiter(limiter)).toBe(false);
    const running = await startApp({ rateLimit: { limiter } });
    // The request that uses the last point is the last one Redis hears of: the key is blocked in
    // memory for the rest of its window from then on.
    for (let i = 0; i < 2; i++) expect((await request(`${running.url}/ok`)).status).toBe(200);
    expect(await commandsDuring(stats, () => refusals(`${running.url}/ok`, 5))).toBe(0);
  });

  it('without it, every refusal asks Redis again', async () => {
    const store = await newClient();
    const stats = await newClient();
    const running = await startApp({ rateLimit: { limiter: redisLimiter(store, 2) } });
    for (let i = 0; i < 2; i++) expect((await request(`${running.url}/ok`)).status).toBe(200);
    expect(await commandsDuring(stats, () => refusals(`${running.url}/ok`, 5))).toBeGreaterThanOrEqual(5);
  });
});

describe('rateLimit (Express): Redis stopped mid-run, then restarted', () => {
  it("fail open: requests pass without RateLimit fields, onError is told; limiting resumes after the restart", async () => {
    const store = await newClient();
    const told: { fault: Fault; thrown: unknown; path: string }[] = [];
    const limiter = redisLimiter(store, 2);
    const running = await startApp({
      rateLimit: { limiter, onStoreError: 'open', onError: (fault, thrown, req) => told.push({ fault, thrown, path: req.path }) },
    });
    expect((await request(`${running.url}/ok`)).status).toBe(200);

    await redis.stop();
    for (let i = 0; i < 4; i++) {
      const { res, ms } = await timed(`${running.url}/ok?attempt=${i}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toBeNull();
      expect(ms).toBeLessThan(1500);
    }
    expect(told).toHaveLength(4);
    expect(told[0]?.fault.status).toBe(503);
    expect(told[0]?.thrown).toBeInstanceOf(Error);
    expect(told[0]?.path).toBe('/ok');

    await redis.start();
    await waitReady(store);
    // A fresh Redis (no persistence): the window starts over, and the limit holds again.
    expect((await request(`${running.url}/ok`)).status).toBe(200);
    expect((await request(`${running.url}/ok`)).status).toBe(200);
    const refused = await request(`${running.url}/ok`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^(59|60)$/);
    expect(told).toHaveLength(4);
  });

  it('fail closed: 503 with Retry-After in the envelope, then limiting resumes after the restart', async () => {
    const store = await newClient();
    const limiter = redisLimiter(store, 2);
    const running = await startApp({
      rateLimit: { limiter, onStoreError: 'closed', storeRetryAfter: 5 },
      handler: { envelope: 'error-message-code' },
    });
    expect((await request(`${running.url}/ok`)).status).toBe(200);

    await redis.stop();
    for (let i = 0; i < 3; i++) {
      const { res, ms } = await timed(`${running.url}/ok`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.json).toEqual({ error: 'Service Unavailable', message: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE' });
      // The store's own error text never reaches the client.
      expect(res.text).not.toMatch(/stream|writeable|redis/i);
      expect(ms).toBeLessThan(1500);
    }

    await redis.start();
    await waitReady(store);
    expect((await request(`${running.url}/ok`)).status).toBe(200);
    expect((await request(`${running.url}/ok`)).status).toBe(200);
    expect((await request(`${running.url}/ok`)).status).toBe(429);
  });

  it('a store that hangs (ioredis with its offline queue) is cut off at timeoutMs', async () => {
    // With the offline queue on, ioredis holds commands until it reconnects: only the timeout
    // stands between an outage and a request that never ends.
    const store = await newClient({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    const limiter = redisLimiter(store, 2);
    const running = await startApp({ rateLimit: { limiter, onStoreError: 'closed', timeoutMs: 300 } });
    expect((await request(`${running.url}/ok`)).status).toBe(200);
    await redis.stop();
    const { res, ms } = await timed(`${running.url}/ok`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1000);
  });
});
