// Fastify refuses a new route once started, so the adapter remembers its router's answer by path:
// the same answers as reading it every time, with the router read once for a path asked again.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../adapters/fastify/index.js';
import { request } from '../support/http.js';

describe('fastify: the methods at an unmatched path, remembered once started', () => {
  let app: FastifyInstance;
  let url: string;
  const lookups: string[] = [];

  beforeAll(async () => {
    app = Fastify();
    await app.register(errorHandler());
    app.get('/pins/:id', async () => 'ok');
    // Declared by a plugin loaded after faultline's: in the answer all the same.
    await app.register(async (scope) => void scope.put('/pins/:id', async () => 'ok'), { prefix: '' });
    // Counts the router's lookups; each still goes to Fastify's own findRoute.
    const findRoute = app.findRoute.bind(app);
    app.findRoute = ((options: Parameters<typeof findRoute>[0]) => {
      lookups.push(`${options.method} ${options.url}`);
      return findRoute(options);
    }) as typeof app.findRoute;
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('answers a path asked again the same, reading the router for it once', async () => {
    lookups.length = 0;
    for (let round = 0; round < 3; round += 1) {
      const refused = await request(`${url}/pins/7`, { method: 'DELETE' });
      expect([refused.status, refused.headers.get('allow')]).toEqual([405, 'GET, HEAD, PUT']);
      const missing = await request(`${url}/nowhere/7`);
      expect([missing.status, missing.headers.get('allow')]).toEqual([404, null]);
    }
    const paths = new Set(lookups.map((lookup) => lookup.split(' ')[1]));
    expect(paths).toEqual(new Set(['/pins/7', '/nowhere/7']));
    expect(lookups).toHaveLength(2 * app.supportedMethods.length);
  });

  it('answers correctly after more unmatched paths than it remembers', async () => {
    for (let i = 0; i < 600; i += 1) {
      const res = await request(`${url}/scan/${i}`, { method: 'POST' });
      expect(res.status).toBe(404);
    }
    const refused = await request(`${url}/pins/7`, { method: 'POST' });
    expect([refused.status, refused.headers.get('allow')]).toEqual([405, 'GET, HEAD, PUT']);
    const served = await request(`${url}/pins/7`, { method: 'PUT' });
    expect(served.status).toBe(200);
  });
});
