// Elysia's router shapes beyond the shared table: its static table (loose and encoded paths), its
// router of dynamic paths, `aot: false` apps, groups, and the plugin used deeper than the app.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Elysia, NotFoundError } from 'elysia';
import { afterEach, describe, expect, it } from 'vitest';
import { errorHandler } from '../../adapters/elysia/index.js';
import type { RunningApp } from '../harness/harness.js';
import { listen, request } from '../support/http.js';

const running: RunningApp[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

async function serve(app: { handle(incoming: Request): Promise<Response> }): Promise<string> {
  const started = await listen(createAdaptorServer({ fetch: (incoming: Request) => app.handle(incoming) }) as Server);
  running.push(started);
  return started.url;
}

describe('Elysia: 405 from the app’s own router', () => {
  it('a static path, also with a trailing slash (its loose form), and a param path', async () => {
    const app = new Elysia()
      .use(errorHandler())
      .get('/pins', () => 'ok')
      .post('/pins', () => 'ok')
      .get('/pins/:id', () => 'ok')
      .patch('/pins/:id', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/pins/`)).status).toBe(200);
    for (const path of ['/pins', '/pins/']) {
      const res = await request(`${url}${path}`, { method: 'DELETE' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(res.json).toEqual({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: `DELETE is not allowed on ${path}` });
    }
    const param = await request(`${url}/pins/7`, { method: 'PUT' });
    expect(param.status).toBe(405);
    expect(param.headers.get('allow')).toBe('GET, HEAD, PATCH');
    expect((await request(`${url}/pins/7/8`, { method: 'PUT' })).status).toBe(404);
  });

  it('strictPath: a trailing slash is another path, for the 405 as for the routes', async () => {
    const app = new Elysia({ strictPath: true }).use(errorHandler()).get('/pins', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/pins/`)).status).toBe(404);
    expect((await request(`${url}/pins/`, { method: 'DELETE' })).status).toBe(404);
    expect((await request(`${url}/pins`, { method: 'DELETE' })).headers.get('allow')).toBe('GET, HEAD');
  });

  it('a wildcard path and a percent-encoded static path', async () => {
    const app = new Elysia()
      .use(errorHandler())
      .get('/files/*', () => 'ok')
      .get('/café', () => 'ok');
    const url = await serve(app);
    const deep = await request(`${url}/files/a/b.txt`, { method: 'POST' });
    expect(deep.status).toBe(405);
    expect(deep.headers.get('allow')).toBe('GET, HEAD');
    expect((await request(`${url}/caf%C3%A9`)).status).toBe(200);
    const encoded = await request(`${url}/caf%C3%A9`, { method: 'DELETE' });
    expect(encoded.status).toBe(405);
    expect(encoded.headers.get('allow')).toBe('GET, HEAD');
    expect((await request(`${url}/caf%ZZ`, { method: 'DELETE' })).status).toBe(404);
  });

  it('an app made with aot: false routes through another router: read the same', async () => {
    const app = new Elysia({ aot: false })
      .use(errorHandler())
      .get('/pins', () => 'ok')
      .put('/pins/:id', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/pins`, { method: 'DELETE' })).headers.get('allow')).toBe('GET, HEAD');
    const param = await request(`${url}/pins/3`, { method: 'GET' });
    expect(param.status).toBe(405);
    expect(param.headers.get('allow')).toBe('PUT');
  });

  it('a group and a prefixed plugin count; an .all() route serves every method', async () => {
    const admin = new Elysia({ prefix: '/admin' }).delete('/cache', () => 'ok');
    const app = new Elysia()
      .use(errorHandler())
      .group('/v2', (group) => group.put('/pins/:id', () => 'ok'))
      .use(admin)
      .all('/any', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/v2/pins/1`)).headers.get('allow')).toBe('PUT');
    expect((await request(`${url}/admin/cache`)).headers.get('allow')).toBe('DELETE');
    expect((await request(`${url}/any`, { method: 'PATCH' })).status).toBe(200);
  });

  it('the plugin used in a plugin of the app: the outermost app’s routes are read', async () => {
    const errors = new Elysia({ name: 'errors' }).use(errorHandler({ envelope: 'error-message-code' }));
    const app = new Elysia().use(errors).get('/pins', () => 'ok');
    const url = await serve(app);
    const res = await request(`${url}/pins`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.json).toEqual({ error: 'Method Not Allowed', message: 'DELETE is not allowed on /pins', code: 'METHOD_NOT_ALLOWED' });
  });

  it("a route's own NotFoundError, its method served: a 404 still; methodNotAllowed: false, every unmatched route", async () => {
    const app = new Elysia()
      .use(errorHandler())
      .get('/pins/:id', () => {
        throw new NotFoundError();
      });
    const url = await serve(app);
    const own = await request(`${url}/pins/1`);
    expect(own.status).toBe(404);
    expect(own.headers.get('allow')).toBeNull();
    const off = new Elysia().use(errorHandler({ methodNotAllowed: false })).get('/pins', () => 'ok');
    const offUrl = await serve(off);
    const res = await request(`${offUrl}/pins`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ detail: 'Cannot DELETE /pins' });
  });

  it('routes added after the app began serving count', async () => {
    const app = new Elysia({ aot: false }).use(errorHandler()).get('/pins', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/reports`, { method: 'DELETE' })).status).toBe(404);
    app.post('/reports', () => 'ok');
    expect((await request(`${url}/reports`, { method: 'DELETE' })).headers.get('allow')).toBe('POST');
  });
});
