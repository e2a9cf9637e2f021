// faultline/testing in vitest, as a user registers it: `import 'faultline/testing/vitest'`. The
// responses come from a real Express app with faultline (over HTTP with fetch, and through
// supertest), from Hono's app.request(), Fastify's inject(), and the core's own handle().
import { createServer } from 'node:http';
import Fastify from 'fastify';
import { Hono } from 'hono';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// oxlint-disable-next-line import/no-unassigned-import -- registers the matchers, as a user's setup file does
import '../../src/testing/vitest.js';
import { errorBoundary, errorHandler as honoErrorHandler, notFound as honoNotFound } from '../../adapters/hono/index.js';
import { errorHandler as fastifyErrorHandler } from '../../adapters/fastify/index.js';
import { createFaultline, ENVELOPES, errors, type EnvelopeName } from '../../src/index.js';
import { THROW_SCENARIOS } from '../scenarios/throwables.js';
import { listen } from '../support/http.js';
import { pinsApp } from './pins-app.js';

const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];
// Colours, when the runner adds them, are not what the tests read.
// oxlint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** The message a failing assertion throws (sync or async), without colours. */
async function failure(assertion: () => unknown): Promise<string> {
  try {
    await assertion();
  } catch (error) {
    return plain((error as Error).message);
  }
  throw new Error('the assertion passed');
}

describe('over HTTP: a fetch Response (await the assertion; the body stays readable)', () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await listen(createServer(pinsApp('problem-details')));
  });
  afterAll(() => server.close());

  it('toBeFault and toMatchEnvelope on the same response, then the test reads the body itself', async () => {
    const res = await fetch(`${server.url}/pins/bafy1`);
    await expect(res).toBeFault({ status: 404, code: 'NOT_FOUND', message: 'No pin bafy1' });
    await expect(res).toMatchEnvelope('problem-details');
    expect(await res.json()).toMatchObject({ status: 404, detail: 'No pin bafy1' });
  });

  it('issues, codes, Retry-After and asymmetric matchers', async () => {
    await expect(await fetch(`${server.url}/pins`, { method: 'POST' })).toBeFault({
      status: 400,
      issues: [{ pointer: '/cid', message: 'is required' }],
    });
    await expect(await fetch(`${server.url}/pay`, { method: 'POST' })).toBeFault({ status: 409, code: 'INSUFFICIENT_FUNDS', message: /lack of funds/ });
    await expect(await fetch(`${server.url}/limited`)).toBeFault({ status: 429, retryAfter: 30, message: expect.stringContaining('Slow') });
  });

  it('a hidden 5xx: the generic message, never the thrown one', async () => {
    const res = await fetch(`${server.url}/crash`);
    await expect(res).toBeFault({ status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' });
    await expect(res).not.toBeFault({ message: /hunter2/ });
  });

  it('.not: a success is not a fault, nor is an error page that bypassed faultline', async () => {
    await expect(await fetch(`${server.url}/ok`)).not.toBeFault();
    await expect(await fetch(`${server.url}/html`)).not.toBeFault({ status: 502 });
    await expect(await fetch(`${server.url}/ok`)).not.toMatchEnvelope('problem-details');
  });

  it('a Response whose body was already read is refused with the reason', async () => {
    const res = await fetch(`${server.url}/pins/1`);
    await res.text();
    await expect(() => expect(res).toBeFault()).toThrow(/the Response's body was already read/);
  });
});

describe('supertest: synchronous, no await needed', () => {
  it.each(ENVELOPE_NAMES)('%s: a 404 and a 400 with issues', async (envelope) => {
    const app = pinsApp(envelope);
    const missing = await supertest(app).get('/pins/bafy1');
    expect(missing).toBeFault({ status: 404, code: 'NOT_FOUND', envelope });
    expect(missing).toMatchEnvelope(envelope);
    const invalid = await supertest(app).post('/pins').send({});
    expect(invalid).toBeFault({ status: 400, issues: envelope === 'reason-details' ? [] : [{ pointer: '/cid' }] });
    expect(invalid).toMatchEnvelope(envelope);
  });

  it('a body in one envelope does not match another', async () => {
    const res = await supertest(pinsApp('reason-details')).get('/pins/1');
    for (const other of ENVELOPE_NAMES.filter((e) => e !== 'reason-details')) expect(res).not.toMatchEnvelope(other);
  });
});

describe('other responses the matchers take', () => {
  it('Hono’s app.request() (a Response)', async () => {
    const app = new Hono();
    app.use(errorBoundary({ envelope: 'status-object' }));
    app.onError(honoErrorHandler({ envelope: 'status-object' }));
    app.notFound(honoNotFound({ envelope: 'status-object' }));
    const res = await app.request('/nowhere');
    await expect(res).toBeFault({ status: 404, message: 'Cannot GET /nowhere' });
    await expect(res).toMatchEnvelope('status-object');
  });

  it('Fastify’s inject() (statusCode and a text body)', async () => {
    const app = Fastify();
    await app.register(fastifyErrorHandler({ envelope: 'numeric-code' }));
    app.get('/x', () => {
      throw errors.unauthorized('Invalid authentication token', { numericCode: 50014 });
    });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res).toBeFault({ status: 401, numericCode: 50014 });
    expect(res).toMatchEnvelope('numeric-code');
    await app.close();
  });

  it.each(ENVELOPE_NAMES)('%s: every body the core renders for the shared scenarios matches its envelope', (envelope) => {
    const faultline = createFaultline({ envelope });
    for (const scenario of THROW_SCENARIOS) {
      const response = faultline.handle(scenario.thrown(), { method: 'GET', path: '/x' });
      expect(response, scenario.name).toMatchEnvelope(envelope);
      expect(response, scenario.name).toBeFault({ status: scenario.status });
    }
  });
});

