import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorHandler, notFound } from '../../adapters/hono/index.js';

/** `notFound()` with and without middleware in front: Hono assigns its response on two different paths. */
describe('hono: notFound', () => {
  it('an app with no middleware at all', async () => {
    const app = new Hono();
    app.onError(errorHandler({ envelope: 'error-message-code' }));
    app.notFound(notFound({ envelope: 'error-message-code' }));
    app.get('/pins', (c) => c.json([]));
    const res = await app.request('/pins/%E2%9C%93/x?cid=1', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The path as the client sent it, percent-encoding kept (Express shows `originalUrl` the same way).
    expect(await res.text()).toBe('{"error":"Not Found","message":"Cannot POST /pins/%E2%9C%93/x","code":"NOT_FOUND"}');
  });

  it('behind a middleware that already made a response object', async () => {
    const app = new Hono();
    app.notFound(notFound({ envelope: 'status-object' }));
    app.use(async (c, next) => {
      c.res.headers.set('X-Request-Id', 'r-1');
      c.header('ETag', '"stale"');
      await next();
    });
    const res = await app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('r-1');
    expect(res.headers.get('etag')).toBeNull();
    expect(await res.text()).toBe('{"status":{"code":404,"text":"Not Found","message":"Cannot GET /nowhere"}}');
  });
});
