import { describe, expect, it } from 'vitest';
import { errorBoundary, notFound, readJson } from '../../adapters/fetch/index.js';
import { createFaultline, errors, type FaultlineOptions } from '../../src/index.js';
import { SECRET } from '../scenarios/throwables.js';

const OPTIONS: FaultlineOptions = { envelope: 'status-object' };
const core = createFaultline(OPTIONS);
const at = (path: string, init?: RequestInit) => new Request(`http://localhost${path}`, init);

describe('fetch: errorBoundary(handler, options)', () => {
  it('passes the response through when nothing is thrown, and every argument after the request', async () => {
    const seen: unknown[] = [];
    const handler = errorBoundary((request: Request, env: { name: string }, ctx: { waitUntil(p: Promise<unknown>): void }) => {
      seen.push(request.url, env, ctx);
      return new Response('fine', { status: 201, headers: { etag: '"1"' } });
    }, OPTIONS);
    const ctx = { waitUntil: () => undefined };
    const res = await handler(at('/pins'), { name: 'env' }, ctx);
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(await res.text()).toBe('fine');
    expect(seen).toEqual(['http://localhost/pins', { name: 'env' }, ctx]);
  });

  it('a synchronous throw, a rejection and a thrown non-Error all become the core\'s response', async () => {
    const thrown = [errors.conflict('Duplicate'), null, SECRET, { msBeforeNext: 1500, remainingPoints: 0, consumedPoints: 3, isFirstInDuration: false }];
    for (const value of thrown) {
      const sync = await errorBoundary(() => {
        throw value;
      }, OPTIONS)(at('/x'));
      const rejected = await errorBoundary(async () => Promise.reject(value), OPTIONS)(at('/x'));
      const expected = core.handle(value, { method: 'GET', path: '/x' });
      for (const res of [sync, rejected]) {
        expect(res.status).toBe(expected.status);
        expect(Object.fromEntries(res.headers)).toEqual(expected.headers);
        expect(await res.text()).toBe(expected.body);
      }
    }
  });

  it('tells onError the method, the path without its query, the request id and the headers', async () => {
    const told: unknown[] = [];
    const handler = errorBoundary(
      () => {
        throw errors.notFound();
      },
      { onError: (fault, _thrown, request) => told.push({ status: fault.status, method: request.method, path: request.path, id: request.id, accept: request.header?.('accept') }) },
    );
    await handler(at('/pins/%C3%A9?x=1', { method: 'DELETE', headers: { 'x-request-id': 'req-7', accept: 'application/json' } }));
    expect(told).toEqual([{ status: 404, method: 'DELETE', path: '/pins/%C3%A9', id: 'req-7', accept: 'application/json' }]);
  });

  it('HEAD gets the status and headers, no body', async () => {
    const res = await errorBoundary(() => {
      throw errors.notFound();
    }, OPTIONS)(at('/x', { method: 'HEAD' }));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body).toBeNull();
  });

  it('checks its arguments when it is made, not at the first request', () => {
    expect(() => errorBoundary(undefined as never)).toThrow(/takes the handler/);
    expect(() => errorBoundary(() => new Response(), { envelope: 'nope' as never })).toThrow(/envelope/);
    expect(() => notFound({ debug: 'yes' as never })).toThrow(/debug/);
  });
});

describe('fetch: notFound(options)', () => {
  it('answers an unmatched route as every framework words it', async () => {
    const res = notFound(OPTIONS)(at('/no/such?x=1', { method: 'PATCH' }));
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('{"status":{"code":404,"text":"Not Found","message":"Cannot PATCH /no/such"}}');
  });
});

const post = (body: BodyInit | null, type = 'application/json') =>
  at('/json', { method: 'POST', headers: { 'content-type': type }, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => core.normalize(error));

describe('fetch: readJson(request, { limit })', () => {

  it('parses JSON and +json bodies up to the limit, and leaves other types unread', async () => {
    expect(await readJson(post('{"a":[1]}'))).toEqual({ a: [1] });
    expect(await readJson(post('{"a":1}', 'application/merge-patch+json; charset=utf-8'))).toEqual({ a: 1 });
    expect(await readJson(post(JSON.stringify({ a: 'x'.repeat(1014) })), { limit: 1024 })).toEqual({ a: 'x'.repeat(1014) });
    const text = post('{"a":1}', 'text/plain');
    expect(await readJson(text)).toBeUndefined();
    expect(text.bodyUsed).toBe(false);
  });

  it('malformed or empty JSON is a 400 that never echoes the body', async () => {
    for (const body of ['{"token": "' + SECRET, '']) {
      const fault = await failure(readJson(post(body)));
      expect(fault).toMatchObject({ status: 400, message: 'Request body is not valid JSON', expose: true });
      expect(JSON.stringify(fault)).not.toContain(SECRET);
    }
  });

  it('over the limit is a 413, by Content-Length or, without one, as the stream is read', async () => {
    expect(await failure(readJson(post('x'.repeat(2000)), { limit: 1024 }))).toMatchObject({ status: 413, message: 'Request body is too large' });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512).fill(0x20));
      },
    });
    expect(await failure(readJson(post(endless), { limit: 4096 }))).toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(20);
  });

  it('a bad limit is a setup error', async () => {
    await expect(readJson(post('{}'), { limit: -1 })).rejects.toThrow(TypeError);
  });
});
