import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterUnion } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { createFaultline, errors, HttpError, isHttpError, type RateLimitHeaderStandard } from '../../src/index.js';
import { createRateLimit, isInProcessLimiter, rateLimitHeaderFields, type RateLimitState } from '../../src/kit.js';

const REQ = { method: 'GET', path: '/pins' };

describe('rateLimitHeaderFields: the exact syntax of each standard', () => {
  const state: RateLimitState = { limit: 100, windowSeconds: 60, remaining: 7.9, resetSeconds: 29.2, policy: 'pins' };
  const rows: [RateLimitHeaderStandard, Record<string, string>][] = [
    ['draft-8', { 'ratelimit-policy': '"pins";q=100;w=60', ratelimit: '"pins";r=7;t=30' }],
    ['draft-7', { 'ratelimit-policy': '100;w=60', ratelimit: 'limit=100, remaining=7, reset=30' }],
    ['draft-6', { 'ratelimit-policy': '100;w=60', 'ratelimit-limit': '100', 'ratelimit-remaining': '7', 'ratelimit-reset': '30' }],
    [false, {}],
  ];
  it.each(rows)('%s', (standard, expected) => {
    expect(rateLimitHeaderFields(state, standard)).toEqual(expected);
  });

  it('legacy: the reset is an epoch second', () => {
    const fields = rateLimitHeaderFields(state, 'legacy');
    expect(fields['x-ratelimit-limit']).toBe('100');
    expect(fields['x-ratelimit-remaining']).toBe('7');
    expect(Number(fields['x-ratelimit-reset']) - Math.ceil(Date.now() / 1000)).toBe(30);
  });

  it('a policy name that would break the structured field is cleaned; negative and NaN numbers never appear', () => {
    const fields = rateLimitHeaderFields({ limit: -5, remaining: Number.NaN, resetSeconds: -3, policy: 'a"b\r\n;c' }, 'draft-8');
    expect(fields).toEqual({ 'ratelimit-policy': '"abc";q=0', ratelimit: '"abc";r=0;t=0' });
  });
});

describe('createRateLimit (core, real RateLimiterMemory)', () => {
  it('admits with the state and fields, refuses with an HttpError 429 carrying the full state', async () => {
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 2, duration: 10, keyPrefix: 'login' }) });
    const first = await limit.consume('k', 1, REQ);
    expect(first.state).toEqual({ limit: 2, windowSeconds: 10, remaining: 1, resetSeconds: 10, policy: 'login', standard: 'draft-8' });
    expect(first.headers).toEqual({ 'ratelimit-policy': '"login";q=2;w=10', ratelimit: '"login";r=1;t=10' });
    await limit.consume('k', 1, REQ);
    const refusal = await limit.consume('k', 1, REQ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isHttpError(refusal)).toBe(true);
    const error = refusal as HttpError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(10);
    expect(error.rateLimit).toMatchObject({ limit: 2, windowSeconds: 10, remaining: 0, resetSeconds: 10, policy: 'login' });
    // Like an http-errors error: a framework's own handler would send these too.
    expect(error.headers).toEqual({ 'Retry-After': '10', 'ratelimit-policy': '"login";q=2;w=10', ratelimit: '"login";r=0;t=10' });
    const response = createFaultline().handle(error, REQ);
    expect(response.headers).toMatchObject({ 'retry-after': '10', ratelimit: '"login";r=0;t=10', 'ratelimit-policy': '"login";q=2;w=10' });
  });

  it('the library default keyPrefix is not a policy name', async () => {
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 2, duration: 10 }) });
    expect((await limit.consume('k', 1, REQ)).state?.policy).toBe('default');
    const named = createRateLimit({ limiter: new RateLimiterMemory({ points: 2, duration: 10 }), policy: 'api' });
    expect((await named.consume('k', 1, REQ)).state?.policy).toBe('api');
  });

  it('points that never expire (duration 0): no window, no Retry-After', async () => {
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 1, duration: 0 }) });
    expect((await limit.consume('k', 1, REQ)).headers).toEqual({ 'ratelimit-policy': '"default";q=1', ratelimit: '"default";r=0;t=0' });
    const error = (await limit.consume('k', 1, REQ).catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBeUndefined();
  });

  it('a union: the member with the fewest points left, no quota (a union exposes none)', async () => {
    const union = new RateLimiterUnion(
      new RateLimiterMemory({ points: 5, duration: 10, keyPrefix: 'burst' }),
      new RateLimiterMemory({ points: 3, duration: 100, keyPrefix: 'daily' }),
    );
    const decision = await createRateLimit({ limiter: union }).consume('k', 1, REQ);
    expect(decision.state).toEqual({ remaining: 2, resetSeconds: 100, policy: 'daily', standard: 'draft-8' });
  });

  it('code and message of the refusal are configurable (seed 001: RATE_LIMIT)', async () => {
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 0, duration: 5 }), code: 'RATE_LIMIT', message: 'Slow down' });
    const error = (await limit.consume('k', 1, REQ).catch((e: unknown) => e)) as HttpError;
    expect(createFaultline({ envelope: 'error-message-code' }).handle(error, REQ).body).toBe(
      '{"error":"Too Many Requests","message":"Slow down","code":"RATE_LIMIT","retryAfter":5}',
    );
  });

  it('bad options throw at setup', () => {
    const limiter = new RateLimiterMemory({ points: 1, duration: 1 });
    expect(() => createRateLimit({} as never)).toThrow(/limiter/);
    expect(() => createRateLimit({ limiter, headers: 'draft-9' as never })).toThrow(/headers/);
    expect(() => createRateLimit({ limiter, onStoreError: 'maybe' as never })).toThrow(/onStoreError/);
    expect(() => createRateLimit({ limiter, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createRateLimit({ limiter, storeRetryAfter: -1 })).toThrow(/storeRetryAfter/);
  });

  it('a RateLimiterMemory is never cut off by the store timeout: its memory store cannot hang', async () => {
    // execEvenly answers the second request of the window after a timer (about half a second here),
    // far past a 1 ms store timeout that would otherwise turn it into a 503.
    const limiter = new RateLimiterMemory({ points: 2, duration: 1, execEvenly: true });
    const limit = createRateLimit({ limiter, timeoutMs: 1 });
    expect(isInProcessLimiter(limiter)).toBe(true);
    await limit.consume('k', 1, REQ);
    await expect(limit.consume('k', 1, REQ)).resolves.toMatchObject({ state: { remaining: 0 } });
  });

  it('tells in-process limiters (memory, a union of them, a subclass) from the others (Redis: express-redis.test.ts)', () => {
    class Tuned extends RateLimiterMemory {}
    const memory = new RateLimiterMemory({ points: 1, duration: 1 });
    expect(isInProcessLimiter(new Tuned({ points: 1, duration: 1 }))).toBe(true);
    expect(isInProcessLimiter(new RateLimiterUnion(memory, new RateLimiterMemory({ points: 2, duration: 1 })))).toBe(true);
    expect(isInProcessLimiter({ consume: async () => ({}) })).toBe(false);
  });

  it('a bad cost rejects with a TypeError, even failing open', async () => {
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 5, duration: 5 }), onStoreError: 'open' });
    await expect(limit.consume('k', 1.5, REQ)).rejects.toBeInstanceOf(TypeError);
    await expect(limit.consume('k', -1, REQ)).rejects.toBeInstanceOf(TypeError);
  });
});