describe('failure messages', () => {
  it('toBeFault: each mismatched member, and the body diffed in its own terms', async () => {
    const res = await supertest(pinsApp('reason-details')).get('/crash');
    const message = await failure(() => expect(res).toBeFault({ status: 404, code: 'NOT_FOUND' }));
    expect(message).toContain('expect(response).toBeFault(expected)');
    expect(message).toContain('Received: 500 INTERNAL_SERVER_ERROR (reason-details)');
    expect(message).toContain('status: expected 404, received 500');
    expect(message).toContain('code: expected "NOT_FOUND", received "INTERNAL_SERVER_ERROR"');
    expect(message).toMatch(/-\s+"reason": "NOT_FOUND",/);
    expect(message).toMatch(/\+\s+"reason": "INTERNAL_SERVER_ERROR",/);
    // The unchanged member is shown as context, not as a difference.
    expect(message).toMatch(/^\s+"details": "Internal Server Error",/m);
  });

  it('toBeFault: an envelope that cannot carry what was asked says so', async () => {
    const res = await supertest(pinsApp('status-object')).post('/pay');
    const message = await failure(() => expect(res).toBeFault({ code: 'INSUFFICIENT_FUNDS' }));
    expect(message).toContain('code: expected "INSUFFICIENT_FUNDS", received "CONFLICT" (status-object bodies carry no machine code');
  });

  it('toBeFault: a body that is not JSON, and a status that is not an error', async () => {
    const server = await listen(createServer(pinsApp('problem-details')));
    try {
      const html = await failure(async () => expect(await fetch(`${server.url}/html`)).toBeFault());
      expect(html).toContain('the body is not JSON (text/html; charset=utf-8)');
      expect(html).toContain('Received body: <html><body><h1>502 Bad Gateway</h1></body></html>');
      const ok = await failure(async () => expect(await fetch(`${server.url}/ok`)).toBeFault());
      expect(ok).toContain('status 200 is not an error status (400–599)');
    } finally {
      await server.close();
    }
  });

  it('toBeFault with .not: what it is', async () => {
    const res = await supertest(pinsApp('problem-details')).get('/pins/1');
    const message = await failure(() => expect(res).not.toBeFault({ status: 404 }));
    expect(message).toContain('Expected the response not to be a fault matching { "status": 404 }');
    expect(message).toContain('Received: 404 NOT_FOUND (problem-details)');
  });

  it('toMatchEnvelope: every schema violation with its pointer, the content type, a status that disagrees', async () => {
    const message = await failure(() =>
      expect({
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: { type: 'about:blank', title: '', status: 500, errors: [{ detail: 'x', pointer: '/cid' }] },
      }).toMatchEnvelope('problem-details'),
    );
    expect(message).toContain('Expected a problem-details body (application/problem+json)');
    expect(message).toContain('content-type: expected "application/problem+json", received "application/json"');
    expect(message).toContain("(the body) must have required property 'detail'");
    expect(message).toContain('/title must NOT have fewer than 1 characters');
    expect(message).toContain('/errors/0/pointer must match pattern');
    expect(message).toContain('the body says status 500, the response 404');
    expect(message).toContain('"title": ""');
  });

  it('toMatchEnvelope: no body, and a name that is not an envelope', async () => {
    expect(await failure(() => expect({ status: 404, body: '' }).toMatchEnvelope('problem-details'))).toContain('there is no body');
    expect(() => expect({ status: 404 }).toMatchEnvelope('problem' as EnvelopeName)).toThrow(
      'toMatchEnvelope takes an envelope name (reason-details, error-message-code, status-object, numeric-code, problem-details), not "problem"',
    );
  });

  it('a value that is not a response', () => {
    expect(() => expect('404').toBeFault()).toThrow('toBeFault expects a response: a fetch Response, a supertest response or { status, headers, body }; received string');
    expect(() => expect({ code: 404 }).toBeFault()).toThrow(/received an object with code/);
  });
});
