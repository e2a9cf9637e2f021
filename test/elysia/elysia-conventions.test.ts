import { Elysia, NotFoundError, status, t } from 'elysia';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../adapters/elysia/index.js';
import { checkedHeaders, contractProbes, send } from '../../src/contract/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import { elysiaFetch, elysiaHarness } from '../harness/elysia.js';
import type { RunningApp } from '../harness/harness.js';
import { SECRET, THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';

const OPTIONS: FaultlineOptions = { envelope: 'status-object' };
const json = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** Elysia apps are tested with `app.handle(request)`: it must answer what a client gets over HTTP. */
describe('elysia: the app in-process equals real HTTP', () => {
  const spec = { options: OPTIONS, throwers: THROWERS };
  const handle = elysiaFetch(spec);
  let server: RunningApp;
  beforeAll(async () => {
    server = await elysiaHarness.start(spec);
  });
  afterAll(() => server.close());

  it.each(contractProbes(THROW_SCENARIOS).map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const direct = await handle(new Request(`http://localhost${probe.path}`, probe.init));
    const over = await send(`${server.url}${probe.path}`, probe.init);
    expect(direct.status).toBe(over.status);
    expect(await direct.text()).toBe(over.text);
    expect(checkedHeaders(direct.headers)).toEqual(checkedHeaders(over.headers));
  });
});

describe("elysia: Elysia's own errors, as .onError is given them", () => {
  const told: unknown[] = [];
  const app = new Elysia()
    .use(errorHandler({ ...OPTIONS, onError: (_fault, thrown) => told.push(thrown) }))
    .get('/status', () => {
      throw status(409, 'Pin already exists');
    })
    .get('/status-object', () => {
      throw status(403, { reason: SECRET });
    })
    .get('/not-found', () => {
      throw new NotFoundError('No pin with that id');
    })
    .post('/pins', ({ body }) => body, { body: t.Object({ cid: t.String({ minLength: 3 }), pins: t.Array(t.Object({ n: t.Integer() })) }) })
    .get('/search', ({ query }) => query, { query: t.Object({ limit: t.Numeric() }) })
    // A handler that breaks its own response schema (a server bug), which Elysia checks.
    .get('/bad-response', () => ({ ok: 'yes' }) as unknown as { ok: boolean }, { response: t.Object({ ok: t.Boolean() }) })
    .post('/echo', ({ body }) => body);
  const call = async (path: string, init?: RequestInit) => {
    const res = await app.handle(new Request(`http://localhost${path}`, init));
    return { status: res.status, text: await res.text() };
  };

  it('a thrown status(): its status, and its response as the message when it is text', async () => {
    expect(await call('/status')).toEqual({ status: 409, text: '{"status":{"code":409,"text":"Conflict","message":"Pin already exists"}}' });
    expect(await call('/status-object')).toEqual({ status: 403, text: '{"status":{"code":403,"text":"Forbidden","message":"Forbidden"}}' });
  });

  it('an unmatched route is worded as on every framework; a NotFoundError of the app keeps its message', async () => {
    expect(await call('/nowhere?x=1', { method: 'PUT' })).toEqual({ status: 404, text: '{"status":{"code":404,"text":"Not Found","message":"Cannot PUT /nowhere"}}' });
    expect(await call('/not-found')).toEqual({ status: 404, text: '{"status":{"code":404,"text":"Not Found","message":"No pin with that id"}}' });
  });

  it("a body Elysia's parser refuses is the malformed-JSON 400, never echoing the body", async () => {
    expect(await call('/echo', json(`{"token":"${SECRET}`))).toEqual({
      status: 400,
      text: '{"status":{"code":400,"text":"Bad Request","message":"Request body is not valid JSON"}}',
    });
  });

  it("Elysia's schema validation: field issues at the handler's validation status, not the schema and input as JSON", async () => {
    const res = await call('/pins', json(JSON.stringify({ cid: 'x', pins: [{ n: 1.5 }], token: SECRET })));
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as { status: { message: string }; errors: { field: string; in: string }[] };
    expect(body.status.message).toBe('Request validation failed');
    expect(body.errors.map((e) => [e.in, e.field])).toEqual([
      ['body', '/cid'],
      ['body', '/pins/0/n'],
    ]);
    expect(res.text).not.toContain(SECRET);
    const query = await call('/search?limit=many');
    expect(query.status).toBe(400);
    expect(JSON.parse(query.text)).toMatchObject({ errors: [{ in: 'query', field: '/limit' }] });
    const strict = new Elysia().use(errorHandler({ ...OPTIONS, validationStatus: 422 })).get('/search', ({ query: q }) => q, { query: t.Object({ limit: t.Numeric() }) });
    expect((await strict.handle(new Request('http://localhost/search?limit=many'))).status).toBe(422);
  });

  it('a response that fails its own schema is the server\'s bug: a hidden 500', async () => {
    expect(await call('/bad-response')).toEqual({ status: 500, text: '{"status":{"code":500,"text":"Internal Server Error","message":"Internal Server Error"}}' });
  });

  it('headers set before the error: any spelling of a stale one goes, Vary joins the error\'s own', async () => {
    const spelled = new Elysia().use(errorHandler({ envelope: 'problem-details' })).get('/x', ({ set }) => {
      set.headers['ETag'] = '"1"';
      set.headers['Last-Modified'] = 'Tue, 01 Dec 2026 00:00:00 GMT';
      set.headers['Vary'] = 'Origin';
      set.headers['X-Request-Id'] = 'req-1';
      throw status(404, 'No pin');
    });
    const res = await spelled.handle(new Request('http://localhost/x'));
    expect(res.status).toBe(404);
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('last-modified')).toBeNull();
    expect(res.headers.get('vary')).toBe('Origin, Accept');
    expect(res.headers.get('x-request-id')).toBe('req-1');
  });

  it('onError is told the thrown value itself', async () => {
    told.length = 0;
    await call('/status');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ code: 409, response: 'Pin already exists' });
  });
});
