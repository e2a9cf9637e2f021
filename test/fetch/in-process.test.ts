import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedHeaders, contractProbes, send } from '../../src/contract/index.js';
import { fetchApp, fetchHarness } from '../harness/fetch.js';
import type { RunningApp } from '../harness/harness.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';

const SPEC = { options: { envelope: 'problem-details' as const }, throwers: THROWERS };

/**
 * A fetch handler is often called with no server at all (a Worker's tests, Next.js route tests):
 * in-process it must answer what a client gets over HTTP, for every probe of the contract.
 */
describe('fetch: the handler called in-process equals real HTTP', () => {
  const app = fetchApp(SPEC);
  let server: RunningApp;
  beforeAll(async () => {
    server = await fetchHarness.start(SPEC);
  });
  afterAll(() => server.close());

  it.each(contractProbes(THROW_SCENARIOS).map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const direct = await app(new Request(`http://localhost${probe.path}`, probe.init));
    const over = await send(`${server.url}${probe.path}`, probe.init);
    expect(direct.status).toBe(over.status);
    expect(await direct.text()).toBe(over.text);
    expect(checkedHeaders(direct.headers)).toEqual(checkedHeaders(over.headers));
  });
});
