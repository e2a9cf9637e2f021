import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBoundary, errorHandler, notFound } from '../../adapters/hono/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import { SECRET } from '../scenarios/throwables.js';
import { listen, request } from '../support/http.js';
import type { RunningApp } from '../harness/harness.js';

const OPTIONS: FaultlineOptions = { envelope: 'status-object' };

/** Hono's `HTTPException`, thrown by hand and by Hono's own auth middleware, over real HTTP. */
describe('hono: HTTPException', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const hono = new Hono();
    hono.use(errorBoundary(OPTIONS));
    hono.onError(errorHandler(OPTIONS));
    hono.notFound(notFound(OPTIONS));
    hono.use('/basic/*', basicAuth({ username: 'pins', password: 'hunter2', realm: 'pins' }));
    hono.get('/basic/me', (c) => c.json({ user: 'pins' }));
    hono.use('/bearer/*', bearerAuth({ token: 'secret-token', realm: 'pins' }));
    hono.get('/bearer/me', (c) => c.json({ user: 'pins' }));
    hono.get('/forbidden', () => {
      throw new HTTPException(403, { message: 'Token is disabled' });
    });
    hono.get('/bare-401', () => {
      throw new HTTPException(401, { message: 'Invalid token.' });
    });
    hono.get('/hidden-500', () => {
      throw new HTTPException(500, { message: SECRET, cause: new Error(SECRET) });
    });
    hono.get('/own-res', () => {
      // Its own response: a body and headers faultline must not pass on as they are.
      const res = new Response(SECRET, {
        status: 429,
        headers: { 'Retry-After': '7', 'Set-Cookie': 'session=stolen', 'Content-Type': 'text/html' },
      });
      throw new HTTPException(429, { res });
    });
    app = await listen(createAdaptorServer({ fetch: hono.fetch }) as Server);
  });
  afterAll(() => app.close());

  it("basicAuth's 401 keeps its Basic challenge, in the envelope", async () => {
    const res = await request(`${app.url}/basic/me`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="pins"');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.text).toBe('{"status":{"code":401,"text":"Unauthorized","message":"Unauthorized"}}');
  });

  it('basicAuth with the right credentials lets the request through', async () => {
    const res = await request(`${app.url}/basic/me`, { headers: { authorization: `Basic ${btoa('pins:hunter2')}` } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ user: 'pins' });
  });

  it('basicAuth with wrong credentials: the same 401 and challenge', async () => {
    const res = await request(`${app.url}/basic/me`, { headers: { authorization: `Basic ${btoa('pins:wrong')}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="pins"');
  });

  it.each([
    ['no token', undefined, 401, 'Bearer realm="pins"', 'Unauthorized'],
    ['a wrong token', 'Bearer nope', 401, 'Bearer error="invalid_token"', 'Unauthorized'],
    ['a malformed header', 'Bearer ', 400, 'Bearer error="invalid_request"', 'Bad Request'],
  ] as const)('bearerAuth with %s keeps its challenge', async (_case, authorization, status, challenge, text) => {
    const res = await request(`${app.url}/bearer/me`, authorization === undefined ? {} : { headers: { authorization } });
    expect(res.status).toBe(status);
    expect(res.headers.get('www-authenticate')).toBe(challenge);
    expect(res.text).toBe(`{"status":{"code":${status},"text":"${text}","message":"${text}"}}`);
  });

  it('an HTTPException message is shown on a 4xx', async () => {
    const res = await request(`${app.url}/forbidden`);
    expect(res.status).toBe(403);
    expect(res.text).toBe('{"status":{"code":403,"text":"Forbidden","message":"Token is disabled"}}');
  });

  it('a 401 HTTPException without its own response gets the default challenge', async () => {
    const res = await request(`${app.url}/bare-401`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.text).toBe('{"status":{"code":401,"text":"Unauthorized","message":"Invalid token."}}');
  });

  it('a 5xx HTTPException hides its message and cause', async () => {
    const res = await request(`${app.url}/hidden-500`);
    expect(res.status).toBe(500);
    expect(res.text).toBe('{"status":{"code":500,"text":"Internal Server Error","message":"Internal Server Error"}}');
  });

  it("an HTTPException's own response: protocol headers kept, its body, content type and cookies not", async () => {
    const res = await request(`${app.url}/own-res`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.text).not.toContain('SECRET');
    expect(res.json).toMatchObject({ status: { code: 429, text: 'Too Many Requests' } });
  });
});
