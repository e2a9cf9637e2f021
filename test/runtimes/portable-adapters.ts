// faultline/fetch and faultline/elysia apps for every envelope, behind one fetch, to run the
// adapter contract's probes unchanged on Node, Bun, Deno and workerd. Bundled by
// scripts/test-runtimes.mjs (one bundle per adapter); nothing here may touch a Node-only API.
import { checkedHeaders, CONTRACT_SCENARIOS, contractProbes, throwersOf } from '../../src/contract/index.js';
import { createFaultline, ENVELOPES, type EnvelopeName } from '../../src/index.js';
import type { AppSpec } from '../../src/contract/index.js';

export { checkedHeaders, createFaultline };

/** The request header naming the envelope of the app a probe goes to. */
export const ENVELOPE_HEADER = 'x-test-envelope';

export const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];

/** The contract's own probes (its scenarios need no library installed). */
export const PROBES = contractProbes(CONTRACT_SCENARIOS);

const throwers = throwersOf(CONTRACT_SCENARIOS);

/** One app per envelope, each made by `build`, picked per request by `ENVELOPE_HEADER`. */
export function perEnvelope(build: (spec: AppSpec) => (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  const apps = new Map(ENVELOPE_NAMES.map((envelope) => [envelope, build({ options: { envelope, logUnexpected: false }, throwers })]));
  return (request) => {
    const app = apps.get(request.headers.get(ENVELOPE_HEADER) as EnvelopeName) ?? (apps.get('problem-details') as (r: Request) => Promise<Response>);
    return app(request);
  };
}
