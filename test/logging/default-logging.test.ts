import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errors, type FaultlineOptions } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import type { LogEntry, RunningApp } from '../harness/harness.js';
import { hostileProxy } from '../scenarios/throwables.js';
import { request } from '../support/http.js';

// A crash faultline answers with a generic 500 must still reach the logs, as the framework's own
// error handler would have logged it: each harness runs with its framework's logging on (Nest's
// Logger with a custom LoggerService, Fastify's pino into a stream, console.error for Express, Hono
// and Koa, captured here), and every entry at error level is collected.

const CRASH = 'report store unavailable: h16-crash';

/** A fresh Error per request, kept so the test can compare what was logged with its own stack. */
function crashes() {
  const thrown: Error[] = [];
  const throwers = {
    crash: () => {
      const error = new Error(CRASH, { cause: new Error('connect ECONNREFUSED 127.0.0.1:6379') });
      thrown.push(error);
      return error;
    },
    text: () => 'a thrown string',
    'not-found': () => errors.notFound('No pin 7'),
    conflict: () => errors.conflict('Duplicate name'),
    unavailable: () => errors.serviceUnavailable('down for maintenance', { retryAfter: 30 }),
    hostile: hostileProxy,
  };
  return { thrown, throwers };
}

/** The first two lines of a stack: `Error: message` and the frame that threw. */
function stackHead(error: Error): [string, string] {
  const [head, frame] = (error.stack ?? '').split('\n');
  return [head ?? '', (frame ?? '').trim()];
}

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: unexpected faults are logged by default', (_framework, harness) => {
  let entries: LogEntry[];
  const apps: RunningApp[] = [];
  const errorsLogged = () => entries.filter((e) => e.level === 'error').map((e) => e.text);

  beforeEach(() => {
    entries = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      entries.push({ level: 'error', text: args.map(String).join(' ') });
    });
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    vi.restoreAllMocks();
  });

  async function start(options?: FaultlineOptions) {
    const { thrown, throwers } = crashes();
    const app = await harness.start({ throwers, log: (entry) => entries.push(entry), ...(options === undefined ? {} : { options }) });
    apps.push(app);
    return { app, thrown };
  }

  it('a crash, thrown or rejected, is logged once with its own stack (and cause); the client gets the generic 500', async () => {
    const { app, thrown } = await start();
    for (const route of ['throw', 'async']) {
      entries.length = 0;
      const res = await request(`${app.url}/${route}/crash`);
      expect(res.status).toBe(500);
      expect(res.text).not.toContain(CRASH);
      const logged = errorsLogged();
      expect(logged, route).toHaveLength(1);
      const [head, frame] = stackHead(thrown.at(-1) as Error);
      expect(logged[0]).toContain(head);
      expect(logged[0]).toContain(frame);
      // Koa's default listener prints `err.stack` alone (koa/lib/application.js onerror); the others add the cause.
      if (!harness.framework.startsWith('koa')) expect(logged[0]).toContain('connect ECONNREFUSED 127.0.0.1:6379');
    }
  });

  it('a thrown non-Error and a 503 are unexpected too', async () => {
    const { app } = await start();
    expect((await request(`${app.url}/async/text`)).status).toBe(500);
    expect(errorsLogged().join('\n')).toContain('a thrown string');
    entries.length = 0;
    expect((await request(`${app.url}/throw/unavailable`)).status).toBe(503);
    expect(errorsLogged()).toHaveLength(1);
  });

  it('a hostile value is still reported, and the server keeps serving', async () => {
    const { app } = await start();
    expect((await request(`${app.url}/throw/hostile`)).status).toBe(500);
    expect(errorsLogged()).toHaveLength(1);
    expect((await request(`${app.url}/ok`)).status).toBe(200);
  });

  it('expected 4xx stay quiet: a thrown 404, a 409, an unmatched route', async () => {
    const { app } = await start();
    expect((await request(`${app.url}/throw/not-found`)).status).toBe(404);
    expect((await request(`${app.url}/async/conflict`)).status).toBe(409);
    expect((await request(`${app.url}/no/such/route`)).status).toBe(404);
    expect(errorsLogged()).toEqual([]);
  });

  it('onError replaces the default logger', async () => {
    const told: number[] = [];
    const { app } = await start({ onError: (fault) => told.push(fault.status) });
    expect((await request(`${app.url}/throw/crash`)).status).toBe(500);
    expect(told).toEqual([500]);
    expect(errorsLogged()).toEqual([]);
  });

  it('logUnexpected: false silences it; true keeps it beside onError', async () => {
    const quiet = await start({ logUnexpected: false });
    expect((await request(`${quiet.app.url}/throw/crash`)).status).toBe(500);
    expect(errorsLogged()).toEqual([]);

    const told: number[] = [];
    const both = await start({ logUnexpected: true, onError: (fault) => told.push(fault.status) });
    expect((await request(`${both.app.url}/throw/crash`)).status).toBe(500);
    expect(told).toEqual([500]);
    expect(errorsLogged()).toHaveLength(1);
  });
});
