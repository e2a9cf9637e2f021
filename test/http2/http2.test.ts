// Errors over HTTP/2 (h2 and h2c), on every framework that serves it. The parity suite already
// compares each answer with HTTP/1.1's; this file pins what only HTTP/2 has: no connection-specific
// header field, ever (RFC 9113 §8.2.2), and a cancelled stream is a client that has gone.
import createError from 'http-errors';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errors, type Fault } from '../../src/index.js';
import type { RunningApp } from '../harness/harness.js';
import { requestApp } from '../harness/harness.js';
import { HTTP2_HARNESSES } from '../harness/http2.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';
import { abortedUpload2, spyOnAbortedResponses } from '../support/aborted-upload.js';
import { localCertificate } from '../support/certificate.js';

const CONNECTION_SPECIFIC = ['connection', 'upgrade', 'keep-alive', 'transfer-encoding', 'proxy-connection'];

const THROWN_CONNECTION_FIELDS = () =>
  createError(400, 'Bad framing', {
    headers: { Connection: 'close', 'Keep-Alive': 'timeout=5', 'Transfer-Encoding': 'chunked', 'Proxy-Connection': 'keep-alive', Upgrade: 'h2c' },
  });

describe.each(HTTP2_HARNESSES.map((h) => [h.framework, h] as const))('%s', (_name, harness) => {
  let app: RunningApp;
  const told: Fault[] = [];
  beforeAll(async () => {
    app = await harness.start({
      // An app that lets errors set every connection-specific field still sends none over HTTP/2.
      options: { exposeHeaders: CONNECTION_SPECIFIC, onError: (fault) => void told.push(fault) },
      throwers: { ...THROWERS, 'connection-fields': THROWN_CONNECTION_FIELDS, 'upgrade-426': () => errors.upgradeRequired(undefined, { headers: { Upgrade: 'h2c' } }) },
    });
  });
  afterAll(() => app.close());

  it('no scenario sends a connection-specific field; each keeps its status', async () => {
    for (const scenario of THROW_SCENARIOS) {
      const res = await requestApp(app, `/throw/${scenario.name}`);
      expect(res.status, scenario.name).toBe(harness.differences?.some((d) => d.probe === `throw ${scenario.name}`) === true ? res.status : scenario.status);
      for (const name of CONNECTION_SPECIFIC) expect(res.headers.get(name), `${scenario.name}: ${name}`).toBeNull();
    }
  });

  it('a thrown 426 with Upgrade: answered without Upgrade or Connection, and the server lives on', async () => {
    for (const route of ['/throw/upgrade-426', '/async/upgrade-426']) {
      const res = await requestApp(app, route);
      expect(res.status).toBe(426);
      expect(res.headers.get('upgrade')).toBeNull();
      expect(res.headers.get('connection')).toBeNull();
      expect(res.json).toMatchObject({ status: 426, title: 'Upgrade Required' });
    }
    expect((await requestApp(app, '/ok')).status).toBe(200);
  });

  it('every connection-specific field an error sets, even allowed by exposeHeaders, is dropped', async () => {
    const res = await requestApp(app, '/throw/connection-fields');
    expect(res.status).toBe(400);
    for (const name of CONNECTION_SPECIFIC) expect(res.headers.get(name), name).toBeNull();
    expect((await requestApp(app, '/ok')).status).toBe(200);
  });

  it('a cancelled upload stream is told to onError as 499, nothing is written, the session serves on', async () => {
    const spy = spyOnAbortedResponses();
    told.length = 0;
    try {
      const ca = app.url.startsWith('https:') ? (await localCertificate()).cert : undefined;
      expect(await abortedUpload2(app.url, '/json', ca)).toBe('');
      await vi.waitFor(() => expect(told.map((fault) => fault.status)).toEqual([499]), { timeout: 5000, interval: 20 });
      expect(spy.written).toEqual([]);
      expect((await requestApp(app, '/ok')).status).toBe(200);
    } finally {
      spy.restore();
    }
  });
});
