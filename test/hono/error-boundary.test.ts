import type { Server } from 'node:http';
import { runInNewContext } from 'node:vm';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBoundary, errorHandler, notFound } from '../../adapters/hono/index.js';
import { createFaultline, type FaultlineOptions } from '../../src/index.js';
import { THROW_SCENARIOS } from '../scenarios/throwables.js';
import { listen, request } from '../support/http.js';
import type { RunningApp } from '../harness/harness.js';

const OPTIONS: FaultlineOptions = { envelope: 'error-message-code' };
const core = createFaultline(OPTIONS);

/** Every scenario whose thrown value is not an `Error` instance: Hono rethrows these past `onError`. */
const NOT_ERRORS = [
  'rate-limiter-res',
  'ajv-errors',
  'string',
  'null',
  'undefined',
  'number',
  'bigint',
  'symbol',
  'status-abc',
  'status-99',
  'status-302',
  'status-1000',
  'circular-details',
  'frozen-null-proto',
];

function throwing(name: string): () => unknown {
  const scenario = THROW_SCENARIOS.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(`test bug: no scenario ${name}`);
  return scenario.thrown;
}

async function serve(app: Hono): Promise<RunningApp> {
  return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
}

describe('hono: what reaches onError without errorBoundary', () => {
  const reached: string[] = [];
  const app = new Hono();
  app.use(requestId());
  const handler = errorHandler(OPTIONS);
  app.onError((error, c) => {
    reached.push(c.req.param('name') ?? '');
    return handler(error, c);
  });
  app.get('/throw/:name', (c) => {
    throw throwing(c.req.param('name'))();
  });
  const foreign: unknown = runInNewContext('new TypeError("from a vm context")');
  app.get('/foreign', () => {
    throw foreign;
  });

  it.each(THROW_SCENARIOS.map((s) => [s.name] as const))('%s', async (name) => {
    reached.length = 0;
    const outcome = await (async () => app.request(`/throw/${name}`))().then(
      (res) => res.status,
      () => 'rethrown',
    );
    if (NOT_ERRORS.includes(name)) {
      // Hono's compose: `if (err instanceof Error && onError) … else throw err`.
      expect(outcome).toBe('rethrown');
      expect(reached).toEqual([]);
    } else {
      expect(outcome).toBe(THROW_SCENARIOS.find((s) => s.name === name)?.status);
      expect(reached).toEqual([name]);
    }
  });

  it('an Error from another realm is not `instanceof Error`: Hono rethrows it too', async () => {
    reached.length = 0;
    await expect((async () => app.request('/foreign'))()).rejects.toBe(foreign);
    expect(reached).toEqual([]);
  });
});

describe('hono: errorBoundary on its own', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const hono = new Hono();
    hono.use(errorBoundary(OPTIONS));
    hono.get('/throw/:name', (c) => {
      throw throwing(c.req.param('name'))();
    });
    hono.get('/async/:name', async (c) => {
      await Promise.resolve();
      throw throwing(c.req.param('name'))();
    });
    hono.get('/foreign', () => {
      throw runInNewContext('new TypeError("sk_live_51HxSECRET")') as unknown;
    });
    app = await serve(hono);
  });
  afterAll(() => app.close());

  it.each([
    ['string', 500],
    ['null', 500],
    ['rate-limiter-res', 429],
  ] as const)('catches a thrown %s and renders it as the core does', async (name, status) => {
    const expected = core.handle(throwing(name)(), { method: 'GET', path: `/throw/${name}` });
    for (const route of ['throw', 'async']) {
      const res = await request(`${app.url}/${route}/${name}`);
      expect(res.status).toBe(status);
      expect(res.text).toBe(expected.body);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('retry-after')).toBe(expected.headers['retry-after'] ?? null);
    }
  });

  it('a RateLimiterRes leaves as a 429 with Retry-After rounded up', async () => {
    const res = await request(`${app.url}/throw/rate-limiter-res`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.json).toMatchObject({ error: 'Too Many Requests', code: 'TOO_MANY_REQUESTS' });
  });

  it('catches an Error from another realm, without leaking its message', async () => {
    const res = await request(`${app.url}/foreign`);
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('SECRET');
  });

  it('an Error still goes to Hono\'s own onError (the boundary is not a replacement for errorHandler)', async () => {
    const res = await request(`${app.url}/throw/faultline-404`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(res.text).toBe('Internal Server Error');
  });
});

describe('hono: without errorBoundary, a non-Error leaves as the runtime decides', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const hono = new Hono();
    hono.onError(errorHandler(OPTIONS));
    hono.get('/throw/:name', (c) => {
      throw throwing(c.req.param('name'))();
    });
    app = await serve(hono);
  });
  afterAll(() => app.close());

  it('@hono/node-server answers a bare 500 with no body and no envelope', async () => {
    const res = await request(`${app.url}/throw/string`);
    expect(res.status).toBe(500);
    expect(res.text).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
  });
});

describe('hono: errorBoundary and errorHandler together render each thrown value once', () => {
  const seen: unknown[] = [];
  const options: FaultlineOptions = { ...OPTIONS, onError: (_fault, thrown) => seen.push(thrown) };
  const shared = createFaultline(options);
  const app = new Hono();
  app.use(errorBoundary(options));
  app.onError(errorHandler(options));
  app.notFound(notFound(options));
  app.all('/throw/:name', (c) => {
    throw throwing(c.req.param('name'))();
  });
  app.get('/late', async (c, next) => {
    await next();
    // A middleware failing after the route answered: its ETag describes a body never sent.
    throw 'failed after the response was made';
  });
  app.get('/late', (c) => c.json({ ok: true }, 200, { ETag: '"v1"', 'Cache-Control': 'max-age=60' }));

  it.each(THROW_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    seen.length = 0;
    const expected = shared.handle(scenario.thrown(), { method: 'GET', path: `/throw/${scenario.name}` });
    seen.length = 0;
    const res = await app.request(`/throw/${scenario.name}`);
    expect(res.status).toBe(scenario.status);
    expect(await res.text()).toBe(expected.body);
    expect(seen).toHaveLength(1);
  });

  it('a non-Error thrown after the response was made replaces it, stale headers and all', async () => {
    seen.length = 0;
    const res = await app.request('/late');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"error":"Internal Server Error","message":"Internal Server Error","code":"INTERNAL_SERVER_ERROR"}');
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(seen).toEqual(['failed after the response was made']);
  });
});
