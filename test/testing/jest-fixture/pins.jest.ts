// With `@jest/globals`: the matchers typed through the `expect` package's Matchers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { pinsApp } from '../pins-app.js';

describe('supertest', () => {
  it('a 404 in problem details', async () => {
    const res = await supertest(pinsApp('problem-details')).get('/pins/bafy1');
    expect(res).toBeFault({ status: 404, code: 'NOT_FOUND', message: 'No pin bafy1' });
    expect(res).toMatchEnvelope('problem-details');
  });

  it('issues and a machine code in error-message-code', async () => {
    const app = pinsApp('error-message-code');
    expect(await supertest(app).post('/pins').send({})).toBeFault({ status: 400, issues: [{ pointer: '/cid', location: 'body' }] });
    expect(await supertest(app).post('/pay')).toBeFault({ status: 409, code: 'INSUFFICIENT_FUNDS', message: expect.stringContaining('funds') });
  });

  it('.not', async () => {
    const app = pinsApp('reason-details');
    expect(await supertest(app).get('/ok')).not.toBeFault();
    expect(await supertest(app).get('/pins/1')).not.toMatchEnvelope('problem-details');
  });
});

describe('fetch over HTTP: await the assertion', () => {
  let url = '';
  const server = createServer(pinsApp('status-object'));
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  beforeAll(() => {
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a 429 with Retry-After, and the body still readable', async () => {
    const res = await fetch(`${url}/limited`);
    await expect(res).toBeFault({ status: 429, retryAfter: 30 });
    await expect(res).toMatchEnvelope('status-object');
    expect(await res.json()).toEqual({ status: { code: 429, text: 'Too Many Requests', message: 'Slow down' } });
  });
});

// Never called: the type checker must reject these (test/testing/jest.test.ts runs tsc).
export function misuses(res: Response): void {
  // @ts-expect-error a status is a number
  void expect(res).toBeFault({ status: '404' });
  // @ts-expect-error not an envelope name
  void expect(res).toMatchEnvelope('problem');
}
