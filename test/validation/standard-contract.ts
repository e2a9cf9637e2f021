import { type } from 'arktype';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RunningApp } from '../harness/harness.js';
import { request, type Received } from '../support/http.js';
import { json, PROBES } from './contract.js';
import type { ValidationHarness } from './harness.js';
import { awkwardBody, itemParams, pinsBody, searchQuery, versionHeaders } from './schemas.js';
import { libraryRoutes, valibotSchemas, zodSchemas, type LibrarySchemas } from './standard-schemas.js';

const JSON_SCHEMA_ROUTES = libraryRoutes({ pinsBody, searchQuery, itemParams, versionHeaders, awkwardBody } as unknown as LibrarySchemas);

/**
 * The rules a response names, as `in pointer keyword`, in a stable order: the libraries report
 * the same problems in their own order (zod lists a strict object's unknown keys after its
 * members, ajv before), and that order is theirs to choose.
 */
function rules(res: Received): string[] | string {
  const details = (res.json as { details?: { in: string; field: string; code: string }[] } | undefined)?.details;
  if (details === undefined) return res.text;
  return details.map((d) => `${d.in} ${d.field} ${d.code}`).toSorted();
}

/**
 * `validate()` with Standard Schema validators, over real HTTP on every framework: a zod route
 * and a valibot route answer every probe of the JSON Schema contract with the same status,
 * pointers and keywords as the JSON Schema route; the route sees each validator's output
 * (coerced, transformed, defaults filled in); asynchronous validators and arktype work; a
 * validator that throws is a hidden 500.
 */
