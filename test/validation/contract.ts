import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFaultline, ENVELOPES, type EnvelopeName, type FieldIssue } from '../../src/index.js';
import { BODY_MESSAGES, MAX_ISSUES, MAX_LISTED_VALUES, RequestValidationError, type AjvLike, type CompiledSchema } from '../../src/kit.js';
import type { RunningApp } from '../harness/harness.js';
import { request } from '../support/http.js';
import { BODY_LIMIT, type ValidationHarness } from './harness.js';
import { awkwardBody, itemParams, pinsBody, searchQuery, versionHeaders } from './schemas.js';

const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];

/** The nested failure `{"pins":[{"cid":1}]}`, byte for byte, in every envelope. */
const NESTED_FAILURE: Record<EnvelopeName, { contentType: string; body: string }> = {
  'problem-details': {
    contentType: 'application/problem+json',
    body: '{"type":"about:blank","title":"Bad Request","status":400,"detail":"Request validation failed","errors":[{"detail":"must be string","pointer":"#/pins/0/cid","code":"type","params":{"type":"string"}}]}',
  },
  'numeric-code': {
    contentType: 'application/json; charset=utf-8',
    body: '{"message":"Request validation failed","code":50035,"errors":{"pins":{"0":{"cid":{"_errors":[{"code":"TYPE","message":"must be string"}]}}}}}',
  },
  'error-message-code': {
    contentType: 'application/json; charset=utf-8',
    body: '{"error":"Bad Request","message":"Request validation failed","code":"BAD_REQUEST","details":[{"field":"/pins/0/cid","in":"body","code":"type","message":"must be string","params":{"type":"string"}}]}',
  },
  'status-object': {
    contentType: 'application/json; charset=utf-8',
    body: '{"status":{"code":400,"text":"Bad Request","message":"Request validation failed"},"errors":[{"field":"/pins/0/cid","in":"body","code":"type","message":"must be string","params":{"type":"string"}}]}',
  },
  'reason-details': {
    contentType: 'application/json; charset=utf-8',
    body: '{"error":{"reason":"BAD_REQUEST","details":"Request validation failed: body/pins/0/cid must be string"}}',
  },
};

