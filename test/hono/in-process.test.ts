import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickHeaders } from '../harness/contract.js';
import type { RunningApp } from '../harness/harness.js';
import { honoApp, honoHarness } from '../harness/hono.js';
import { THROWERS } from '../scenarios/throwables.js';
import { request } from '../support/http.js';

const SPEC = { options: { envelope: 'numeric-code' as const }, throwers: THROWERS };

const PROBES: readonly { name: string; path: string; init?: RequestInit }[] = [
  { name: 'faultline 404', path: '/throw/faultline-404' },
  { name: '401 with a challenge', path: '/throw/http-errors-401-header' },
  { name: '429 with Retry-After', path: '/async/faultline-429' },
  { name: 'hidden 5xx', path: '/throw/error-with-secret-fields' },
  { name: 'thrown string (errorBoundary)', path: '/throw/string' },
  { name: 'thrown RateLimiterRes (errorBoundary)', path: '/async/rate-limiter-res' },
  { name: 'ajv errors', path: '/throw/ajv-errors' },
  { name: 'unmatched route', path: '/no/such/route?x=1' },
  { name: 'HEAD', path: '/throw/faultline-405', init: { method: 'HEAD' } },
  { name: 'CORS kept', path: '/cors/faultline-401' },
  { name: 'stale removed', path: '/stale/faultline-429' },
  { name: 'malformed JSON', path: '/json', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' } },
  {
    name: 'body too large',
    path: '/json',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(2048) }) },
  },
];

/**
 * Hono apps are often tested with `app.request()`, no server: it must give what a client gets over
 * HTTP through `@hono/node-server` (status, body byte for byte, the headers that matter).
 */
describe('hono: app.request() in-process equals real HTTP', () => {
  const app = honoApp(SPEC);
  let server: RunningApp;
  beforeAll(async () => {
    server = await honoHarness.start(SPEC);
  });
  afterAll(() => server.close());

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const inProcess = await app.request(probe.path, probe.init);
    const inProcessText = await inProcess.text();
    const overHttp = await request(`${server.url}${probe.path}`, probe.init);
    expect(inProcess.status).toBeGreaterThanOrEqual(400);
    expect(inProcess.status).toBe(overHttp.status);
    expect(inProcessText).toBe(overHttp.text);
    expect(pickHeaders(inProcess.headers)).toEqual(pickHeaders(overHttp.headers));
  });
});
