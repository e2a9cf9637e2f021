import { createServer } from 'node:http';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, errors, parseErrorResponse, retryDelay, type EnvelopeName } from '../../src/index.js';
import { expressHarness } from '../harness/express.js';
import type { RunningApp } from '../harness/harness.js';
import { listen } from '../support/http.js';
import { faultArb, tokenArb, toHttpError } from './faults.js';
import { expectRoundTrip } from './round-trip.js';

const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];
const RUNS = Number(process.env.FAULTLINE_CLIENT_HTTP_RUNS ?? 40);

// The same round trip as round-trip.test.ts, through a real Express server on 127.0.0.1 and a
// real fetch `Response`: what the wire (Node's HTTP writer, UTF-8, header casing) does to a body.
describe.each(ENVELOPE_NAMES)('%s over HTTP: Express renders, fetch receives, the client reads back', (envelope) => {
  const throwers: Record<string, () => unknown> = {};
  let app: RunningApp;
  beforeAll(async () => {
    app = await expressHarness.start({ options: { envelope }, throwers });
  });
  afterAll(() => app.close());

  let next = 0;
  it(`${RUNS} arbitrary faults`, async () => {
    const token = envelope === 'numeric-code' ? tokenArb.filter((t) => t !== '_errors') : tokenArb;
    await fc.assert(
      // fetch turns every 407 into a network error (Fetch standard: proxy authentication is the
      // user agent's business), so no fetch caller ever sees one to parse.
      fc.asyncProperty(faultArb({ token, status: fc.integer({ min: 400, max: 599 }).filter((s) => s !== 407) }), async (fault) => {
        const id = `f${next++}`;
        throwers[id] = () => toHttpError(fault);
        try {
          const res = await fetch(`${app.url}/throw/${id}`);
          const parsed = await parseErrorResponse(res);
          expect(res.bodyUsed).toBe(true);
          expectRoundTrip(envelope, fault, parsed, true);
        } finally {
          delete throwers[id];
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the framework’s own errors: malformed JSON and an unmatched route', async () => {
    const bad = await parseErrorResponse(await fetch(`${app.url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"cid": bafy' }));
    expect(bad).toMatchObject({ status: 400, envelope, message: 'Request body is not valid JSON' });
    const missing = await parseErrorResponse(await fetch(`${app.url}/no/such/route`));
    expect(missing).toMatchObject({ status: 404, envelope, code: 'NOT_FOUND' });
  });

  it('HEAD: no body to read; status and Retry-After still parse', async () => {
    throwers.head = () => errors.serviceUnavailable(undefined, { retryAfter: 9 });
    const parsed = await parseErrorResponse(await fetch(`${app.url}/throw/head`, { method: 'HEAD' }));
    expect(parsed).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: 9, envelope: 'none', body: null });
    expect(retryDelay(parsed, 1, { jitter: false })).toBe(9000);
  });
});

// What no faultline server sends but a client meets anyway: proxies' HTML pages, plain text,
// HTTP-date Retry-After, a response whose body was already read.
describe('responses from other servers', () => {
  let app: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    app = await listen(
      createServer((req, res) => {
        if (req.url === '/html') {
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>');
        } else if (req.url === '/date') {
          // A wait as an HTTP-date: measured from the response's Date, not the client's clock.
          res.writeHead(503, {
            date: 'Wed, 21 Oct 2015 07:28:00 GMT',
            'retry-after': 'Wed, 21 Oct 2015 07:30:00 GMT',
            'content-type': 'text/plain',
          });
          res.end('Service Unavailable');
        } else if (req.url === '/problem') {
          // A problem+json from elsewhere: a type URI, no code, a pointer with an escaped `/` and a space.
          res.writeHead(422, { 'content-type': 'application/problem+json; charset=utf-8' });
          res.end(
            JSON.stringify({
              type: 'https://example.com/probs/validation',
              title: 'Your request is not valid.',
              status: 422,
              errors: [{ detail: 'must be a positive integer', pointer: '#/a~1b/c%20d' }],
              instance: '/account/12345/msgs/abc',
            }),
          );
        } else {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"truncated": ');
        }
      }),
    );
  });
  afterAll(() => app.close());

  it('an HTML error page: what the status says, the page kept as the body', async () => {
    const parsed = await parseErrorResponse(await fetch(`${app.url}/html`));
    expect(parsed).toMatchObject({ status: 502, code: 'BAD_GATEWAY', message: 'Bad Gateway', envelope: 'none', issues: [], extras: {} });
    expect(parsed.body).toContain('nginx');
  });

  it('Retry-After as an HTTP-date, against the response’s Date', async () => {
    const parsed = await parseErrorResponse(await fetch(`${app.url}/date`));
    expect(parsed).toMatchObject({ status: 503, retryAfter: 120, envelope: 'none', body: 'Service Unavailable' });
  });

  it('problem details from another server: title as the message, pointer decoded, instance an extra', async () => {
    const parsed = await parseErrorResponse(await fetch(`${app.url}/problem`));
    expect(parsed).toMatchObject({
      status: 422,
      envelope: 'problem-details',
      code: 'UNPROCESSABLE_ENTITY',
      message: 'Your request is not valid.',
      title: 'Your request is not valid.',
      issues: [{ pointer: '/a~1b/c d', message: 'must be a positive integer', location: 'body' }],
      extras: { instance: '/account/12345/msgs/abc' },
    });
  });

  it('JSON declared but cut short: read as text', async () => {
    const parsed = await parseErrorResponse(await fetch(`${app.url}/cut`));
    expect(parsed).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR', envelope: 'none', body: '{"truncated": ' });
  });

  it('a body already read by the caller: the status and headers alone', async () => {
    const res = await fetch(`${app.url}/date`);
    await res.text();
    const parsed = await parseErrorResponse(res);
    expect(parsed).toMatchObject({ status: 503, retryAfter: 120, envelope: 'none', body: null });
  });
});
