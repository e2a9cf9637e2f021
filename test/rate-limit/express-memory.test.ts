import { RateLimiterMemory, RateLimiterUnion } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnvelopeName, RateLimitHeaderStandard } from '../../src/index.js';
import { request, type Received } from '../support/http.js';
import { startRateLimitedApp, type RateLimitedApp } from './express-app.js';

let app: RateLimitedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function limiter(points: number, duration = 60, keyPrefix = 'api'): RateLimiterMemory {
  return new RateLimiterMemory({ points, duration, keyPrefix });
}

/** Reset seconds of a fresh 60 s window: 60, or 59 if a second boundary passed meanwhile. */
const FRESH_WINDOW = /^(59|60)$/;

function rateLimitFields(res: Received): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => name.includes('ratelimit')));
}

describe('rateLimit (Express, memory store): header standards on admitted and refused responses', () => {
  const cases: [RateLimitHeaderStandard, (remaining: number, reset: string) => Record<string, string>][] = [
    ['draft-8', (r, t) => ({ 'ratelimit-policy': '"api";q=2;w=60', ratelimit: `"api";r=${r};t=${t}` })],
    ['draft-7', (r, t) => ({ 'ratelimit-policy': '2;w=60', ratelimit: `limit=2, remaining=${r}, reset=${t}` })],
    [
      'draft-6',
      (r, t) => ({ 'ratelimit-policy': '2;w=60', 'ratelimit-limit': '2', 'ratelimit-remaining': String(r), 'ratelimit-reset': t }),
    ],
    [false, () => ({})],
  ];

  it.each(cases)('%s', async (standard, expected) => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(2), headers: standard } });
    for (const remaining of [1, 0]) {
      const ok = await request(`${app.url}/ok`);
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ ok: true });
      const reset = ok.headers.get('ratelimit-reset') ?? /(?:;t=|reset=)(\d+)/.exec(ok.headers.get('ratelimit') ?? '')?.[1] ?? '';
      if (standard !== false) expect(reset).toMatch(FRESH_WINDOW);
      expect(rateLimitFields(ok)).toEqual(expected(remaining, reset));
    }
    const refused = await request(`${app.url}/ok`);
    expect(refused.status).toBe(429);
    const retryAfter = refused.headers.get('retry-after') ?? '';
    expect(retryAfter).toMatch(FRESH_WINDOW);
    // The refusal is described in the limiter's standard too, with the same reset as Retry-After,
    // although errorHandler's own rateLimitHeaders is the default ('draft-8').
    expect(rateLimitFields(refused)).toEqual(expected(0, retryAfter));
  });

  it("legacy: X-RateLimit-* with the reset as epoch seconds, and no IETF fields", async () => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(1), headers: 'legacy' } });
    const ok = await request(`${app.url}/ok`);
    const now = Math.ceil(Date.now() / 1000);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('1');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(ok.headers.get('x-ratelimit-reset')) - now).toBeGreaterThanOrEqual(58);
    expect(Number(ok.headers.get('x-ratelimit-reset')) - now).toBeLessThanOrEqual(61);
    expect(ok.headers.get('ratelimit')).toBeNull();
    const refused = await request(`${app.url}/ok`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('1');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit')).toBeNull();
    expect(refused.headers.get('ratelimit-policy')).toBeNull();
  });

  it('Retry-After is the wait rounded up: 1.2 s into a 60 s window it is 59 (not 58, not 60)', async () => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(1) } });
    expect((await request(`${app.url}/ok`)).status).toBe(200);
    await sleep(1200);
    const refused = await request(`${app.url}/ok`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('59');
    expect(refused.headers.get('ratelimit')).toBe('"api";r=0;t=59');
    expect(refused.headers.get('ratelimit-policy')).toBe('"api";q=1;w=60');
  });

  it('a response that fails after the limiter admitted it still carries the fields', async () => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(5) } });
    const missing = await request(`${app.url}/no-such-route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('ratelimit')).toMatch(/^"api";r=4;t=(59|60)$/);
    expect(missing.headers.get('ratelimit-policy')).toBe('"api";q=5;w=60');
    expect(missing.headers.get('retry-after')).toBeNull();
  });
});

describe('rateLimit (Express, memory store): the 429 body in every envelope', () => {
  const bodies: [EnvelopeName, string | undefined, (retry: number) => unknown][] = [
    ['reason-details', undefined, (s) => ({ error: { reason: 'TOO_MANY_REQUESTS', details: 'Too Many Requests' }, retry_after: s })],
    ['error-message-code', 'RATE_LIMIT', (s) => ({ error: 'Too Many Requests', message: 'Too Many Requests', code: 'RATE_LIMIT', retryAfter: s })],
    ['status-object', undefined, () => ({ status: { code: 429, text: 'Too Many Requests', message: 'Too Many Requests' } })],
    ['numeric-code', undefined, (s) => ({ message: 'Too Many Requests', code: 0, retry_after: s, global: false })],
    [
      'problem-details',
      undefined,
      () => ({
        type: 'https://iana.org/assignments/http-problem-types#quota-exceeded',
        title: 'Request cannot be satisfied as assigned quota has been exceeded',
        status: 429,
        detail: 'Too Many Requests',
        'violated-policies': ['api'],
      }),
    ],
  ];

  it.each(bodies)('%s', async (envelope, code, body) => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(1), code }, handler: { envelope } });
    expect((await request(`${app.url}/ok`)).status).toBe(200);
    const refused = await request(`${app.url}/ok`);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(String(retryAfter)).toMatch(FRESH_WINDOW);
    expect(refused.json).toEqual(body(retryAfter));
    expect(refused.headers.get('content-type')).toBe(envelope === 'problem-details' ? 'application/problem+json' : 'application/json; charset=utf-8');
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});

describe('rateLimit (Express, memory store): key, cost, unions', () => {
  it('cost: a request spending 2 of 4 points leaves room for one light request, not another heavy one', async () => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(4), cost: (req) => (req.query.heavy === '1' ? 2 : 1) } });
    const heavy = await request(`${app.url}/ok?heavy=1`);
    expect(heavy.status).toBe(200);
    expect(heavy.headers.get('ratelimit')).toMatch(/^"api";r=2;/);
    const light = await request(`${app.url}/ok`);
    expect(light.status).toBe(200);
    expect(light.headers.get('ratelimit')).toMatch(/^"api";r=1;/);
    expect((await request(`${app.url}/ok?heavy=1`)).status).toBe(429);
  });

  it('a bad cost is a 500 (a bug), never a free pass', async () => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(3), cost: () => 1.5, onStoreError: 'open' } });
    const res = await request(`${app.url}/ok`);
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('cost');
  });

  it('key: each API key has its own points', async () => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(1), key: (req) => req.get('x-api-key') ?? 'anonymous' } });
    const as = (key: string) => request(`${app!.url}/ok`, { headers: { 'x-api-key': key } });
    expect((await as('alice')).status).toBe(200);
    expect((await as('bob')).status).toBe(200);
    expect((await as('alice')).status).toBe(429);
  });

  it('default key: the client IP; X-Forwarded-For is ignored unless trust proxy says otherwise', async () => {
    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(1) } });
    const from = (ip: string) => request(`${app!.url}/ok`, { headers: { 'x-forwarded-for': ip } });
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.2')).status).toBe(429);
    await app.close();

    app = await startRateLimitedApp({ rateLimit: { limiter: limiter(1) }, trustProxy: 'loopback' });
    const viaProxy = (ip: string) => request(`${app!.url}/ok`, { headers: { 'x-forwarded-for': ip } });
    expect((await viaProxy('203.0.113.1')).status).toBe(200);
    expect((await viaProxy('203.0.113.2')).status).toBe(200);
    expect((await viaProxy('203.0.113.1')).status).toBe(429);
  });

  it('RateLimiterUnion: the violated member is the policy, its wait the Retry-After', async () => {
    const union = new RateLimiterUnion(limiter(2, 10, 'burst'), limiter(5, 3600, 'hourly'));
    app = await startRateLimitedApp({ rateLimit: { limiter: union } });
    const first = await request(`${app.url}/ok`);
    expect(first.status).toBe(200);
    // Admitted: the member with the fewest points left (burst: 1 of 2); a union exposes no quota.
    expect(first.headers.get('ratelimit')).toMatch(/^"burst";r=1;t=(9|10)$/);
    expect(first.headers.get('ratelimit-policy')).toBeNull();
    expect((await request(`${app.url}/ok`)).status).toBe(200);
    const refused = await request(`${app.url}/ok`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^(9|10)$/);
    expect((refused.json as Record<string, unknown>)['violated-policies']).toEqual(['burst']);
  });
});

describe('a RateLimiterRes thrown by user code (no middleware)', () => {
  it('is a 429 with Retry-After and the RateLimit field of the handler standard', async () => {
    const own = new RateLimiterMemory({ points: 1, duration: 30 });
    app = await startRateLimitedApp({ inRoute: (req) => own.consume(req.ip ?? 'x'), handler: { envelope: 'numeric-code' } });
    expect((await request(`${app.url}/consume`)).status).toBe(200);
    const refused = await request(`${app.url}/consume`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^(29|30)$/);
    const wait = Number(refused.headers.get('retry-after'));
    expect(refused.headers.get('ratelimit')).toBe(`"default";r=0;t=${wait}`);
    expect(refused.json).toEqual({ message: 'Too Many Requests', code: 0, retry_after: wait, global: false });
  });

  it('a union rejection from user code is a 429 too', async () => {
    const union = new RateLimiterUnion(limiter(1, 5, 'a'), limiter(1, 20, 'b'));
    app = await startRateLimitedApp({ inRoute: (req) => union.consume(req.ip ?? 'x') });
    expect((await request(`${app.url}/consume`)).status).toBe(200);
    const refused = await request(`${app.url}/consume`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^(19|20)$/);
  });
});
