import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../adapters/fastify/index.js';
import { request } from '../support/http.js';

// Fastify validates with its own ajv from the route schema; its errors must read like faultline's.
describe('fastify: its own schema validation errors become field issues', () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    app = Fastify();
    await app.register(errorHandler({ envelope: 'problem-details', validationStatus: 422 }));
    app.post(
      '/pins',
      {
        schema: {
          body: {
            type: 'object',
            required: ['cid'],
            properties: { cid: { type: 'string', minLength: 46 }, meta: { type: 'object', required: ['app'] } },
          },
          querystring: { type: 'object', properties: { limit: { type: 'integer', maximum: 1000 } } },
        },
      },
      async () => ({ ok: true }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  afterAll(() => app.close());

  it('body: pointers at the failing fields, the configured validation status', async () => {
    const res = await request(`${url}/pins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meta: {} }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Request validation failed',
      errors: expect.arrayContaining([{ detail: 'is required', pointer: '#/cid', code: 'required', params: { missingProperty: 'cid' } }]),
    });
    expect(JSON.stringify(res.json)).not.toContain('FST_ERR');
  });

  it('querystring: the location is query', async () => {
    const res = await request(`${url}/pins?limit=5000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cid: 'Qm'.padEnd(46, 'x') }),
    });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ errors: [{ pointer: '#/limit', in: 'query' }] });
  });

  it('an unsupported media type keeps its status, not Fastify\'s internal code', async () => {
    const res = await request(`${url}/pins`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' });
    expect(res.status).toBe(415);
    expect(res.json).toEqual({ type: 'about:blank', title: 'Unsupported Media Type', status: 415, detail: 'Unsupported Media Type' });
  });
});
