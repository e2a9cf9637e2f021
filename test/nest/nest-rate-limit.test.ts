// @RateLimit on Nest with the embedded memory store, on both platforms over real HTTP: the fields on
// admitted responses, the 429 the filter renders (exact Retry-After and body in every envelope),
// key and cost, trust proxy, and where the guard sits against @Validate.
import { Controller, Get, Post, Req } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Envelope, RateLimit, Validate } from '../../adapters/nest/index.js';
import { errors, type EnvelopeName } from '../../src/index.js';
import type { NestPlatform } from '../harness/nest.js';
import type { RunningApp } from '../harness/harness.js';
import { request } from '../support/http.js';
import { pinsBody } from '../validation/schemas.js';
import { startNestApp } from './start-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Made per app: a decorator's limiter is the bucket, so each app gets fresh classes.
function limitedControllers() {
  @Controller('limited')
  @RateLimit({ points: 2, duration: 60, keyPrefix: 'api' })
  class LimitedController {
    @Get()
    ok(): { ok: true } {
      return { ok: true };
    }

    @Get('missing')
    missing(): never {
      throw errors.notFound('No pin with that id');
    }
  }

  @Controller('slow')
  class SlowController {
    @Get()
    @RateLimit({ points: 1, duration: 60, keyPrefix: 'slow' })
    ok(): { ok: true } {
      return { ok: true };
    }
  }

  @Controller('keyed')
  class KeyedController {
    @Get()
    @RateLimit({
      points: 4,
      duration: 60,
      keyPrefix: 'keyed',
      key: (req) => String(req.headers['x-api-key'] ?? 'anonymous'),
      cost: (req) => (req.headers['x-heavy'] === '1' ? 2 : 1),
    })
    ok(): { ok: true } {
      return { ok: true };
    }
  }

  @Controller('pins')
  class PinsController {
    @Post()
    @RateLimit({ points: 1, duration: 60, keyPrefix: 'pins' })
    @Validate({ body: pinsBody })
    create(): { ok: true } {
      return { ok: true };
    }
  }
  return [LimitedController, SlowController, KeyedController, PinsController];
}

/** The 429 body per envelope; `retry` is the Retry-After the response carried. */
const REFUSALS: [EnvelopeName, string | undefined, (retry: number) => string][] = [
  ['reason-details', undefined, (s) => `{"error":{"reason":"TOO_MANY_REQUESTS","details":"Too Many Requests"},"retry_after":${s}}`],
  ['error-message-code', 'RATE_LIMIT', (s) => `{"error":"Too Many Requests","message":"Too Many Requests","code":"RATE_LIMIT","retryAfter":${s}}`],
  ['status-object', undefined, () => '{"status":{"code":429,"text":"Too Many Requests","message":"Too Many Requests"}}'],
  ['numeric-code', undefined, (s) => `{"message":"Too Many Requests","code":0,"retry_after":${s},"global":false}`],
  [
    'problem-details',
    undefined,
    () =>
      '{"type":"https://iana.org/assignments/http-problem-types#quota-exceeded","title":"Request cannot be satisfied as assigned quota has been exceeded","status":429,"detail":"Too Many Requests","violated-policies":["env"]}',
  ],
];

function envelopeController(envelope: EnvelopeName, code: string | undefined) {
  @Controller('env')
  @Envelope(envelope)
  class EnvelopeController {
    @Get()
    @RateLimit({ points: 1, duration: 60, keyPrefix: 'env', code })
    ok(): { ok: true } {
      return { ok: true };
    }
  }
  return EnvelopeController;
}

/** The default key, with the address the platform reports echoed back. */
function ipController() {
  @Controller('ip')
  class IpController {
    @Get()
    @RateLimit({ points: 1, duration: 60 })
    ok(@Req() req: { ip?: string }): { ip: string | undefined } {
      return { ip: req.ip };
    }
  }
  return IpController;
}

const from = (url: string, ip: string) => request(`${url}/ip`, { headers: { 'x-forwarded-for': ip } });

