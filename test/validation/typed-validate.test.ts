// What validate() tells TypeScript: `tsc` (npm run typecheck) checks every `expectTypeOf` and
// `@ts-expect-error` here, and vitest runs the same routes, so the types describe what the route
// really receives.
import type { JSONSchemaType } from 'ajv';
import { type } from 'arktype';
import express, { type Request } from 'express';
import { Hono } from 'hono';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { errorHandler as expressErrorHandler, validate as expressValidate } from '../../adapters/express/index.js';
import { errorHandler, jsonBody, validate } from '../../adapters/hono/index.js';
import type { SchemaOutput } from '../../adapters/nest/index.js';
import { listen, request } from '../support/http.js';
import { createServer } from 'node:http';

interface NewPin {
  cid: string;
  name?: string;
  meta: { app: string; tags: string[] };
}

const ajvPin: JSONSchemaType<NewPin> = {
  type: 'object',
  required: ['cid', 'meta'],
  properties: {
    cid: { type: 'string' },
    name: { type: 'string', nullable: true },
    meta: { type: 'object', required: ['app', 'tags'], properties: { app: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } },
  },
};

const constPin = {
  type: 'object',
  required: ['cid'],
  properties: { cid: { type: 'string', minLength: 1 }, size: { type: 'integer' }, status: { enum: ['queued', 'pinned'] } },
  additionalProperties: false,
} as const;

const zodQuery = z.object({ limit: z.coerce.number().int().default(10) });

describe('Hono: c.req.valid() is typed by the schemas', () => {
  const app = new Hono();
  app.onError(errorHandler());
  app.post('/zod/:id', jsonBody(), validate({ body: z.object({ cid: z.string().transform((s) => s.length) }), params: z.object({ id: z.coerce.number() }), query: zodQuery }), (c) => {
    const body = c.req.valid('json');
    expectTypeOf(body).toEqualTypeOf<{ cid: number }>();
    expectTypeOf(c.req.valid('param')).toEqualTypeOf<{ id: number }>();
    expectTypeOf(c.req.valid('query')).toEqualTypeOf<{ limit: number }>();
    // @ts-expect-error cookies are not validated
    c.req.valid('cookie');
    return c.json({ body, id: c.req.valid('param').id, limit: c.req.valid('query').limit });
  });
  app.post('/valibot', jsonBody(), validate({ body: v.object({ n: v.pipe(v.string(), v.transform(Number)) }) }), (c) => {
    expectTypeOf(c.req.valid('json')).toEqualTypeOf<{ n: number }>();
    return c.json(c.req.valid('json'));
  });
  app.post('/arktype', jsonBody(), validate({ body: type({ cid: 'string', 'size?': 'number' }) }), (c) => {
    expectTypeOf(c.req.valid('json')).toEqualTypeOf<{ cid: string; size?: number }>();
    return c.json(c.req.valid('json'));
  });
  app.post('/const', jsonBody(), validate({ body: constPin }), (c) => {
    expectTypeOf(c.req.valid('json')).toEqualTypeOf<{ cid: string; size?: number; status?: 'queued' | 'pinned' }>();
    return c.json(c.req.valid('json'));
  });
  app.post('/ajv', jsonBody(), validate({ body: ajvPin }), (c) => {
    const pin = c.req.valid('json');
    expectTypeOf(pin.cid).toEqualTypeOf<string>();
    expectTypeOf(pin.meta.tags).toEqualTypeOf<string[]>();
    expectTypeOf(pin).toExtend<{ cid: string; name?: string | null; meta: NewPin['meta'] }>();
    // @ts-expect-error cid is a string
    const wrong: number = pin.cid;
    return c.json({ pin, wrong });
  });

  it('the route receives what its types say', async () => {
    const res = await app.request('/zod/7?limit=3', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cid: 'bafy' }) });
    expect(await res.json()).toEqual({ body: { cid: 4 }, id: 7, limit: 3 });
    const valibot = await app.request('/valibot', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: '5' }) });
    expect(await valibot.json()).toEqual({ n: 5 });
    const ajv = await app.request('/ajv', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cid: 'x', meta: { app: 'a', tags: [] } }) });
    expect(ajv.status).toBe(200);
  });
});

describe('Express: req.body, req.params and req.query are typed by validate()', () => {
  const app = express();
  app.post('/pins/:id', express.json(), expressValidate({ body: constPin, params: z.object({ id: z.coerce.number() }), query: zodQuery }), (req, res) => {
    expectTypeOf(req.body).toEqualTypeOf<{ cid: string; size?: number; status?: 'queued' | 'pinned' }>();
    expectTypeOf(req.params).toEqualTypeOf<{ id: number }>();
    expectTypeOf(req.query).toEqualTypeOf<{ limit: number }>();
    res.json({ body: req.body, id: req.params.id, limit: req.query.limit });
  });
  // An untyped JSON Schema (no `as const`) changes nothing: Express's own types stay.
  const loose: object = { type: 'object' };
  app.post('/loose/:id', express.json(), expressValidate({ body: loose }), (req, res) => {
    expectTypeOf(req.params).toEqualTypeOf<Request['params']>();
    res.json({ id: req.params.id, anything: req.body.anything });
  });
  app.use(expressErrorHandler());

  it('the route receives what its types say', async () => {
    const running = await listen(createServer(app));
    try {
      const res = await request(`${running.url}/pins/9`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cid: 'bafy' }) });
      expect(res.json).toEqual({ body: { cid: 'bafy' }, id: 9, limit: 10 });
    } finally {
      await running.close();
    }
  });
});

describe('Nest (and any framework): SchemaOutput types a handler parameter', () => {
  it('is the Standard Schema output, or the value a typed JSON Schema describes', () => {
    expectTypeOf<SchemaOutput<typeof zodQuery>>().toEqualTypeOf<{ limit: number }>();
    expectTypeOf<SchemaOutput<typeof constPin>>().toEqualTypeOf<{ cid: string; size?: number; status?: 'queued' | 'pinned' }>();
    expectTypeOf<SchemaOutput<typeof ajvPin>['meta']>().toEqualTypeOf<{ app: string; tags: string[] }>();
    expectTypeOf<SchemaOutput<{ type: string }>>().toEqualTypeOf<unknown>();
    expectTypeOf<SchemaOutput<true>>().toEqualTypeOf<unknown>();
  });
});