export interface Probe {
  readonly name: string;
  readonly path: string;
  readonly init?: RequestInit;
  /** The issues the response must carry, in order; the body is the core's rendering of them. */
  readonly issues: readonly FieldIssue[];
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export const PROBES: readonly Probe[] = [
  {
    name: 'nested type failure',
    path: '/pins',
    init: json({ pins: [{ cid: 1 }] }),
    issues: [{ location: 'body', pointer: '/pins/0/cid', keyword: 'type', message: 'must be string', params: { type: 'string' } }],
  },
  {
    name: 'required field points at the field, not its parent',
    path: '/pins',
    init: json({ pins: [{ name: 'x' }, { cid: 'bafy' }] }),
    issues: [{ location: 'body', pointer: '/pins/0/cid', keyword: 'required', message: 'is required', params: {} }],
  },
  {
    name: 'missing top-level member',
    path: '/pins',
    init: json({}),
    issues: [{ location: 'body', pointer: '/pins', keyword: 'required', message: 'is required', params: {} }],
  },
  {
    name: 'additional property points at the extra field',
    path: '/pins',
    init: json({ pins: [{ cid: 'bafy', size: 3 }], admin: true }),
    issues: [
      { location: 'body', pointer: '/admin', keyword: 'additionalProperties', message: 'is not allowed', params: {} },
      { location: 'body', pointer: '/pins/0/size', keyword: 'additionalProperties', message: 'is not allowed', params: {} },
    ],
  },
  {
    name: 'a __proto__ member is just a field',
    path: '/pins',
    init: json('{"pins":[],"__proto__":{"polluted":true}}'),
    issues: [{ location: 'body', pointer: '/__proto__', keyword: 'additionalProperties', message: 'is not allowed', params: {} }],
  },
  {
    name: 'every problem at once (allErrors)',
    path: '/pins',
    init: json({ pins: [{ cid: '' }, { cid: 'ok', name: 7 }] }),
    issues: [
      { location: 'body', pointer: '/pins/0/cid', keyword: 'minLength', message: 'must NOT have fewer than 1 characters', params: { limit: 1 } },
      { location: 'body', pointer: '/pins/1/name', keyword: 'type', message: 'must be string', params: { type: 'string' } },
    ],
  },
  {
    name: 'pointer tokens escaped (RFC 6901), percent-encoded in a fragment',
    path: '/awkward',
    init: json({}),
    issues: [
      { location: 'body', pointer: '/a~1b', keyword: 'required', message: 'is required', params: {} },
      { location: 'body', pointer: '/m~0n', keyword: 'required', message: 'is required', params: {} },
      { location: 'body', pointer: '/with space', keyword: 'required', message: 'is required', params: {} },
    ],
  },
  {
    name: 'no JSON body at all',
    path: '/pins',
    init: { method: 'POST' },
    issues: [{ location: 'body', pointer: '', keyword: 'type', message: 'must be object', params: { type: 'object' } }],
  },
  {
    name: 'query value of the wrong type after coercion',
    path: '/search?limit=abc',
    issues: [{ location: 'query', pointer: '/limit', keyword: 'type', message: 'must be integer', params: { type: 'integer' } }],
  },
  {
    name: 'query format (ajv-formats)',
    path: '/search?since=yesterday',
    issues: [{ location: 'query', pointer: '/since', keyword: 'format', message: 'must match format "date-time"', params: { format: 'date-time' } }],
  },
  {
    name: 'unknown query parameter',
    path: '/search?limti=5',
    issues: [{ location: 'query', pointer: '/limti', keyword: 'additionalProperties', message: 'is not allowed', params: {} }],
  },
  {
    name: 'path parameter',
    path: '/items/abc',
    issues: [{ location: 'params', pointer: '/id', keyword: 'type', message: 'must be integer', params: { type: 'integer' } }],
  },
  {
    name: 'missing header',
    path: '/versioned',
    issues: [{ location: 'headers', pointer: '/x-api-version', keyword: 'required', message: 'is required', params: {} }],
  },
  {
    name: 'header value not allowed',
    path: '/versioned',
    init: { headers: { 'x-api-version': '3' } },
    issues: [{ location: 'headers', pointer: '/x-api-version', keyword: 'enum', message: 'must be equal to one of the allowed values', params: { allowedValues: ['1', '2'] } }],
  },
  {
    name: 'issues from several parts, in request order',
    path: '/items/0/pins?limit=0',
    init: json({ pins: 'none' }),
    issues: [
      { location: 'params', pointer: '/id', keyword: 'minimum', message: 'must be >= 1', params: { comparison: '>=', limit: 1 } },
      { location: 'query', pointer: '/limit', keyword: 'minimum', message: 'must be >= 1', params: { comparison: '>=', limit: 1 } },
      { location: 'body', pointer: '/pins', keyword: 'type', message: 'must be array', params: { type: 'array' } },
    ],
  },
];

/** A real Ajv whose compiled functions count their calls: proves what ran and what did not. */
function countingAjv(): { ajv: AjvLike; compiles: () => number; runs: () => number } {
  const real = new Ajv({ allErrors: true });
  let compiles = 0;
  let runs = 0;
  const ajv: AjvLike = {
    compile(schema: never): CompiledSchema {
      compiles++;
      const fn = real.compile(schema);
      const counted: CompiledSchema = (data: unknown) => {
        runs++;
        const ok = fn(data);
        counted.errors = fn.errors;
        return ok;
      };
      return counted;
    },
  };
  return { ajv, compiles: () => compiles, runs: () => runs };
}

function startWithStatus(
  harness: ValidationHarness,
  handler: { validationStatus?: 400 | 422 },
  options?: { validationStatus?: 400 | 422 },
): Promise<RunningApp> {
  return harness.start({
    handler: { envelope: 'problem-details', ...handler },
    routes: [{ method: 'POST', path: '/pins', schemas: { body: pinsBody }, options }],
  });
}

/**
 * What `validate` must do on every framework, over real HTTP on 127.0.0.1: field issues in every
 * envelope, coercion the route can see, the status options, a user's own Ajv, header validation,
 * hostile bodies, and bodies that failed to parse never reaching the validator.
 */
export function describeValidationContract(harness: ValidationHarness): void {
  const routes = [
    { method: 'POST', path: '/pins', schemas: { body: pinsBody } },
    { method: 'POST', path: '/awkward', schemas: { body: awkwardBody } },
    { method: 'GET', path: '/search', schemas: { query: searchQuery } },
    { method: 'GET', path: '/items/:id', schemas: { params: itemParams } },
    { method: 'GET', path: '/versioned', schemas: { headers: versionHeaders } },
    { method: 'POST', path: '/items/:id/pins', schemas: { params: itemParams, query: searchQuery, body: pinsBody } },
  ] as const;

  describe.each(ENVELOPE_NAMES)(`${harness.framework} validate: %s`, (envelope) => {
    let app: RunningApp;
    const core = createFaultline({ envelope });
    beforeAll(async () => {
      app = await harness.start({ handler: { envelope }, routes });
    });
    afterAll(() => app.close());

    it('a nested failure: exact body and headers', async () => {
      const res = await request(`${app.url}/pins`, json({ pins: [{ cid: 1 }] }));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(NESTED_FAILURE[envelope].contentType);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.text).toBe(NESTED_FAILURE[envelope].body);
    });

    it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
      const res = await request(`${app.url}${probe.path}`, probe.init);
      const difference = harness.differences?.find((d) => d.probe === probe.name);
      const thrown = difference === undefined ? new RequestValidationError(probe.issues) : difference.thrown();
      const expected = core.handle(thrown, { method: 'GET', path: probe.path });
      expect(res.status).toBe(expected.status);
      expect(res.text).toBe(expected.body);
    });

