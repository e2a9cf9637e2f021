import { createServer } from 'node:http';
import { basicAuth, handleCors, H3, HTTPError, toNodeHandler } from 'h3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBoundary, errorHandler, notFound } from '../../adapters/h3/index.js';
import { checkedHeaders, contractProbes, send } from '../../src/contract/index.js';
import { createFaultline, errors, type FaultlineOptions } from '../../src/index.js';
import { h3App, h3Harness } from '../harness/h3.js';
import type { RunningApp } from '../harness/harness.js';
import { SECRET, THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';
import { listen, request } from '../support/http.js';

const OPTIONS: FaultlineOptions = { envelope: 'error-message-code' };
const core = createFaultline(OPTIONS);

/** As h3 runs its own suites: every probe in-process (`app.request()`) and over a real server. */
describe('h3: app.request() in-process equals real HTTP', () => {
  const spec = { options: OPTIONS, throwers: THROWERS };
  const app = h3App(spec);
  let server: RunningApp;
  beforeAll(async () => {
    server = await h3Harness.start(spec);
  });
  afterAll(() => server.close());

  it.each(contractProbes(THROW_SCENARIOS).map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const direct = await app.request(probe.path, probe.init);
    const over = await send(`${server.url}${probe.path}`, probe.init);
    expect(direct.status).toBe(over.status);
    expect(await direct.text()).toBe(over.text);
    expect(checkedHeaders(direct.headers)).toEqual(checkedHeaders(over.headers));
  });
});

describe('h3: what onError is given, with errorHandler alone', () => {
  const told: unknown[] = [];
  const app = new H3({ onError: errorHandler({ ...OPTIONS, onError: (_fault, thrown) => told.push(thrown) }), silent: true });
  const plain = new Error(SECRET);
  app.get('/status', () => {
    throw HTTPError.status(409, 'Conflict', { message: 'Pin already exists' });
  });
  app.get('/bare', () => {
    throw HTTPError.status(410);
  });
  app.get('/plain', () => {
    throw plain;
  });
  app.get('/null', () => {
    throw null;
  });
  app.get('/number', () => {
    throw 404;
  });
  app.get('/secure', () => 'secret', { middleware: [basicAuth({ password: 'hunter2' })] });
  const call = (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init));

  it("h3's HTTPError: its status and message; the message h3 makes up (\"HTTPError 410\") is not one", async () => {
    const conflict = await call('/status');
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toBe('{"error":"Conflict","message":"Pin already exists","code":"CONFLICT"}');
    expect(await (await call('/bare')).text()).toBe('{"error":"Gone","message":"Gone","code":"GONE"}');
  });

  it("h3's basicAuth() keeps its WWW-Authenticate challenge", async () => {
    const res = await call('/secure');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="auth", charset="UTF-8"');
    expect(await res.text()).toBe('{"error":"Unauthorized","message":"Authentication required","code":"UNAUTHORIZED"}');
  });

  it('what h3 wrapped is unwrapped: onError and the response see the thrown value itself', async () => {
    told.length = 0;
    const res = await call('/plain');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(core.handle(plain, { method: 'GET', path: '/plain' }).body);
    await call('/null');
    expect(told).toEqual([plain, null]);
  });

  it('an unmatched route is worded as on every framework, not with the full URL', async () => {
    const res = await call('/nowhere?x=1', { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('{"error":"Not Found","message":"Cannot DELETE /nowhere","code":"NOT_FOUND"}');
  });

  it("a malformed URL, which h3 refuses before routing, is a 400 in the envelope", async () => {
    const res = await call('/%ZZ');
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('{"error":"Bad Request","message":"Bad Request","code":"BAD_REQUEST"}');
  });

  it('framework-made: without errorBoundary a thrown number is h3\'s error of that status', async () => {
    expect((await call('/number')).status).toBe(404);
    const bounded = new H3({ onError: errorHandler(OPTIONS), silent: true }).use(errorBoundary(OPTIONS));
    bounded.get('/number', () => {
      throw 404;
    });
    expect((await bounded.request('/number')).status).toBe(500);
  });

  it('framework-made: without errorBoundary a Proxy whose traps throw gets no answer from h3', async () => {
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error(SECRET); } });
    const bare = new H3({ onError: errorHandler(OPTIONS), silent: true });
    bare.get('/proxy', () => {
      throw hostile;
    });
    await expect(Promise.resolve(bare.request('/proxy'))).rejects.toThrow(SECRET);
    const bounded = new H3({ onError: errorHandler(OPTIONS), silent: true }).use(errorBoundary(OPTIONS));
    bounded.get('/proxy', () => {
      throw hostile;
    });
    const res = await bounded.request('/proxy');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(SECRET);
  });
});

describe('h3: headers set before the error', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const h3 = new H3({ onError: errorHandler({ envelope: 'problem-details' }), silent: true }).use(errorBoundary({ envelope: 'problem-details' }));
    h3.use((event) => {
      // h3's CORS helper writes both the response's headers and the error responses' (errHeaders).
      if (handleCors(event, { origin: ['https://app.example'], credentials: true })) return;
    });
    h3.get('/pins/:id', (event) => {
      event.res.headers.append('set-cookie', 'seen=1; Path=/');
      event.res.errHeaders.append('set-cookie', 'seen=1; Path=/');
      event.res.headers.set('cache-control', 'max-age=60');
      throw errors.notFound('No pin with that id');
    });
    h3.all('/api/**', notFound({ envelope: 'problem-details' }));
    app = await listen(createServer(toNodeHandler(h3)));
  });
  afterAll(() => app.close());

  it("h3's CORS headers stay, once; Vary joins Accept; a cookie is not doubled; the error's Cache-Control wins", async () => {
    const res = await request(`${app.url}/pins/7`, { headers: { origin: 'https://app.example', accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toBe('origin, Accept');
    expect(res.headers.getSetCookie()).toEqual(['seen=1; Path=/']);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('notFound as a route of its own', async () => {
    const res = await request(`${app.url}/api/v2/pins`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Cannot POST /api/v2/pins' });
  });
});
