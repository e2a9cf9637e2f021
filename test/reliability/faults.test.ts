import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEnvelope, errors, HttpError, type FaultlineOptions } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import type { Harness, RunningApp } from '../harness/harness.js';
import { rawRequest } from './raw-request.js';

/** The body of last resort: what leaves when even the configured envelope cannot render a 500. */
const LAST_RESORT = '{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}';

const throwingEnvelope = defineEnvelope({
  name: 'throws',
  body: () => {
    throw new Error('envelope bug');
  },
});
const bigintEnvelope = defineEnvelope({ name: 'bigint', body: (f) => ({ code: f.code, id: 10n }) });
const toJsonEnvelope = defineEnvelope({
  name: 'to-json',
  body: (f) => ({ code: f.code, when: { toJSON: () => { throw new Error('toJSON bug'); } } }),
});

/** Everything the server wrote on one connection, until it closed it (or `ms` passed). */
function exchange(url: string, path: string, onConnected?: (socket: Socket) => void, ms = 5000): Promise<{ text: string; closedByServer: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer: false });
    }, ms);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer: true });
    });
    socket.on('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
      onConnected?.(socket);
    });
  });
}

async function stillServing(app: RunningApp): Promise<void> {
  for (let i = 0; i < 3; i++) expect((await rawRequest(`${app.url}/ok`)).status).toBe(200);
}

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: faults during error handling', (_framework, harness: Harness) => {
  const apps: RunningApp[] = [];
  async function start(options: FaultlineOptions, throwers: Record<string, () => unknown>): Promise<RunningApp> {
    const app = await harness.start({ options, throwers });
    apps.push(app);
    return app;
  }
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('onError throws: the response is the one it would have been', async () => {
    let calls = 0;
    const app = await start(
      {
        envelope: 'status-object',
        onError: () => {
          calls++;
          throw new Error('logger down');
        },
      },
      { conflict: () => errors.conflict('Duplicate name') },
    );
    const res = await rawRequest(`${app.url}/async/conflict`);
    expect(res.status).toBe(409);
    expect(res.body).toBe('{"status":{"code":409,"text":"Conflict","message":"Duplicate name"}}');
    expect(calls).toBe(1);
    await stillServing(app);
  });

  it('the configured envelope throws: a 500 with the fixed problem-details body', async () => {
    const app = await start({ envelope: throwingEnvelope }, { conflict: () => errors.conflict('x') });
    const res = await rawRequest(`${app.url}/throw/conflict`);
    expect(res.status).toBe(500);
    expect(res.body).toBe(LAST_RESORT);
    expect(res.rawHeaders).toContainEqual(['content-type', 'application/problem+json']);
    await stillServing(app);
  });

  it('a variant envelope throws: a 500 in the configured envelope', async () => {
    const app = await start({ envelope: 'reason-details', variants: { 409: throwingEnvelope } }, { conflict: () => errors.conflict('x') });
    const res = await rawRequest(`${app.url}/throw/conflict`);
    expect(res.status).toBe(500);
    expect(res.body).toBe('{"error":{"reason":"INTERNAL_SERVER_ERROR","details":"Internal Server Error"}}');
    await stillServing(app);
  });

  it.each([
    ['a BigInt', bigintEnvelope],
    ['a throwing toJSON', toJsonEnvelope],
  ])('serialisation throws (%s in the body): a 500 with the fixed body', async (_what, envelope) => {
    const app = await start({ envelope }, { conflict: () => errors.conflict('x') });
    const res = await rawRequest(`${app.url}/throw/conflict`);
    expect(res.status).toBe(500);
    expect(res.body).toBe(LAST_RESORT);
    await stillServing(app);
  });

  it('extras holding a BigInt and a throwing toJSON are reduced to JSON, not a failure', async () => {
    const app = await start(
      { envelope: 'error-message-code' },
      {
        extras: () =>
          new HttpError(409, 'x', { code: 'TAKEN', extras: { id: 12345678901234567890n, when: { toJSON: () => { throw new Error('toJSON bug'); }, at: 1 } } }),
      },
    );
    const res = await rawRequest(`${app.url}/throw/extras`);
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body)).toEqual({ error: 'Conflict', message: 'x', code: 'TAKEN', id: '12345678901234567890', when: { at: 1 } });
    await stillServing(app);
  });

  it('headers already sent, body streaming, then an error: one response, cut short; the server keeps serving', async () => {
    const app = await start({}, {});
    const { text, closedByServer } = await exchange(app.url, '/sent');
    // The outcome: the 200 that had started is the only response; the connection is closed before
    // the message is complete (no terminating chunk), so the client cannot take it for a whole body.
    expect(closedByServer).toBe(true);
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 200']);
    expect(text).toContain('partial');
    expect(text.endsWith('\r\n0\r\n\r\n')).toBe(false);
    expect(text).not.toMatch(/"(status|title|error)"/);
    await stillServing(app);
  });

  it('the client disconnects before the error is written: nothing crashes, the server keeps serving', async () => {
    let client: Socket | undefined;
    const app = await start({}, {
      // Runs inside the route, after the request arrived: the client hangs up before the error is written.
      gone: () => {
        client?.destroy();
        return errors.serviceUnavailable('x', { retryAfter: 1 });
      },
    });
    for (const route of ['throw', 'async']) {
      const { text } = await exchange(app.url, `/${route}/gone`, (socket) => (client = socket), 2000);
      expect(text).toBe('');
    }
    await stillServing(app);
  });

  it('many clients hanging up mid-error at once: the server keeps serving', async () => {
    const app = await start({}, { slow: () => new Error('x') });
    const seen = await Promise.all(
      Array.from({ length: 50 }, (_, i) => exchange(app.url, `/${i % 2 ? 'throw' : 'async'}/slow`, (socket) => setImmediate(() => socket.destroy()), 2000)),
    );
    // Whatever arrived before the hang-up is at most one whole error response, never two.
    for (const { text } of seen) expect(text.match(/HTTP\/1\.1 \d{3}/g) ?? ['HTTP/1.1 500']).toEqual(['HTTP/1.1 500']);
    await stillServing(app);
  });
});

describe('no unhandled rejection or uncaught exception escapes', () => {
  const seen: unknown[] = [];
  const record = (error: unknown) => seen.push(error);
  beforeAll(() => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterAll(() => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });

  it.each(HARNESSES.map((h) => [h.framework, h] as const))('%s', async (_framework, harness) => {
    const app = await harness.start({
      options: { envelope: throwingEnvelope, onError: () => { throw new Error('logger down'); } },
      throwers: { x: () => new Error('x') },
    });
    try {
      for (const route of ['throw', 'async']) expect((await rawRequest(`${app.url}/${route}/x`)).status).toBe(500);
      await exchange(app.url, '/sent');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