const client = (forwardedFor?: string) => ({ address: '127.0.0.1', trustsProxy: false, howToTrust: 'Trust it.', forwardedFor });

describe('the request facts a limiter is given as a function: built only when told to onError', () => {
  it('an admitted request and a refused one never build them', async () => {
    let built = 0;
    const request = () => (built++, REQ);
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 1, duration: 60 }), onError: () => undefined });
    const key = limit.clientKey(client(), request);
    await limit.consume(key, 1, request);
    await expect(limit.consume(key, 1, request)).rejects.toMatchObject({ status: 429 });
    expect(built).toBe(0);
  });

  it('an undeclared proxy builds them once, for onError, and says it once', async () => {
    let built = 0;
    const told: string[] = [];
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 5, duration: 60 }), onError: (fault, _thrown, request) => void told.push(`${fault.code} ${request.path}`) });
    const request = () => (built++, REQ);
    limit.clientKey(client('203.0.113.1'), request);
    limit.clientKey(client('203.0.113.2'), request);
    expect(told).toEqual(['UNDECLARED_PROXY /pins']);
    expect(built).toBe(1);
  });

  it('without forwardedFor, the header is read through the facts, built once for both uses', () => {
    let built = 0;
    const told: string[] = [];
    const limit = createRateLimit({ limiter: new RateLimiterMemory({ points: 5, duration: 60 }), onError: (fault) => void told.push(fault.code) });
    const facts = { ...REQ, header: (name: string) => (name === 'x-forwarded-for' ? '203.0.113.1' : undefined) };
    limit.clientKey({ address: '127.0.0.1', trustsProxy: false, howToTrust: 'Trust it.' }, () => (built++, facts));
    expect(told).toEqual(['UNDECLARED_PROXY']);
    expect(built).toBe(1);
  });

  it('a store failure let through builds them once, for onError', async () => {
    // A real RateLimiterRedis whose client has no server (port 1 refuses): without an offline
    // queue, ioredis fails the command at once, as during an outage.
    const redis = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    redis.on('error', () => {});
    try {
      let built = 0;
      const told: number[] = [];
      const limiter = new RateLimiterRedis({ storeClient: redis, points: 5, duration: 60 });
      const limit = createRateLimit({ limiter, onStoreError: 'open', timeoutMs: 2000, onError: (fault) => void told.push(fault.status) });
      await expect(limit.consume('k', 1, () => (built++, REQ))).resolves.toMatchObject({ state: undefined });
      expect(told).toEqual([503]);
      expect(built).toBe(1);
    } finally {
      redis.disconnect();
    }
  });
});

describe('an HttpError carrying rateLimit, however it was made', () => {
  it('renders the state with the handler standard when it names none', () => {
    const thrown = errors.tooManyRequests(undefined, { retryAfter: 7, rateLimit: { limit: 10, windowSeconds: 60, remaining: 0, resetSeconds: 7 } });
    const response = createFaultline({ rateLimitHeaders: 'draft-6' }).handle(thrown, REQ);
    expect(response.headers).toMatchObject({ 'retry-after': '7', 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': '7', 'ratelimit-policy': '10;w=60' });
  });

  it('a hostile rateLimit member is dropped, not rendered', () => {
    const hostile = errors.tooManyRequests(undefined, {
      rateLimit: { remaining: Number.POSITIVE_INFINITY, resetSeconds: 1 } as RateLimitState,
    });
    const withGetter = errors.tooManyRequests();
    Object.defineProperty(withGetter, 'rateLimit', { get: () => { throw new Error('SECRET'); } });
    for (const thrown of [hostile, withGetter]) {
      const response = createFaultline().handle(thrown, REQ);
      expect(response.status).toBe(429);
      expect(response.headers.ratelimit).toBeUndefined();
    }
  });
});
