import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, type EnvelopeName } from '../../src/index.js';
import { checkedHeaders, contractProbes, send, type Received } from '../../src/contract/index.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';

interface ParityProbe {
  readonly name: string;
  readonly path: string;
  readonly init?: RequestInit;
  /** Frameworks whose body parser accepts the request (they answer 200); the others must refuse it alike. */
  readonly acceptedBy?: readonly string[];
}

// The published contract's probes (faultline/kit/contract), with this suite's library-made
// scenarios, and what the frameworks' body parsers decide for themselves.
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
];

/**
 * The same throw gives the same response on every framework: status, body byte for byte, and the
 * headers the contract checks, compared across all harnesses for every envelope. Framework-made
 * differences (declared by each harness and listed in docs/guide/reliability.md) are the only exceptions. The
 * contract compares each harness with the core; this compares the harnesses with each other.
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
      if (harness.differences?.some((d) => d.probe === probe.name)) continue;
      const app = apps.get(harness.framework) as RunningApp;
      const res = await send(`${app.url}${probe.path}`, probe.init);
      if (probe.acceptedBy?.includes(harness.framework) === true) {
        expect(res.status, harness.framework).toBe(200);
        continue;
      }
      seen.push({ framework: harness.framework, res });
    }
    expect(seen.length).toBeGreaterThan(1);
    const [first, ...rest] = seen as [(typeof seen)[0], ...typeof seen];
    expect(first.res.status).toBeGreaterThanOrEqual(400);
    for (const other of rest) {
      const label = `${other.framework} vs ${first.framework}`;
      expect(other.res.status, label).toBe(first.res.status);
      expect(other.res.text, label).toBe(first.res.text);
      expect(checkedHeaders(other.res.headers), label).toEqual(checkedHeaders(first.res.headers));
    }
  });
});
