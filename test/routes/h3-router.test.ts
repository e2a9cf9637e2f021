// h3's router shapes beyond the shared table: what its own lookup (`~findRoute`, rou3) matches.
import { createServer } from 'node:http';
import { H3, removeRoute, toNodeHandler } from 'h3';
import { afterEach, describe, expect, it } from 'vitest';
import { errorHandler, notFound } from '../../adapters/h3/index.js';
import type { RunningApp } from '../harness/harness.js';
import { listen, request } from '../support/http.js';

const running: RunningApp[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

function h3App(): H3 {
  return new H3({ onError: errorHandler(), silent: true });
}

async function serve(app: H3): Promise<string> {
  const started = await listen(createServer(toNodeHandler(app)));
  running.push(started);
  return started.url;
}

describe('h3: 405 from the app’s own router', () => {
  it('params, a ** wildcard and a trailing slash match as h3 routed the request', async () => {
    const app = h3App();
    app.get('/pins/:id', () => 'ok');
    app.put('/pins/:id', () => 'ok');
    app.get('/files/**', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/pins/7/`)).status).toBe(200);
    const slash = await request(`${url}/pins/7/`, { method: 'DELETE' });
    expect(slash.status).toBe(405);
    expect(slash.headers.get('allow')).toBe('GET, HEAD, PUT');
    const deep = await request(`${url}/files/a/b/c.txt`, { method: 'POST' });
    expect(deep.status).toBe(405);
    expect(deep.headers.get('allow')).toBe('GET, HEAD');
    expect(deep.json).toEqual({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'POST is not allowed on /files/a/b/c.txt' });
    expect((await request(`${url}/pins`, { method: 'DELETE' })).status).toBe(404);
  });

  it('the path is the one h3 routed on: percent-encoded, needless escapes undone as h3 undoes them', async () => {
    const app = h3App();
    app.get('/pins/:id', () => 'ok');
    app.get('/reports', () => 'ok');
    const url = await serve(app);
    const encoded = await request(`${url}/pins/a%20b`, { method: 'DELETE' });
    expect(encoded.status).toBe(405);
    expect(encoded.json).toMatchObject({ detail: 'DELETE is not allowed on /pins/a%20b' });
    // h3 serves `/%72eports` (a needless escape of `r`) as `/reports`; the message keeps what the client sent.
    expect((await request(`${url}/%72eports`)).status).toBe(200);
    const escaped = await request(`${url}/%72eports`, { method: 'DELETE' });
    expect(escaped.status).toBe(405);
    expect(escaped.headers.get('allow')).toBe('GET, HEAD');
    expect(escaped.json).toMatchObject({ detail: 'DELETE is not allowed on /%72eports' });
  });

  it('routes added or removed after the app began serving count', async () => {
    const app = h3App();
    app.get('/pins', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/reports`, { method: 'DELETE' })).status).toBe(404);
    app.post('/reports', () => 'ok');
    expect((await request(`${url}/reports`, { method: 'DELETE' })).headers.get('allow')).toBe('POST');
    removeRoute(app, 'POST', '/reports');
    expect((await request(`${url}/reports`, { method: 'DELETE' })).status).toBe(404);
  });

  it('notFound() as an app.all() route: the all-method route names no method, the others count', async () => {
    const app = h3App();
    app.get('/api/pins/:id', () => 'ok');
    app.all('/api/**', notFound({ envelope: 'error-message-code' }));
    const url = await serve(app);
    const res = await request(`${url}/api/pins/1`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.json).toEqual({ error: 'Method Not Allowed', message: 'DELETE is not allowed on /api/pins/1', code: 'METHOD_NOT_ALLOWED' });
    const other = await request(`${url}/api/other`, { method: 'DELETE' });
    expect(other.status).toBe(404);
    expect(other.json).toEqual({ error: 'Not Found', message: 'Cannot DELETE /api/other', code: 'NOT_FOUND' });
  });

  it('an app.all() route serves every method: its path is never a 405', async () => {
    const app = h3App();
    app.all('/any', () => 'ok');
    app.get('/pins', () => 'ok');
    const url = await serve(app);
    expect((await request(`${url}/any`, { method: 'PATCH' })).status).toBe(200);
  });

  it('a sub-app mounted with its own routes: read under the mount base', async () => {
    const api = new H3();
    api.get('/pins/:id', () => 'ok');
    const app = h3App();
    app.mount('/api', api);
    const url = await serve(app);
    const res = await request(`${url}/api/pins/2`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await request(`${url}/pins/2`, { method: 'PUT' })).status).toBe(404);
  });

  it('in-process (app.request()) as over HTTP', async () => {
    const app = h3App();
    app.post('/pins', () => 'ok');
    const res = await app.request('/pins', { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
