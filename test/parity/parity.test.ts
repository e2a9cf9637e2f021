import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, type EnvelopeName } from '../../src/index.js';
import { pickHeaders } from '../harness/contract.js';
import { HARNESSES } from '../harness/all.js';
import { requestApp, type Harness, type RunningApp } from '../harness/harness.js';
import { HTTP2_HARNESSES } from '../harness/http2.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';
import type { Received } from '../support/http.js';

/** HTTP/1.1 on every framework, and HTTP/2 (h2 and h2c) on every one that serves it. */
const ALL_HARNESSES: readonly Harness[] = [...HARNESSES, ...HTTP2_HARNESSES];

interface Probe {
  readonly name: string;
  readonly path: string;
  readonly init?: RequestInit;
  /** The harness scenario this probe throws, to look up framework-made differences. */
  readonly scenario?: { readonly name: string; readonly route: 'throw' | 'async' };
  /** The content type every framework must send, when the probe is about it. */
  readonly contentType?: (envelope: EnvelopeName) => string;
  /** The status and `Allow` every framework must send, when the probe is about them (`null`: no `Allow`). */
  readonly status?: number;
  readonly allow?: string | null;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const envelopeType = (envelope: EnvelopeName): string => ENVELOPES[envelope].contentType;

const PROBES: readonly Probe[] = [
  ...THROW_SCENARIOS.flatMap((s) =>
    (['throw', 'async'] as const).map((route) => ({
      name: `${route} ${s.name}`,
      path: `/${route}/${s.name}`,
      scenario: { name: s.name, route },
    })),
  ),
  { name: 'unmatched route', path: '/no/such/route?x=1' },
  { name: 'unmatched route, POST', path: '/no/such/route', init: { method: 'POST' } },
  { name: 'HEAD of a 404', path: '/throw/faultline-404', init: { method: 'HEAD' } },
  { name: 'HEAD of a 500', path: '/throw/plain-error', init: { method: 'HEAD' } },
  { name: 'CORS headers kept', path: '/cors/faultline-401' },
  { name: 'Accept: application/json only', path: '/throw/faultline-404', init: { headers: { accept: 'application/json' } }, contentType: () => JSON_TYPE },
  { name: 'Accept prefers JSON by q-value', path: '/throw/plain-error', init: { headers: { accept: 'application/problem+json;q=0.5, application/json' } }, contentType: () => JSON_TYPE },
  { name: 'Accept excludes both: the envelope type, never a 406', path: '/throw/catalog-409', init: { headers: { accept: 'text/html' } }, contentType: envelopeType },
  { name: 'Accept: JSON with CORS Vary kept', path: '/cors/faultline-401', init: { headers: { accept: 'application/json' } }, contentType: () => JSON_TYPE },
  { name: 'stale headers removed', path: '/stale/faultline-429' },
  // A path served for other methods is a 405 with Allow, read from each framework's own router.
  { name: 'known path, wrong method: 405 with Allow', path: '/ok', init: { method: 'DELETE' }, status: 405, allow: 'GET, HEAD' },
  { name: 'POST-only path, GET: 405 with Allow: POST', path: '/json', init: { method: 'GET' }, status: 405, allow: 'POST' },
  { name: 'a parameterised path, wrong method: 405', path: '/cors/faultline-401', init: { method: 'PUT' }, status: 405, allow: 'GET, HEAD' },
  { name: 'HEAD of a POST-only path: 405, no body', path: '/json', init: { method: 'HEAD' }, status: 405, allow: 'POST' },
  { name: 'OPTIONS of a known path is left to CORS middleware: 404', path: '/ok', init: { method: 'OPTIONS' }, status: 404, allow: null },
  { name: 'a path no route serves stays 404, whatever the method', path: '/ok/deeper', init: { method: 'DELETE' }, status: 404, allow: null },
  {
    name: 'malformed JSON',
    path: '/json',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' },
  },
  {
    name: 'body too large',
    path: '/json',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(2048) }) },
  },
];

function isDifference(harness: Harness, probe: Probe): boolean {
  return (
    probe.scenario !== undefined &&
    (harness.differences ?? []).some((d) => d.scenario === probe.scenario?.name && d.route === probe.scenario?.route)
  );
}

/**
 * The same throw gives the same response on every framework, over HTTP/1.1 and HTTP/2: status,
 * body byte for byte, and the headers that matter, compared across all harnesses for every envelope. Framework-made
 * differences (declared by each harness and listed in README) are the only exceptions.
 */
describe.each(Object.keys(ENVELOPES) as EnvelopeName[])('parity: %s', (envelope) => {
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const harness of ALL_HARNESSES) {
      apps.set(harness.framework, await harness.start({ options: { envelope }, throwers: THROWERS }));
    }
  });
  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.close()));
  });

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const seen: { framework: string; res: Received }[] = [];
    for (const harness of ALL_HARNESSES) {
      if (isDifference(harness, probe)) continue;
      const app = apps.get(harness.framework) as RunningApp;
      seen.push({ framework: harness.framework, res: await requestApp(app, probe.path, probe.init) });
    }
    expect(seen.length).toBeGreaterThan(0);
    const [first, ...rest] = seen as [(typeof seen)[0], ...typeof seen];
    expect(first.res.status).toBeGreaterThanOrEqual(400);
    if (probe.contentType !== undefined) expect(first.res.headers.get('content-type')).toBe(probe.contentType(envelope));
    if (probe.status !== undefined) expect(first.res.status).toBe(probe.status);
    if (probe.allow !== undefined) expect(first.res.headers.get('allow')).toBe(probe.allow);
    for (const other of rest) {
      const label = `${other.framework} vs ${first.framework}`;
      expect(other.res.status, label).toBe(first.res.status);
      expect(other.res.text, label).toBe(first.res.text);
      expect(pickHeaders(other.res.headers), label).toEqual(pickHeaders(first.res.headers));
    }
  });
});
