// @RateLimit on Nest (platform-fastify) with RateLimiterRedis and ioredis against a real
// redis-server: the count lives in Redis, and a store outage is the configured answer.
import { Controller, Get } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RateLimit, type NestRateLimitOptions } from '../../adapters/nest/index.js';
import type { RunningApp } from '../harness/harness.js';
import { connectRedis, waitReady } from '../rate-limit/redis-client.js';
import { request } from '../support/http.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { startNestApp } from './start-app.js';

let redis: RedisServer;
let store: Redis;
let app: RunningApp | undefined;
let prefixes = 0;

beforeAll(async () => {
  redis = await startRedis();
  store = await connectRedis(redis.port);
});
afterAll(async () => {
  store.disconnect();
  await redis.stop();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  // A test that stopped Redis leaves it running again for the next one.
  await redis.start();
  await waitReady(store);
});

function redisLimiter(points: number): RateLimiterRedis {
  prefixes += 1;
  return new RateLimiterRedis({ storeClient: store, points, duration: 60, keyPrefix: `nest${prefixes}` });
}

// The decorator takes the limiter when the class is defined: here, after Redis is up.
function limitedController(options: NestRateLimitOptions) {
  @Controller('ok')
  class LimitedController {
    @Get()
    @RateLimit(options)
    ok(): { ok: true } {
      return { ok: true };
    }
  }
  return LimitedController;
}

describe('@RateLimit (nest fastify) with RateLimiterRedis', () => {
  it('admits exactly points, with the fields; the next is a 429; the count is in Redis', async () => {
    const limiter = redisLimiter(3);
    app = await startNestApp('fastify', { controllers: [limitedController({ limiter })], filter: { envelope: 'numeric-code' } });
    for (const remaining of [2, 1, 0]) {
      const ok = await request(`${app.url}/ok`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit')).toMatch(new RegExp(`^"${limiter.keyPrefix}";r=${remaining};t=(59|60)$`));
      expect(ok.headers.get('ratelimit-policy')).toBe(`"${limiter.keyPrefix}";q=3;w=60`);
    }
    const refused = await request(`${app.url}/ok`);
    expect(refused.status).toBe(429);
    // The default key is the client IP (Fastify's request.ip).
    const key = `${limiter.keyPrefix}:127.0.0.1`;
    expect(await store.get(key)).toBe('4');
    const ttlSeconds = Math.ceil((await store.pttl(key)) / 1000);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(ttlSeconds);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.text).toBe(`{"message":"Too Many Requests","code":0,"retry_after":${retryAfter},"global":false}`);
  });

  it('Redis down, closed (the default): a 503 with Retry-After through the filter; limiting resumes after a restart', async () => {
    const limiter = redisLimiter(5);
    app = await startNestApp('fastify', { controllers: [limitedController({ limiter, timeoutMs: 500 })], filter: { envelope: 'problem-details' } });
    expect((await request(`${app.url}/ok`)).status).toBe(200);
    await redis.stop();
    const down = await request(`${app.url}/ok`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('1');
    expect(down.headers.get('ratelimit')).toBeNull();
    expect(down.text).toBe('{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Service Unavailable"}');
    await redis.start();
    await waitReady(store);
    const back = await request(`${app.url}/ok`);
    expect(back.status).toBe(200);
    // A restarted redis-server without persistence starts counting again.
    expect(back.headers.get('ratelimit')).toMatch(new RegExp(`^"${limiter.keyPrefix}";r=4;t=(59|60)$`));
  });

  it('Redis down, open: requests pass without fields, and onError is told', async () => {
    const told: number[] = [];
    const limiter = redisLimiter(5);
    app = await startNestApp('fastify', {
      controllers: [limitedController({ limiter, onStoreError: 'open', timeoutMs: 500, onError: (fault) => told.push(fault.status) })],
    });
    await redis.stop();
    const res = await request(`${app.url}/ok`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(res.headers.get('ratelimit')).toBeNull();
    expect(told).toEqual([503]);
  });
});
