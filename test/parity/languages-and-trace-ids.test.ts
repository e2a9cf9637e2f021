// Locales and trace ids through every framework: `Accept-Language` and `traceparent` probes give
// the same status, body and headers everywhere, and exactly what the core renders for that request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultline, ENVELOPES, type EnvelopeName, type FaultlineOptions } from '../../src/index.js';
import { routeNotFound, withExistingVary } from '../../src/kit.js';
import { FaultlineModule } from '../../adapters/nest/index.js';
import { HARNESSES } from '../harness/all.js';
import { startNest } from '../harness/nest.js';
import type { RunningApp } from '../harness/harness.js';
import { checkedHeaders, sortedVary } from '../../src/contract/index.js';
import { THROWERS } from '../scenarios/throwables.js';
import { request } from '../support/http.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

// The catalog the scenarios throw from (INSUFFICIENT_FUNDS), translated by code.
const LOCALES = {
  fr: {
    NOT_FOUND: 'Ressource introuvable',
    INSUFFICIENT_FUNDS: 'Fonds insuffisants',
    401: 'Authentification requise',
    429: 'Trop de requêtes',
    500: 'Erreur interne du serveur',
  },
  'pt-BR': { NOT_FOUND: 'Recurso não encontrado' },
} as const;

interface Probe {
  readonly name: string;
  readonly method?: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The thrown value the route throws, for the core's expected response. */
  readonly thrown: () => unknown;
  /** `Vary` the route set before throwing. */
  readonly vary?: string;
  /** What this probe is about, checked on the core's own response. */
  readonly language: string;
}

const fr = { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5', traceparent: TRACEPARENT };
const scenario = (name: string) => THROWERS[name] as () => unknown;

const PROBES: readonly Probe[] = [
  { name: 'fr-CA finds fr', path: '/throw/faultline-404', headers: fr, thrown: scenario('faultline-404'), language: 'fr' },
  { name: 'pt-BR exactly', path: '/throw/faultline-404', headers: { 'accept-language': 'pt-BR', traceparent: TRACEPARENT }, thrown: scenario('faultline-404'), language: 'pt-BR' },
  { name: 'pt does not find pt-BR (lookup never widens a range): the default', path: '/throw/faultline-404', headers: { 'accept-language': 'pt', traceparent: TRACEPARENT }, thrown: scenario('faultline-404'), language: 'en' },
  { name: 'no Accept-Language: the default', path: '/throw/faultline-404', headers: { traceparent: TRACEPARENT }, thrown: scenario('faultline-404'), language: 'en' },
  { name: 'q-values order the ranges', path: '/throw/faultline-404', headers: { 'accept-language': 'de;q=0.9, fr;q=0.1, pt-BR;q=0.8', traceparent: TRACEPARENT }, thrown: scenario('faultline-404'), language: 'pt-BR' },
  { name: 'q=0 refuses a language; * alone is the default', path: '/throw/faultline-404', headers: { 'accept-language': 'fr;q=0, *', traceparent: TRACEPARENT }, thrown: scenario('faultline-404'), language: 'en' },
  { name: 'a hidden 500 by status', path: '/throw/plain-error', headers: fr, thrown: scenario('plain-error'), language: 'fr' },
  { name: 'a catalog error by code', path: '/throw/catalog-409', headers: fr, thrown: scenario('catalog-409'), language: 'fr' },
  { name: "a route's own 401 message is kept (the status's translation is for the default)", path: '/throw/faultline-401', headers: fr, thrown: scenario('faultline-401'), language: 'en' },
  { name: 'an unmatched route', path: '/no/such/route', headers: fr, thrown: () => routeNotFound('GET', '/no/such/route'), language: 'fr' },
  { name: 'HEAD: headers only', method: 'HEAD', path: '/throw/faultline-404', headers: fr, thrown: scenario('faultline-404'), language: 'fr' },
  { name: 'Vary merged with CORS', path: '/cors/faultline-429', headers: fr, thrown: scenario('faultline-429'), vary: 'Origin', language: 'fr' },
  { name: "the route's Content-Language dropped, the error's sent", path: '/stale/faultline-429', headers: fr, thrown: scenario('faultline-429'), language: 'fr' },
  { name: 'Accept: application/json too', path: '/throw/faultline-404', headers: { ...fr, accept: 'application/json' }, thrown: scenario('faultline-404'), language: 'fr' },
  { name: 'a malformed traceparent (upper-case hex) is not used', path: '/throw/faultline-404', headers: { ...fr, traceparent: TRACEPARENT.toUpperCase(), 'x-request-id': 'req-from-client' }, thrown: scenario('faultline-404'), language: 'fr' },
];

describe.each(Object.keys(ENVELOPES) as EnvelopeName[])('languages and trace ids: %s', (envelope) => {
  const options: FaultlineOptions = { envelope, locales: LOCALES, traceId: true };
  const core = createFaultline(options);
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const harness of HARNESSES) apps.set(harness.framework, await harness.start({ options, throwers: THROWERS }));
  });
  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.close()));
  });

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const method = probe.method ?? 'GET';
    const id = probe.headers['x-request-id'];
    const facts = { method, path: probe.path, header: (name: string) => probe.headers[name] };
    const expected = core.handle(probe.thrown(), id === undefined ? facts : { ...facts, id });
    const headers = probe.vary === undefined ? expected.headers : withExistingVary(expected.headers, probe.vary);
    expect(expected.headers['content-language']).toBe(probe.language);
    expect(expected.headers['vary']).toMatch(/Accept-Language$/);
    for (const harness of HARNESSES) {
      // Fastify's own request id (req-1, …) stands in for a malformed traceparent, where others use the client's X-Request-Id.
      if (probe.headers['x-request-id'] !== undefined && /fastify/.test(harness.framework)) continue;
      const app = apps.get(harness.framework) as RunningApp;
      const res = await request(`${app.url}${probe.path}`, { method, headers: probe.headers });
      const label = harness.framework;
      expect(res.status, label).toBe(expected.status);
      expect(res.text, label).toBe(expected.body ?? '');
      for (const name of ['content-type', 'cache-control', 'content-language', 'www-authenticate', 'retry-after', 'etag']) {
        expect(res.headers.get(name), `${label}: ${name}`).toBe(headers[name] ?? null);
      }
      // A Vary list's order means nothing (RFC 9110 §12.5.5): a fetch app's CORS wrapper appends after the error's.
      expect(checkedHeaders(res.headers).vary, `${label}: vary`).toBe(headers['vary'] === undefined ? null : sortedVary(headers['vary']));
    }
  });
});

