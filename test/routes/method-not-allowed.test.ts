import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../harness/harness.js';
import { request } from '../support/http.js';
import { ROUTE_FRAMEWORKS, type RouteTable } from './route-apps.js';

const TABLE: RouteTable = {
  routes: [
    { method: 'GET', path: '/pins' },
    { method: 'POST', path: '/pins' },
    { method: 'GET', path: '/pins/:id' },
    { method: 'PUT', path: '/pins/:id' },
  ],
  group: {
    prefix: '/v1',
    routes: [
      { method: 'GET', path: '/items/:id' },
      { method: 'DELETE', path: '/items/:id' },
    ],
  },
};

/** A request, and what every framework must answer: status and `Allow` (null: none). */
const PROBES: readonly (readonly [string, string, number, string | null])[] = [
  ['DELETE', '/pins/7', 405, 'GET, HEAD, PUT'],
  ['PATCH', '/pins', 405, 'GET, HEAD, POST'],
  ['POST', '/v1/items/3', 405, 'DELETE, GET, HEAD'],
  ['HEAD', '/pins/7', 200, null],
  ['PUT', '/pins/7', 200, null],
  ['GET', '/v1/items', 404, null],
  ['DELETE', '/pins/7/extra', 404, null],
  ['GET', '/nothing', 404, null],
  ['OPTIONS', '/pins/7', 404, null],
];

describe.each(ROUTE_FRAMEWORKS.map((f) => [f.name, f] as const))('%s: 405 from its own router', (_name, framework) => {
  let app: RunningApp;
  let off: RunningApp;
  beforeAll(async () => {
    app = await framework.start(TABLE);
    off = await framework.start(TABLE, { methodNotAllowed: false });
  });
  afterAll(async () => {
    await app.close();
    await off.close();
  });

  it.each(PROBES)('%s %s → %i, Allow %s', async (method, path, status, allow) => {
    const res = await request(`${app.url}${path}`, { method });
    expect(res.status).toBe(status);
    expect(res.headers.get('allow')).toBe(allow);
    if (status === 405) {
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      if (method !== 'HEAD') expect(res.json).toEqual({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: `${method} is not allowed on ${path}` });
    }
  });

  // Fastify's adapter remembers the router's answer by path once started: asked again, the same.
  it('asked a second time, every probe answers the same', async () => {
    for (const [method, path, status, allow] of PROBES) {
      const res = await request(`${app.url}${path}`, { method });
      expect([method, path, res.status, res.headers.get('allow')]).toEqual([method, path, status, allow]);
    }
  });

  it('methodNotAllowed: false keeps every unmatched route a 404', async () => {
    const res = await request(`${off.url}/pins/7`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
    expect(res.json).toMatchObject({ status: 404, detail: 'Cannot DELETE /pins/7' });
  });
});