export function describeStandardSchemaContract(harness: ValidationHarness): void {
  describe.each([
    ['zod', zodSchemas],
    ['valibot', valibotSchemas],
  ] as const)(`${harness.framework} validate with %s: the answers of the same JSON Schemas`, (_library, schemas) => {
    let withJsonSchemas: RunningApp;
    let withLibrary: RunningApp;
    beforeAll(async () => {
      withJsonSchemas = await harness.start({ handler: { envelope: 'error-message-code' }, routes: JSON_SCHEMA_ROUTES });
      withLibrary = await harness.start({ handler: { envelope: 'error-message-code' }, routes: libraryRoutes(schemas) });
    });
    afterAll(async () => {
      await Promise.all([withJsonSchemas.close(), withLibrary.close()]);
    });

    it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
      const expected = await request(`${withJsonSchemas.url}${probe.path}`, probe.init);
      const res = await request(`${withLibrary.url}${probe.path}`, probe.init);
      expect(res.status).toBe(expected.status);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(rules(res)).toEqual(rules(expected));
    });

    it('a valid request: the route sees the output, coerced as ajv coerces', async () => {
      const search = await request(`${withLibrary.url}/search?limit=10&tags=a`);
      expect(search.status).toBe(200);
      expect((search.json as { query: unknown }).query).toEqual({ limit: 10, tags: ['a'] });
      const item = await request(`${withLibrary.url}/items/42`);
      expect((item.json as { params: unknown }).params).toEqual({ id: 42 });
      const pins = await request(`${withLibrary.url}/pins`, json({ pins: [{ cid: 'bafy', name: 'a' }] }));
      expect(pins.status).toBe(200);
      expect(pins.json).toMatchObject({ body: { pins: [{ cid: 'bafy', name: 'a' }] } });
    });
  });

  describe(`${harness.framework} validate with Standard Schema: what the route sees`, () => {
    let app: RunningApp;
    const taken = new Set(['bafytaken']);
    beforeAll(async () => {
      app = await harness.start({
        handler: { envelope: 'problem-details' },
        routes: [
          // A transform, a default and an unknown member stripped: the route sees zod's output.
          { method: 'POST', path: '/pins', schemas: { body: z.object({ cid: z.string().trim().toLowerCase(), name: z.string().default('unnamed') }) } },
          // An asynchronous refinement: ~standard.validate answers with a promise.
          {
            method: 'POST',
            path: '/async',
            schemas: {
              body: z.object({
                cid: z.string().refine(async (cid) => {
                  await new Promise((resolve) => setTimeout(resolve, 1));
                  return !taken.has(cid);
                }, 'is already pinned'),
              }),
            },
          },
          { method: 'POST', path: '/valibot-async', schemas: { body: v.objectAsync({ n: v.pipeAsync(v.number(), v.checkAsync(async (n) => n % 2 === 0, 'must be even')) }) } },
          { method: 'POST', path: '/arktype', schemas: { body: type({ cid: 'string > 0', 'size?': 'number.integer >= 0' }) } },
          // A JSON Schema part and a zod part on one route: both checked, issues in request order.
          { method: 'POST', path: '/mixed/:id', schemas: { params: itemParams, body: z.strictObject({ cid: z.string() }) } },
          // A validator with a bug: what it throws is the server's fault.
          { method: 'POST', path: '/broken', schemas: { body: z.object({ cid: z.string().transform(() => { throw new Error('sk_live_validator_bug'); }) }) } },
        ],
      });
    });
    afterAll(() => app.close());

    it('a transform, a default and a stripped member', async () => {
      const res = await request(`${app.url}/pins`, json({ cid: '  BAFY ', junk: 1 }));
      expect(res.status).toBe(200);
      expect((res.json as { body: unknown }).body).toEqual({ cid: 'bafy', name: 'unnamed' });
    });

    it('an asynchronous zod refinement: its issue, then a pass', async () => {
      const refused = await request(`${app.url}/async`, json({ cid: 'bafytaken' }));
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Request validation failed',
        errors: [{ detail: 'is already pinned', pointer: '#/cid', code: 'custom', params: {} }],
      });
      const passed = await request(`${app.url}/async`, json({ cid: 'bafyfree' }));
      expect(passed.status).toBe(200);
      expect((passed.json as { body: unknown }).body).toEqual({ cid: 'bafyfree' });
    });

    it('an asynchronous valibot check', async () => {
      const refused = await request(`${app.url}/valibot-async`, json({ n: 3 }));
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ errors: [{ detail: 'must be even', pointer: '#/n' }] });
      expect((await request(`${app.url}/valibot-async`, json({ n: 4 }))).status).toBe(200);
    });

    it('arktype: its rules as JSON Schema keywords', async () => {
      const res = await request(`${app.url}/arktype`, json({ size: 1.5 }));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        errors: [
          { pointer: '#/cid', detail: 'cid must be a string (was missing)' },
          { pointer: '#/size', detail: 'size must be an integer (was 1.5)', params: { type: 'integer' } },
        ],
      });
      expect((await request(`${app.url}/arktype`, json({ cid: 'bafy', size: 3 }))).status).toBe(200);
    });

    it('a JSON Schema and a validator on one route: every issue, in request order', async () => {
      const res = await request(`${app.url}/mixed/0`, json({ cid: 1, admin: true }));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        errors: [
          { pointer: '#/id', in: 'params', detail: 'must be >= 1', params: { comparison: '>=', limit: 1 } },
          { pointer: '#/cid', params: { type: 'string' } },
          { pointer: '#/admin', detail: 'Unrecognized key: "admin"' },
        ],
      });
      const ok = await request(`${app.url}/mixed/7`, json({ cid: 'bafy' }));
      expect(ok.json).toMatchObject({ body: { cid: 'bafy' }, params: { id: 7 } });
    });

    it('a validator that throws is a hidden 500, and the server keeps serving', async () => {
      const res = await request(`${app.url}/broken`, json({ cid: 'x' }));
      expect(res.status).toBe(500);
      expect(res.text).not.toContain('sk_live');
      expect((await request(`${app.url}/pins`, json({ cid: 'x' }))).status).toBe(200);
    });
  });
}