    it('a valid request reaches the route unchanged', async () => {
      const res = await request(`${app.url}/pins`, json({ pins: [{ cid: 'bafy', name: 'a' }] }));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ body: { pins: [{ cid: 'bafy', name: 'a' }] } });
    });
  });

  describe(`${harness.framework} validate: what the route sees`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await harness.start({
        routes: [
          ...routes,
          { method: 'GET', path: '/strict', schemas: { query: searchQuery }, options: { coerceTypes: false } },
        ],
      });
    });
    afterAll(() => app.close());

    it('query strings coerced to the schema types', async () => {
      const res = await request(`${app.url}/search?limit=10&tags=a`);
      expect(res.status).toBe(200);
      expect((res.json as { query: unknown }).query).toEqual({ limit: 10, tags: ['a'] });
    });

    it('repeated query keys stay an array of strings', async () => {
      const res = await request(`${app.url}/search?tags=a&tags=b`);
      expect((res.json as { query: unknown }).query).toEqual({ tags: ['a', 'b'] });
    });

    it('path parameters coerced', async () => {
      const res = await request(`${app.url}/items/42`);
      expect(res.status).toBe(200);
      expect((res.json as { params: unknown }).params).toEqual({ id: 42 });
    });

    it('coerceTypes: false leaves strings as strings, so an integer schema fails', async () => {
      const res = await request(`${app.url}/strict?limit=10`);
      expect(res.status).toBe(400);
      expect(res.text).toContain('must be integer');
    });

    it('a valid header passes', async () => {
      const res = await request(`${app.url}/versioned`, { headers: { 'x-api-version': '2' } });
      expect(res.status).toBe(200);
    });
  });

  describe(`${harness.framework} validate: status 400 or 422`, () => {
    const failing = json({ pins: [{ cid: 1 }] });

    it('validate({ validationStatus: 422 })', async () => {
      const app = await startWithStatus(harness, {}, { validationStatus: 422 });
      try {
        const res = await request(`${app.url}/pins`, failing);
        expect(res.status).toBe(422);
        expect(res.json).toMatchObject({ title: 'Unprocessable Entity', status: 422, errors: [{ pointer: '#/pins/0/cid' }] });
      } finally {
        await app.close();
      }
    });

    it("the error handler's validationStatus applies when validate() names none", async () => {
      const app = await startWithStatus(harness, { validationStatus: 422 });
      try {
        const res = await request(`${app.url}/pins`, failing);
        expect(res.status).toBe(422);
        // The default code of a 422, so problem details carries no `code` member.
        expect(res.json).toEqual({
          type: 'about:blank',
          title: 'Unprocessable Entity',
          status: 422,
          detail: 'Request validation failed',
          errors: [{ detail: 'must be string', pointer: '#/pins/0/cid', code: 'type', params: { type: 'string' } }],
        });
      } finally {
        await app.close();
      }
    });

    it("validate()'s own status wins over the handler's", async () => {
      const app = await startWithStatus(harness, { validationStatus: 422 }, { validationStatus: 400 });
      try {
        expect((await request(`${app.url}/pins`, failing)).status).toBe(400);
      } finally {
        await app.close();
      }
    });
  });

  describe(`${harness.framework} validate: your own Ajv`, () => {
    it('its formats and keywords work; the schema is compiled once for 1,000 requests', async () => {
      const ajv = new Ajv({ allErrors: true });
      ajv.addFormat('cid', /^baf[a-z2-7]+$/);
      const compile = vi.spyOn(ajv, 'compile');
      const schema = {
        type: 'object',
        required: ['cid'],
        properties: { cid: { type: 'string', format: 'cid' } },
      };
      // Made inside the handler on every request: the cache by schema identity is what saves it.
      const app = await harness.start({
        routes: [{ method: 'POST', path: '/pins', schemas: { body: schema }, options: { ajv }, perRequest: true }],
      });
      try {
        const statuses = new Map<number, number>();
        for (let batch = 0; batch < 50; batch++) {
          const results = await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              request(`${app.url}/pins`, json({ cid: (batch + i) % 2 === 0 ? 'bafybeig' : 'Qm!' })),
            ),
          );
          for (const res of results) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
        expect(Object.fromEntries(statuses)).toEqual({ 200: 500, 400: 500 });
        expect(compile).toHaveBeenCalledTimes(1);
        const res = await request(`${app.url}/pins`, json({ cid: 'Qm!' }));
        expect(res.json).toMatchObject({ errors: [{ detail: 'must match format "cid"', pointer: '#/cid' }] });
      } finally {
        await app.close();
      }
    });

    it("the shared instance rejects a schema that needs the user's format, at setup", async () => {
      await expect(
        harness.start({ routes: [{ method: 'POST', path: '/pins', schemas: { body: { type: 'string', format: 'cid' } } }] }),
      ).rejects.toThrow(/body schema is invalid: unknown format "cid"/);
    });
  });

  describe(`${harness.framework} validate: bodies that never reach the validator`, () => {
    const counting = countingAjv();
    let app: RunningApp;
    beforeAll(async () => {
      app = await harness.start({
        handler: { envelope: 'error-message-code' },
        routes: [{ method: 'POST', path: '/pins', schemas: { body: pinsBody }, options: { ajv: counting.ajv } }],
      });
    });
    afterAll(() => app.close());

    it('malformed JSON is a 400 from the body parser, and validate never runs', async () => {
      const res = await request(`${app.url}/pins`, json('{"pins":[{"cid":'));
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ error: 'Bad Request', message: BODY_MESSAGES.malformed, code: 'BAD_REQUEST' });
      expect(counting.runs()).toBe(0);
    });

    it('an oversized body is a 413, and validate never runs', async () => {
      const res = await request(`${app.url}/pins`, json({ pins: [{ cid: 'x'.repeat(BODY_LIMIT + 1) }] }));
      expect(res.status).toBe(413);
      expect(res.json).toEqual({ error: 'Payload Too Large', message: BODY_MESSAGES.tooLarge, code: 'PAYLOAD_TOO_LARGE' });
      expect(counting.runs()).toBe(0);
    });

    it('a well-formed body is validated exactly once', async () => {
      expect((await request(`${app.url}/pins`, json({ pins: [] }))).status).toBe(200);
      expect(counting.runs()).toBe(1);
      expect(counting.compiles()).toBe(1);
    });
  });

  describe(`${harness.framework} validate: hostile bodies`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await harness.start({ handler: { envelope: 'numeric-code' }, routes });
    });
    afterAll(() => app.close());

    it(`a small body lists its problems, at most ${MAX_ISSUES}`, async () => {
      // 1 + 1 + 200 × 2 values: under MAX_LISTED_VALUES, so every problem is listed (then capped).
      const pins = Array.from({ length: 200 }, () => ({ cid: 1 }));
      const res = await request(`${app.url}/pins`, json({ pins }));
      expect(res.status).toBe(400);
      const errors = (res.json as { errors: { pins: Record<string, unknown> } }).errors.pins;
      expect(Object.keys(errors)).toHaveLength(MAX_ISSUES);
      expect(Object.keys(errors).at(-1)).toBe(String(MAX_ISSUES - 1));
      expect(res.text.length).toBeLessThan(16 * 1024);
    });

    it(`a body of more than ${MAX_LISTED_VALUES} values reports its first problem: its cost stops there`, async () => {
      const pins = Array.from({ length: 5000 }, () => ({ cid: 1 }));
      const res = await request(`${app.url}/pins`, json({ pins }));
      expect(res.status).toBe(400);
      expect((res.json as { errors: unknown }).errors).toEqual({ pins: { 0: { cid: { _errors: [{ code: 'TYPE', message: 'must be string' }] } } } });
    });

    it('deep nesting, odd types and huge keys never crash the server', async () => {
      const bodies = [
        '[]',
        'null',
        '"pins"',
        '123',
        JSON.stringify({ pins: [{ cid: { a: { b: { c: [[[[[]]]]] } } } }] }),
        JSON.stringify({ ['k'.repeat(20_000)]: 1, pins: [] }),
        '{"pins":[{"cid":"\\ud800"}],"\\ud800":1}',
      ];
      for (const body of bodies) {
        const res = await request(`${app.url}/pins`, json(body));
        expect(res.status, body.slice(0, 40)).toBe(400);
        // A top-level scalar may already be refused by a strict body parser (a 400 without issues).
        expect(res.json, body.slice(0, 40)).toMatchObject({ message: expect.any(String), code: expect.any(Number) });
      }
      expect((await request(`${app.url}/search`)).status).toBe(200);
    });
  });

  describe(`${harness.framework} validate: an issue flood`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await harness.start({
        handler: { envelope: 'problem-details' },
        bodyLimit: 8 * 1024 * 1024,
        routes: [{ method: 'POST', path: '/strings', schemas: { body: { type: 'array', items: { type: 'string' } } } }],
      });
    });
    afterAll(() => app.close());

    it('1,000,000 invalid array items: answered with the first, the issue cap holds, the heap returns to baseline', async () => {
      const gc = collector();
      gc();
      const baseline = process.memoryUsage().heapUsed;
      const res = await request(`${app.url}/strings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `[${'0,'.repeat(999_999)}0]` });
      expect(res.status).toBe(400);
      expect((res.json as { errors: unknown }).errors).toEqual([{ detail: 'must be string', pointer: '#/0', code: 'type', params: { type: 'string' } }]);
      gc();
      gc();
      // The body (2 MB of text, a million-item array) is garbage now: nothing of the flood is kept.
      expect(process.memoryUsage().heapUsed - baseline).toBeLessThan(16 * 1024 * 1024);
      expect((await request(`${app.url}/strings`, json(['a', 'b']))).status).toBe(200);
    });
  });
}

/** V8's garbage collector on demand, in this process (the servers under test run in it). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
