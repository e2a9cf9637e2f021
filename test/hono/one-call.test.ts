// `faultline(app, options)` on Hono is the three registrations (errorBoundary, onError, notFound):
// the whole adapter contract runs through a harness wired with the one call, and each thrown value
// reaches onError exactly once, as with the three calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAdapterContract } from '../harness/contract.js';
import type { Harness, RunningApp } from '../harness/harness.js';
import { honoHarness, honoOneCallHarness } from '../harness/hono.js';
import { THROWERS } from '../scenarios/throwables.js';
import { request } from '../support/http.js';

describeAdapterContract(honoOneCallHarness);

describe.each([honoHarness, honoOneCallHarness].map((h) => [h.framework, h] as [string, Harness]))('%s: one onError call per error', (_name, harness) => {
  const seen: number[] = [];
  let app: RunningApp;
  beforeAll(async () => {
    app = await harness.start({ options: { envelope: 'problem-details', onError: (fault) => seen.push(fault.status) }, throwers: THROWERS });
  });
  afterAll(() => app.close());

  it.each([
    ['an Error (onError)', '/throw/plain-error', 500],
    ['a string (the boundary)', '/async/string', 500],
    ['null (the boundary)', '/throw/null', 500],
    ['a RateLimiterRes (the boundary)', '/throw/rate-limiter-res', 429],
    ['an unmatched route (notFound)', '/no/such/route', 404],
  ])('%s', async (_what, path, status) => {
    seen.length = 0;
    const res = await request(`${app.url}${path}`);
    expect(res.status).toBe(status);
    expect(seen).toEqual([status]);
  });
});
