// What every adapter tells onError about the request, over real HTTP: method, path (no query) and
// the request id: the framework's own (Fastify's request.id, Hono's requestId(), pino-http's req.id)
// when there is one, so faultline's line correlates with the app's other logs, else X-Request-Id.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import Koa from 'koa';
import { pinoHttp } from 'pino-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler as honoErrorHandler } from '../../adapters/hono/index.js';
import { errorHandler as koaErrorHandler } from '../../adapters/koa/index.js';
import type { RequestFacts } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { listen, request } from '../support/http.js';
import { capturePino } from './log-capture.js';

/** Harnesses whose framework names every request itself: Fastify (`req-1`, `req-2`, …). */
const OWN_IDS: Readonly<Record<string, RegExp>> = { fastify: /^req-[0-9a-z]+$/, 'nest-fastify': /^req-[0-9a-z]+$/ };

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: request facts for onError', (framework, harness) => {
  const seen: RequestFacts[] = [];
  let app: RunningApp;
  beforeAll(async () => {
    app = await harness.start({
      options: { onError: (_fault, _thrown, facts) => seen.push(facts) },
      throwers: { boom: () => new Error('boom') },
    });
  });
  afterAll(() => app.close());

  it('method and path without the query; the id is X-Request-Id, or the framework\'s own', async () => {
    seen.length = 0;
    await request(`${app.url}/throw/boom?token=secret`, { method: 'DELETE', headers: { 'x-request-id': 'abc-123' } });
    await request(`${app.url}/async/boom`);
    await request(`${app.url}/no/such/route?x=1`, { headers: { 'x-request-id': 'nf-1' } });
    expect(seen.map((f) => [f.method, f.path])).toEqual([
      ['DELETE', '/throw/boom'],
      ['GET', '/async/boom'],
      ['GET', '/no/such/route'],
    ]);
    const own = OWN_IDS[framework];
    if (own === undefined) {
      expect(seen.map((f) => f.id)).toEqual(['abc-123', undefined, 'nf-1']);
    } else {
      for (const facts of seen) expect(facts.id).toMatch(own);
      expect(new Set(seen.map((f) => f.id)).size).toBe(3);
    }
  });
});

describe("Hono's requestId() middleware", () => {
  const seen: RequestFacts[] = [];
  let app: RunningApp;
  beforeAll(async () => {
    const hono = new Hono();
    hono.use(requestId());
    hono.get('/boom', () => {
      throw new Error('boom');
    });
    hono.onError(honoErrorHandler({ onError: (_f, _t, facts) => seen.push(facts) }));
    app = await listen(createAdaptorServer({ fetch: hono.fetch }) as Server);
  });
  afterAll(() => app.close());

  it('its id is the one reported (and the one it echoes), even when the client sent an invalid one', async () => {
    seen.length = 0;
    const generated = await request(`${app.url}/boom`);
    await request(`${app.url}/boom`, { headers: { 'x-request-id': 'client-1' } });
    const replaced = await request(`${app.url}/boom`, { headers: { 'x-request-id': 'has spaces and "quotes"' } });
    expect(seen.map((f) => f.id)).toEqual([
      generated.headers.get('x-request-id'),
      'client-1',
      replaced.headers.get('x-request-id'),
    ]);
    expect(seen[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[2]?.id).not.toBe('has spaces and "quotes"');
  });
});

describe('Koa with pino-http on ctx.req (as koa-pino-logger wires it)', () => {
  const seen: RequestFacts[] = [];
  let app: RunningApp;
  beforeAll(async () => {
    const log = capturePino();
    const http = pinoHttp({ logger: log.logger });
    const koa = new Koa();
    koa.silent = true; // Koa's own stderr report of the error event is not under test
    koa.use(koaErrorHandler({ onError: (_f, _t, facts) => seen.push(facts) }));
    koa.use(async (ctx, next) => {
      http(ctx.req, ctx.res);
      await next();
    });
    koa.use(() => {
      throw new Error('boom');
    });
    app = await listen(koa.listen(0, '127.0.0.1'));
  });
  afterAll(() => app.close());

  it("reports pino-http's req.id over the client's header", async () => {
    seen.length = 0;
    await request(`${app.url}/boom`, { headers: { 'x-request-id': 'client-1' } });
    expect(seen[0]?.id).toMatch(/^\d+$/);
  });
});
