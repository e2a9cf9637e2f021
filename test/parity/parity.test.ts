import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, type EnvelopeName } from '../../src/index.js';
import { checkedHeaders, contractProbes, type Received } from '../../src/contract/index.js';
import { HARNESSES, WITHOUT_ALLOWED_METHODS } from '../harness/all.js';
import { requestApp, type Harness, type RunningApp } from '../harness/harness.js';
import { HTTP2_HARNESSES } from '../harness/http2.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';

/** HTTP/1.1 on every framework, and HTTP/2 (h2 and h2c) on every one that serves it. */
const ALL_HARNESSES: readonly Harness[] = [...HARNESSES, ...HTTP2_HARNESSES];


interface ParityProbe {
  readonly name: string;
  readonly path: string;
  readonly init?: RequestInit;
  /** Frameworks whose body parser accepts the request (they answer 200); the others must refuse it alike. */
  readonly acceptedBy?: readonly string[];
  /** Frameworks the probe is not about. */
  readonly skip?: readonly string[];
  /** The status and `Allow` every framework must send, when the probe is about them (`null`: no `Allow`). */
  readonly status?: number;
  readonly allow?: string | null;
}

// The published contract's probes (faultline/kit/contract), with this suite's library-made
// scenarios, what the frameworks' body parsers decide for themselves, and 405s read from routers.
const PROBES: readonly ParityProbe[] = [
  ...contractProbes(THROW_SCENARIOS),
  {
    // body-parser and co-body read an empty JSON body as {} (Express, Koa, Nest on Express answer
    // 200), h3's readBody as undefined; Fastify refuses it, and so do Hono's jsonBody(), faultline/
    // fetch's readJson and Elysia's jsonBody(): in the same words as malformed JSON.
    name: 'empty JSON body',
    path: '/json',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' },
    acceptedBy: ['express', 'express4', 'koa', 'koa2', 'nest', 'h3'],
  },
  // A path served for other methods is a 405 with Allow, read from each framework's own router.
  { name: 'known path, wrong method: 405 with Allow', path: '/ok', init: { method: 'DELETE' }, status: 405, allow: 'GET, HEAD', skip: WITHOUT_ALLOWED_METHODS },
  { name: 'POST-only path, GET: 405 with Allow: POST', path: '/json', init: { method: 'GET' }, status: 405, allow: 'POST', skip: WITHOUT_ALLOWED_METHODS },
  { name: 'a parameterised path, wrong method: 405', path: '/cors/faultline-401', init: { method: 'PUT' }, status: 405, allow: 'GET, HEAD', skip: WITHOUT_ALLOWED_METHODS },
  { name: 'HEAD of a POST-only path: 405, no body', path: '/json', init: { method: 'HEAD' }, status: 405, allow: 'POST', skip: WITHOUT_ALLOWED_METHODS },
  { name: 'OPTIONS of a known path is left to CORS middleware: 404', path: '/ok', init: { method: 'OPTIONS' }, status: 404, allow: null, skip: WITHOUT_ALLOWED_METHODS },
  { name: 'a path no route serves stays 404, whatever the method', path: '/ok/deeper', init: { method: 'DELETE' }, status: 404, allow: null },
];

/**
 * The same throw gives the same response on every framework, over HTTP/1.1 and HTTP/2: status,
 * body byte for byte, and the headers the contract checks, compared across all harnesses for
 * every envelope. Framework-made differences (declared by each harness and listed in docs/guide/reliability.md) are
 * the only exceptions. The contract compares each harness with the core; this compares the
 * harnesses with each other.
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
      if (harness.differences?.some((d) => d.probe === probe.name)) continue;
      if (probe.skip?.includes(harness.framework) === true) continue;
      const app = apps.get(harness.framework) as RunningApp;
      const res = await requestApp(app, probe.path, probe.init);
      if (probe.acceptedBy?.some((framework) => harness.framework === framework || harness.framework.startsWith(`${framework}-h2`)) === true) {
        expect(res.status, harness.framework).toBe(200);
        continue;
      }
      seen.push({ framework: harness.framework, res });
    }
    expect(seen.length).toBeGreaterThan(1);
    const [first, ...rest] = seen as [(typeof seen)[0], ...typeof seen];
    expect(first.res.status).toBeGreaterThanOrEqual(400);
    if (probe.status !== undefined) expect(first.res.status).toBe(probe.status);
    if (probe.allow !== undefined) expect(first.res.headers.get('allow')).toBe(probe.allow);
    for (const other of rest) {
      const label = `${other.framework} vs ${first.framework}`;
      expect(other.res.status, label).toBe(first.res.status);
      expect(other.res.text, label).toBe(first.res.text);
      expect(checkedHeaders(other.res.headers), label).toEqual(checkedHeaders(first.res.headers));
    }
  });
});
