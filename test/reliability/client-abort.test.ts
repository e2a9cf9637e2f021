import { createServer } from 'node:http';
import { connect } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorBoundary, errorHandler, notFound } from '../../adapters/hono/index.js';
import { createFaultline, type Fault } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { THROWERS } from '../scenarios/throwables.js';
import { abortedUpload, spyOnAbortedResponses } from '../support/aborted-upload.js';
import { listen, request } from '../support/http.js';

/** Process-level failures a client abort must never cause. */
function watchProcess(): { readonly failures: unknown[]; stop(): void } {
  const failures: unknown[] = [];
  const record = (error: unknown) => failures.push(error);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    failures,
    stop() {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
/** Until `count` errors were told (a framework may notice a closed connection late), then a little more for any extra. */
async function toldAtLeast(told: readonly unknown[], count: number): Promise<void> {
  await vi.waitFor(() => expect(told.length).toBeGreaterThanOrEqual(count), { timeout: 5000, interval: 20 });
  await settle();
}

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: a client that aborts its upload', (_name, harness) => {
  let app: RunningApp;
  const told: { fault: Fault; thrown: unknown }[] = [];
  beforeAll(async () => {
    app = await harness.start({ options: { onError: (fault, thrown) => told.push({ fault, thrown }) }, throwers: THROWERS });
  });
  afterAll(() => app.close());
  afterEach(() => {
    told.length = 0;
  });

  it('is told to onError as 499 Client Closed Request, nothing is written, and the next request is served', async () => {
    const spy = spyOnAbortedResponses();
    const watch = watchProcess();
    try {
      const received = await abortedUpload(app.url, '/json');
      await toldAtLeast(told, 1);
      expect(received).toBe('');
      expect(told.map(({ fault }) => [fault.status, fault.code])).toEqual([[499, 'CLIENT_CLOSED_REQUEST']]);
      // What the framework reported (body-parser's `request aborted`, Node's ECONNRESET) is kept for logs.
      expect(told[0]?.thrown).toBeInstanceOf(Error);
      // h3 on Node (srvx's toNodeHandler) writes whatever Response the app returns, and Elysia
      // rebuilds the one its error hook returns (dropping @hono/node-server's "already sent" mark):
      // the 499 goes to a socket that is already gone, so nothing reaches the client, but the write
      // cannot be skipped there.
      expect(spy.written).toEqual(['h3', 'elysia'].includes(harness.framework) ? spy.written.filter((status) => status === 499) : []);
      expect(watch.failures).toEqual([]);
      expect((await request(`${app.url}/ok`)).status).toBe(200);
    } finally {
      spy.restore();
      watch.stop();
    }
  });

  it('ten at once: each told once, the server keeps serving', async () => {
    const watch = watchProcess();
    try {
      await Promise.all(Array.from({ length: 10 }, () => abortedUpload(app.url, '/json')));
      await toldAtLeast(told, 10);
      expect(told.map(({ fault }) => fault.status)).toEqual(Array.from({ length: 10 }, () => 499));
      expect(watch.failures).toEqual([]);
      expect((await request(`${app.url}/ok`)).status).toBe(200);
    } finally {
      watch.stop();
    }
  });

  it('a complete upload that fails to parse is still answered (400), not a 499', async () => {
    const res = await request(`${app.url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBe(400);
    expect(told.map(({ fault }) => fault.status)).toEqual([400]);
  });
});

describe('the same codes from an outgoing call, with the client still there', () => {
  it('an upstream ECONNRESET is not a 499: the client is answered', () => {
    const upstream = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const response = createFaultline().handle(upstream, { method: 'GET', path: '/x', aborted: () => false });
    expect(response.status).toBe(500);
  });

  it("an AbortError of the app's own timeout is not a 499 while the client waits", () => {
    const timeout = new DOMException('The operation was aborted', 'AbortError');
    const response = createFaultline().handle(timeout, { method: 'GET', path: '/x', aborted: () => false, signal: new AbortController().signal });
    expect(response.status).toBe(500);
  });

  it('a 5xx while the client has gone is still a bug, told as the 5xx it is', () => {
    const response = createFaultline().handle(new TypeError('x is undefined'), { method: 'GET', path: '/x', aborted: () => true });
    expect(response.status).toBe(500);
  });

  it("the signal is read only once aborted() says the client has gone (an adapter may make it then)", () => {
    const core = createFaultline();
    const controller = new AbortController();
    controller.abort('Client connection prematurely closed.');
    let reads = 0;
    let gone = false;
    const facts = {
      method: 'GET',
      path: '/x',
      aborted: () => gone,
      get signal() {
        reads++;
        return controller.signal;
      },
    };
    // The client is there: a 404 and a 500 are answered, and the signal is never read.
    expect(core.handle(new Error('boom'), facts).status).toBe(500);
    expect(core.handle(controller.signal.reason, facts).status).toBe(500);
    expect(reads).toBe(0);
    // Gone: what was thrown is the signal's reason, so it is the client going (499), even as a 5xx.
    gone = true;
    expect(core.handle(controller.signal.reason, facts).status).toBe(499);
    expect(reads).toBeGreaterThan(0);
  });

  it('an adapter that cannot say whether the client is there: only raw-body\'s own report is a 499', () => {
    const core = createFaultline();
    const rawBody = Object.assign(new Error('request aborted'), { type: 'request.aborted', code: 'ECONNABORTED', status: 400 });
    expect(core.handle(rawBody, { method: 'POST', path: '/x' }).status).toBe(499);
    expect(core.handle(Object.assign(new Error('x'), { code: 'ECONNRESET' }), { method: 'POST', path: '/x' }).status).toBe(500);
  });
});

describe("hono: what a fetch made with the request's signal throws when the client goes", () => {
  let upstream: RunningApp;
  let app: RunningApp;
  const told: number[] = [];
  beforeAll(async () => {
    upstream = await listen(createServer((_req, res) => setTimeout(() => res.end('late'), 1000)));
    const hono = new Hono();
    const options = { onError: (fault: Fault) => void told.push(fault.status) };
    hono.use(errorBoundary(options));
    hono.onError(errorHandler(options));
    hono.notFound(notFound(hono, options));
    hono.get('/proxy', async (c) => {
      // The upstream call is cancelled with the client: it rejects with the signal's reason.
      await fetch(upstream.url, { signal: c.req.raw.signal });
      return c.text('never');
    });
    hono.get('/ok', (c) => c.text('ok'));
    app = await listen(createAdaptorServer({ fetch: hono.fetch }) as ReturnType<typeof createServer>);
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });

  it('is a 499, and the server keeps serving', async () => {
    const { port } = new URL(app.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET /proxy HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await toldAtLeast(told, 1);
    expect(told).toEqual([499]);
    expect((await request(`${app.url}/ok`)).status).toBe(200);
  });
});