// Fastify (and Nest on it) have a request id of their own, which their logs use: it wins.
const ownId = (framework: string): boolean => /fastify/.test(framework);

describe('trace ids from request ids, per framework', () => {
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const harness of HARNESSES) apps.set(harness.framework, await harness.start({ options: { traceId: true }, throwers: THROWERS }));
  });
  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.close()));
  });

  it.each(HARNESSES.map((h) => [h.framework] as const))('%s: a well-formed X-Request-Id is the traceId; a hostile one never leaves', async (framework) => {
    const app = apps.get(framework) as RunningApp;
    const good = await request(`${app.url}/throw/plain-error`, { headers: { 'x-request-id': 'f3c1e2a0-9b7d-4c4e-8a51-2b6f0c9d7e11' } });
    expect(good.status).toBe(500);
    const goodId = (good.json as { traceId?: unknown }).traceId;
    if (ownId(framework)) expect(goodId).toMatch(/^req-\d+$/);
    else expect(goodId).toBe('f3c1e2a0-9b7d-4c4e-8a51-2b6f0c9d7e11');

    const hostile = await request(`${app.url}/throw/faultline-404`, { headers: { 'x-request-id': '"><script>alert(1)</script>' } });
    expect(hostile.status).toBe(404);
    expect(hostile.text).not.toContain('script');
    const hostileId = (hostile.json as { traceId?: unknown }).traceId;
    if (ownId(framework)) expect(hostileId).toMatch(/^req-\d+$/);
    else expect(hostileId).toBeUndefined();
  });
});


describe('NestJS: locales and traceId through FaultlineModule.forRoot(options)', () => {
  const options: FaultlineOptions = { locales: LOCALES, traceId: true };
  const core = createFaultline(options);
  const apps: RunningApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it.each(['express', 'fastify'] as const)('platform-%s: the same response as the core renders', async (platform) => {
    const app = await startNest(platform, { throwers: THROWERS }, { globalFilter: false, imports: [FaultlineModule.forRoot(options)] });
    apps.push(app);
    for (const probe of PROBES.filter((p) => p.headers['x-request-id'] === undefined && p.vary === undefined)) {
      const method = probe.method ?? 'GET';
      const expected = core.handle(probe.thrown(), { method, path: probe.path, header: (name) => probe.headers[name] });
      const res = await request(`${app.url}${probe.path}`, { method, headers: probe.headers });
      expect(res.status, probe.name).toBe(expected.status);
      expect(res.text, probe.name).toBe(expected.body ?? '');
      expect(res.headers.get('content-language'), probe.name).toBe(expected.headers['content-language']);
      expect(res.headers.get('vary'), probe.name).toBe(expected.headers['vary']);
    }
  });
});