describe.each(['express', 'fastify'] as NestPlatform[])('@RateLimit (memory) on nest %s', (platform) => {
  describe('one app', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startNestApp(platform, { controllers: limitedControllers(), filter: { envelope: 'problem-details' } });
    });
    afterAll(() => app.close());
    const as = (key: string, heavy = false) =>
      request(`${app.url}/keyed`, { headers: { 'x-api-key': key, ...(heavy ? { 'x-heavy': '1' } : {}) } });
    const post = (body: unknown) =>
      request(`${app.url}/pins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('admitted responses carry the fields; the (points+1)th is a 429 with the exact Retry-After', async () => {
      // Three requests well within a second of the first: every wait rounds up to the full 60 s.
      for (const remaining of [1, 0]) {
        const ok = await request(`${app.url}/limited`);
        expect(ok.status).toBe(200);
        expect(ok.json).toEqual({ ok: true });
        expect(ok.headers.get('ratelimit-policy')).toBe('"api";q=2;w=60');
        expect(ok.headers.get('ratelimit')).toBe(`"api";r=${remaining};t=60`);
        expect(ok.headers.get('retry-after')).toBeNull();
      }
      const refused = await request(`${app.url}/limited`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.headers.get('ratelimit-policy')).toBe('"api";q=2;w=60');
      expect(refused.headers.get('ratelimit')).toBe('"api";r=0;t=60');
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(refused.text).toBe(
        '{"type":"https://iana.org/assignments/http-problem-types#quota-exceeded","title":"Request cannot be satisfied as assigned quota has been exceeded","status":429,"detail":"Too Many Requests","violated-policies":["api"]}',
      );
    });

    it('a controller-wide limit is one bucket for all its handlers', async () => {
      // /limited spent both points above; its other handler shares them.
      const res = await request(`${app.url}/limited/missing`);
      expect(res.status).toBe(429);
    });

    it('Retry-After is the wait rounded up: 1.2 s into a 60 s window it is 59', async () => {
      expect((await request(`${app.url}/slow`)).status).toBe(200);
      await sleep(1200);
      const refused = await request(`${app.url}/slow`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('59');
      expect(refused.headers.get('ratelimit')).toBe('"slow";r=0;t=59');
    });

    it('key and cost: each API key has its own points; a heavy request spends two', async () => {
      const first = await as('alice', true);
      expect(first.headers.get('ratelimit')).toBe('"keyed";r=2;t=60');
      expect((await as('alice')).headers.get('ratelimit')).toBe('"keyed";r=1;t=60');
      expect((await as('alice', true)).status).toBe(429);
      const bob = await as('bob');
      expect(bob.status).toBe(200);
      expect(bob.headers.get('ratelimit')).toBe('"keyed";r=3;t=60');
    });

    it('the guard runs before @Validate: an invalid body spends a point, and the next is refused unvalidated', async () => {
      const invalid = await post({ pins: 'none' });
      expect(invalid.status).toBe(400);
      // Admitted by the limiter, refused by validation: the error still carries the fields.
      expect(invalid.headers.get('ratelimit')).toBe('"pins";r=0;t=60');
      const refused = await post({ pins: [] });
      expect(refused.status).toBe(429);
    });
  });

  it('an error after admission keeps the fields', async () => {
    const app = await startNestApp(platform, { controllers: limitedControllers(), filter: {} });
    try {
      const res = await request(`${app.url}/limited/missing`);
      expect(res.status).toBe(404);
      expect(res.headers.get('ratelimit')).toBe('"api";r=1;t=60');
      expect(res.headers.get('ratelimit-policy')).toBe('"api";q=2;w=60');
      expect(res.headers.get('retry-after')).toBeNull();
    } finally {
      await app.close();
    }
  });

  describe('the 429 body in every envelope (the route @Envelope)', () => {
    let app: RunningApp | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it.each(REFUSALS)('%s', async (envelope, code, body) => {
      app = await startNestApp(platform, { controllers: [envelopeController(envelope, code)] });
      expect((await request(`${app.url}/env`)).status).toBe(200);
      const refused = await request(`${app.url}/env`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.headers.get('ratelimit')).toBe('"env";r=0;t=60');
      expect(refused.headers.get('content-type')).toBe(envelope === 'problem-details' ? 'application/problem+json' : 'application/json; charset=utf-8');
      expect(refused.text).toBe(body(60));
    });
  });

  describe('default key: the client IP, as the platform reports it', () => {
    it('X-Forwarded-For is ignored without trust proxy: one bucket for 127.0.0.1', async () => {
      const app = await startNestApp(platform, { controllers: [ipController()] });
      try {
        const first = await from(app.url, '203.0.113.1');
        expect(first.status).toBe(200);
        expect(first.json).toEqual({ ip: '127.0.0.1' });
        // Without a keyPrefix, the policy is named "default".
        expect(first.headers.get('ratelimit')).toBe('"default";r=0;t=60');
        expect((await from(app.url, '203.0.113.2')).status).toBe(429);
      } finally {
        await app.close();
      }
    });

    it('with trust proxy set the platform way, each forwarded client has its own points', async () => {
      const app = await startNestApp(platform, { controllers: [ipController()], trustProxy: 'loopback' });
      try {
        expect((await from(app.url, '203.0.113.1')).json).toEqual({ ip: '203.0.113.1' });
        expect((await from(app.url, '203.0.113.2')).status).toBe(200);
        expect((await from(app.url, '203.0.113.1')).status).toBe(429);
      } finally {
        await app.close();
      }
    });
  });
});

describe('@RateLimit at startup', () => {
  it('either a limiter or points and duration, not both', () => {
    const limiter = { consume: () => Promise.resolve({}) };
    expect(() => RateLimit({ limiter, points: 1, duration: 1 } as never)).toThrow(/either a limiter or points and duration/);
  });

  it('bad points or duration throw when the decorator is made', () => {
    expect(() => RateLimit({ points: Number.NaN, duration: 60 })).toThrow(/@RateLimit\(\) option "points" is NaN \(a number\); allowed: a number, 0 or more/);
    expect(() => RateLimit({ points: 5, duration: -1 })).toThrow(/@RateLimit\(\) option "duration" is -1 \(a number\); allowed: a number, 0 or more/);
    expect(() => RateLimit({ points: 5 } as never)).toThrow(/@RateLimit\(\) takes \{ points, duration \} \(both\) or \{ limiter \}/);
    expect(() => RateLimit({ points: 5, duration: 60, keyprefix: 'api' } as never)).toThrow(/unknown @RateLimit\(\) option "keyprefix" \(did you mean "keyPrefix"\?\)/);
  });

  it("the core's options are checked too", () => {
    expect(() => RateLimit({ points: 5, duration: 60, headers: 'draft-9' as never })).toThrow(/@RateLimit\(\) option "headers" is "draft-9"; allowed: "draft-8", "draft-7", "draft-6", "legacy" or false/);
  });
});
