import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBoundary, errorHandler, jsonBody, notFound } from '../../adapters/hono/index.js';
import { type FaultlineOptions } from '../../src/index.js';
import { BODY_MESSAGES } from '../../src/kit.js';
import { listen, request } from '../support/http.js';
import type { RunningApp } from '../harness/harness.js';

const OPTIONS: FaultlineOptions = { envelope: 'reason-details' };

function chunked(...chunks: string[]): RequestInit {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  // A streamed body goes out chunked, with no Content-Length for bodyLimit to trust.
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit;
}

/** `jsonBody()`: a JSON body's failures as client errors in the envelope, as `express.json()` gives them. */
describe('hono: jsonBody', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const hono = new Hono();
    hono.use(errorBoundary(OPTIONS));
    hono.onError(errorHandler(OPTIONS));
    hono.notFound(notFound(OPTIONS));
    hono.post('/echo', jsonBody({ limit: 1024 }), async (c) => c.json({ got: await c.req.json<unknown>() }));
    hono.post('/default', jsonBody(), async (c) => c.json({ size: JSON.stringify(await c.req.json<unknown>()).length }));
    hono.post('/text', jsonBody({ limit: 1024 }), async (c) => c.text(await c.req.text()));
    app = await listen(createAdaptorServer({ fetch: hono.fetch }) as Server);
  });
  afterAll(() => app.close());

  it('valid JSON reaches the route, which reads it with c.req.json()', async () => {
    const res = await request(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"cid":"Qm1"}' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ got: { cid: 'Qm1' } });
  });

  it('a +json media type is JSON too', async () => {
    const res = await request(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/merge-patch+json; charset=utf-8' }, body: '{"a":' });
    expect(res.status).toBe(400);
    expect(res.text).toBe(`{"error":{"reason":"BAD_REQUEST","details":"${BODY_MESSAGES.malformed}"}}`);
  });

  it('malformed JSON is a 400 that never echoes the body', async () => {
    const res = await request(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":"sk_live_SECRET",' });
    expect(res.status).toBe(400);
    expect(res.text).toBe(`{"error":{"reason":"BAD_REQUEST","details":"${BODY_MESSAGES.malformed}"}}`);
  });

  it('over the limit with a Content-Length: 413 before reading', async () => {
    const res = await request(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(2000) }) });
    expect(res.status).toBe(413);
    expect(res.text).toBe(`{"error":{"reason":"PAYLOAD_TOO_LARGE","details":"${BODY_MESSAGES.tooLarge}"}}`);
  });

  it('over the limit, streamed without a Content-Length: 413 once the limit is passed', async () => {
    const res = await request(`${app.url}/echo`, chunked('{"a":"', 'x'.repeat(800), 'y'.repeat(800), '"}'));
    expect(res.status).toBe(413);
    expect(res.text).toBe(`{"error":{"reason":"PAYLOAD_TOO_LARGE","details":"${BODY_MESSAGES.tooLarge}"}}`);
  });

  it('a streamed body under the limit is read whole', async () => {
    const res = await request(`${app.url}/echo`, chunked('{"a":', '"b"}'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ got: { a: 'b' } });
  });

  it('the default limit is 100 kB, as express.json()', async () => {
    const under = await request(`${app.url}/default`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify('x'.repeat(102_000)) });
    expect(under.status).toBe(200);
    const over = await request(`${app.url}/default`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify('x'.repeat(102_400)) });
    expect(over.status).toBe(413);
  });

  it('another content type passes through unparsed, still under the limit', async () => {
    const res = await request(`${app.url}/text`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"not":' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"not":');
    const big = await request(`${app.url}/text`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(2000) });
    expect(big.status).toBe(413);
  });

  it('the server keeps serving', async () => {
    const res = await request(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(res.status).toBe(200);
  });
});
