import { Agent } from 'node:http';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, type EnvelopeName } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { schemaErrors } from '../schemas/body-validator.js';
import { ALLOWED_RESPONSE_HEADERS, FORBIDDEN_HEADERS } from './allowed-headers.js';
import { build, recipeArb, type Recipe } from './hostile-values.js';
import { rawRequest } from './raw-request.js';

/** Runs per adapter: 1,000 in `npm test`; `npm run fuzz` sets 100,000. */
const RUNS = Number(process.env.FAULTLINE_FUZZ_RUNS ?? 1000);
const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];
const CONTENT_TYPES: Record<EnvelopeName, string> = Object.fromEntries(ENVELOPE_NAMES.map((name) => [name, ENVELOPES[name].contentType])) as Record<EnvelopeName, string>;

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: anything thrown leaves as a valid error', (_framework, harness) => {
  // The value for each request, by id: the route throws `registry[id]()` inside the real server.
  const registry: Record<string, () => unknown> = {};
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const envelope of ENVELOPE_NAMES) {
      for (const debug of [false, true]) {
        apps.set(`${envelope}:${debug}`, await harness.start({ options: { envelope, debug }, throwers: registry }));
      }
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  let next = 0;
  // One kept-alive connection per app: each fuzzed request and the check after it share it, so a
  // server that left the connection in a bad state fails the next request.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(() => agent.destroy());
  it(
    `${RUNS} arbitrary throwables: 4xx/5xx, a body valid against the envelope's schema, only allowed headers, no CR/LF, still serving`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          recipeArb,
          fc.constantFrom(...ENVELOPE_NAMES),
          fc.boolean(),
          fc.constantFrom('GET', 'POST', 'DELETE', 'HEAD'),
          fc.constantFrom('throw', 'async'),
          async (recipe: Recipe, envelope, debug, method, route) => {
            const app = apps.get(`${envelope}:${debug}`) as RunningApp;
            const id = `fuzz-${next++}`;
            registry[id] = () => build(recipe);
            try {
              const res = await rawRequest(`${app.url}/${route}/${id}`, { method, agent });
              expect(res.status).toBeGreaterThanOrEqual(400);
              expect(res.status).toBeLessThanOrEqual(599);
              for (const [name, value] of res.rawHeaders) {
                expect(ALLOWED_RESPONSE_HEADERS.has(name), `header ${name}`).toBe(true);
                expect(value).not.toMatch(/[\r\n\0]/);
              }
              for (const name of FORBIDDEN_HEADERS) expect(res.rawHeaders.some(([n]) => n === name), name).toBe(false);
              const contentType = res.rawHeaders.find(([n]) => n === 'content-type')?.[1];
              if (method === 'HEAD') {
                expect(res.body).toBe('');
              } else {
                expect(contentType).toBe(CONTENT_TYPES[envelope]);
                const body: unknown = JSON.parse(res.body);
                expect(schemaErrors(envelope, body), res.body).toEqual([]);
                // The body never contradicts the status line.
                if (envelope === 'problem-details') expect((body as { status: number }).status).toBe(res.status);
                if (envelope === 'status-object') expect((body as { status: { code: number } }).status.code).toBe(res.status);
              }
              const ok = await rawRequest(`${app.url}/ok`, { agent });
              expect(ok.status).toBe(200);
            } finally {
              delete registry[id];
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    // 1,000 runs take seconds; the 100,000 of `npm run fuzz` take minutes.
    Math.max(60_000, RUNS * 50),
  );
});
