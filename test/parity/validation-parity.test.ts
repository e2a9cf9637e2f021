import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../harness/harness.js';
import { request, type Received } from '../support/http.js';
import { PROBES } from '../validation/contract.js';
import { expressValidationHarness } from '../validation/express-app.js';
import { fastifyValidationHarness } from '../validation/fastify-app.js';
import type { ValidationHarness } from '../validation/harness.js';
import { honoValidationHarness } from '../validation/hono-app.js';
import { koaValidationHarness } from '../validation/koa-app.js';
import { nestFastifyValidationHarness, nestValidationHarness } from '../validation/nest-app.js';
import { libraryRoutes, valibotSchemas, zodSchemas } from '../validation/standard-schemas.js';

const HARNESSES: readonly ValidationHarness[] = [
  expressValidationHarness,
  fastifyValidationHarness,
  honoValidationHarness,
  koaValidationHarness,
  nestValidationHarness,
  nestFastifyValidationHarness,
];

/**
 * validate() with a zod or valibot schema gives the same response on every framework: status and
 * body byte for byte (messages included), for every probe of the validation contract. A probe a
 * framework answers before validate runs (its harness lists it, with the reason) is left out for it.
 */
describe.each([
  ['zod', zodSchemas],
  ['valibot', valibotSchemas],
] as const)('validation parity with %s', (_library, schemas) => {
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const harness of HARNESSES) {
      apps.set(harness.framework, await harness.start({ handler: { envelope: 'problem-details' }, routes: libraryRoutes(schemas) }));
    }
  });
  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.close()));
  });

  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const seen: { framework: string; res: Received }[] = [];
    for (const harness of HARNESSES) {
      if (harness.differences?.some((d) => d.probe === probe.name)) continue;
      seen.push({ framework: harness.framework, res: await request(`${(apps.get(harness.framework) as RunningApp).url}${probe.path}`, probe.init) });
    }
    const [first, ...rest] = seen as [(typeof seen)[0], ...typeof seen];
    expect(first.res.status).toBeGreaterThanOrEqual(400);
    for (const other of rest) {
      expect(other.res.status, `${other.framework} vs ${first.framework}`).toBe(first.res.status);
      expect(other.res.text, `${other.framework} vs ${first.framework}`).toBe(first.res.text);
    }
  });
});
