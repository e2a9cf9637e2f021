import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, type EnvelopeName } from '../../src/index.js';
import { checkedHeaders, contractProbes, send, type Received } from '../../src/contract/index.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';

// The published contract's probes (faultline/kit/contract), with this suite's library-made scenarios.
const PROBES = contractProbes(THROW_SCENARIOS);

/**
 * The same throw gives the same response on every framework: status, body byte for byte, and the
 * headers the contract checks, compared across all harnesses for every envelope. Framework-made
 * differences (declared by each harness and listed in README) are the only exceptions. The
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
      seen.push({ framework: harness.framework, res: await send(`${app.url}${probe.path}`, probe.init) });
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
