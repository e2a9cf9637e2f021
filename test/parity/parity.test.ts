import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, type EnvelopeName } from '../../src/index.js';
import { pickHeaders } from '../harness/contract.js';
import { HARNESSES } from '../harness/all.js';
import type { Harness, RunningApp } from '../harness/harness.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';
import { request, type Received } from '../support/http.js';

interface Probe {
  readonly name: string;
  readonly path: string;
  readonly init?: RequestInit;
  /** The harness scenario this probe throws, to look up framework-made differences. */
  readonly scenario?: { readonly name: string; readonly route: 'throw' | 'async' };
  /** The content type every framework must send, when the probe is about it. */
  readonly contentType?: (envelope: EnvelopeName) => string;
  /** Frameworks whose body parser accepts the request (they answer 200); the others must refuse it alike. */
  readonly acceptedBy?: readonly string[];
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
  {
    name: 'malformed JSON',
    path: '/json',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' },
  },
  {
    // body-parser and co-body read an empty JSON body as {} (Express, Koa, Nest on Express answer
    // 200); Fastify refuses it, and so does Hono's jsonBody(): in the same words as malformed JSON.
    name: 'empty JSON body',
    path: '/json',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' },
    acceptedBy: ['express', 'express4', 'koa', 'koa2', 'nest'],
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
 * The same throw gives the same response on every framework: status, body byte for byte, and the
 * headers that matter, compared across all harnesses for every envelope. Framework-made
 * differences (declared by each harness and listed in README) are the only exceptions.
 */
describe.each(Object.keys(ENVELOPES) as EnvelopeName[])('parity: %s', (envelope) => {
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const harness of HARNESSES) {
      apps.set(harness.framework, await harness.start({ options: { envelope }, throwers: THROWERS }));
    }
  });
  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.close()));
  });

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const seen: { framework: string; res: Received }[] = [];
    for (const harness of HARNESSES) {
      if (isDifference(harness, probe)) continue;
      const app = apps.get(harness.framework) as RunningApp;
      const res = await request(`${app.url}${probe.path}`, probe.init);
      if (probe.acceptedBy?.includes(harness.framework) === true) {
        expect(res.status, harness.framework).toBe(200);
        continue;
      }
      seen.push({ framework: harness.framework, res });
    }
    expect(seen.length).toBeGreaterThan(probe.acceptedBy === undefined ? 0 : 1);
    const [first, ...rest] = seen as [(typeof seen)[0], ...typeof seen];
    expect(first.res.status).toBeGreaterThanOrEqual(400);
    if (probe.contentType !== undefined) expect(first.res.headers.get('content-type')).toBe(probe.contentType(envelope));
    for (const other of rest) {
      const label = `${other.framework} vs ${first.framework}`;
      expect(other.res.status, label).toBe(first.res.status);
      expect(other.res.text, label).toBe(first.res.text);
      expect(pickHeaders(other.res.headers), label).toEqual(pickHeaders(first.res.headers));
    }
  });
});
