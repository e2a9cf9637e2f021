import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBoundary, errorHandler, notFound } from '../../adapters/hono/index.js';
import { errors, type FaultlineOptions } from '../../src/index.js';
import { listen, request } from '../support/http.js';
import type { RunningApp } from '../harness/harness.js';

const OPTIONS: FaultlineOptions = { envelope: 'problem-details' };
const ORIGIN = 'https://app.example';

/** Headers Hono's own middleware and the route set before the error, on the error response. */
describe('hono: headers set before the error', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const hono = new Hono();
    hono.use(errorBoundary(OPTIONS));
    hono.onError(errorHandler(OPTIONS));
    hono.notFound(notFound(OPTIONS));
    hono.use(cors({ origin: ORIGIN, exposeHeaders: ['Retry-After'] }));
    hono.use(secureHeaders());
    hono.use(
      methodNotAllowed({
        app: hono,
        onMethodNotAllowed: (_c, allow) => {
          throw errors.methodNotAllowed(undefined, { allow });
        },
      }),
    );
    hono.get('/pins/:id', (c) => {
      c.header('Cache-Control', 'public, max-age=600');
      c.header('ETag', '"v1"');
      throw errors.notFound('The specified resource was not found');
    });
    hono.get('/busy', () => {
      throw 'overloaded';
    });
    // A second boundary after the middleware: what routes throw is caught inside them.
    hono.use('/inner/*', errorBoundary(OPTIONS));
    hono.get('/inner/busy', () => {
      throw 'overloaded';
    });
    app = await listen(createAdaptorServer({ fetch: hono.fetch }) as Server);
  });
  afterAll(() => app.close());

  it("cors() and secureHeaders() headers survive a thrown error; the route's caching headers do not", async () => {
    const res = await request(`${app.url}/pins/9`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(res.headers.get('vary')).toBe('Accept, Origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'The specified resource was not found' });
  });

  it('a non-Error unwinds through middleware: what they set before next() stays, what they set after is never set', async () => {
    const res = await request(`${app.url}/busy`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(500);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('x-content-type-options')).toBeNull(); // secureHeaders sets them after next()
  });

  it('a second errorBoundary before the routes catches there, so later middleware finish their work', async () => {
    const res = await request(`${app.url}/inner/busy`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(500);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('vary')).toBe('Accept, Origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Internal Server Error' });
  });

  it('and on an unmatched route', async () => {
    const res = await request(`${app.url}/nowhere`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.json).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Cannot GET /nowhere' });
  });

  it("Hono's methodNotAllowed() throwing a faultline 405: Allow and the envelope", async () => {
    const res = await request(`${app.url}/pins/9`, { method: 'DELETE', headers: { origin: ORIGIN } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.json).toEqual({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'Method Not Allowed' });
  });
});
