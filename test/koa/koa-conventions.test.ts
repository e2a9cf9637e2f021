import { createServer } from 'node:http';
import { Router } from '@koa/router';
import Koa from 'koa';
import Koa2 from 'koa2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorHandler, notFound } from '../../adapters/koa/index.js';
import { errors, type Fault, type FaultlineOptions, type RequestFacts } from '../../src/index.js';
import { SECRET } from '../scenarios/throwables.js';
import { listen, request } from '../support/http.js';
import type { KoaClass } from '../harness/koa.js';

interface Emitted {
  error: unknown;
  status: number;
}

/** A Koa app with `errorHandler` first, the given routes (and their 405s), and whatever else the test adds last. */
async function serve(
  KoaApplication: KoaClass,
  routes: (router: Router) => void,
  setup: { options?: FaultlineOptions; silent?: boolean; listen?: boolean; last?: Koa.Middleware[] } = {},
) {
  const app = new KoaApplication();
  app.silent = setup.silent ?? true;
  const emitted: Emitted[] = [];
  if (setup.listen !== false) {
    app.on('error', (error: unknown, ctx: Koa.Context) => {
      emitted.push({ error, status: ctx.status });
    });
  }
  const router = new Router();
  routes(router);
  app.use(errorHandler(setup.options));
  app.use(router.routes());
  app.use(router.allowedMethods());
  for (const middleware of setup.last ?? []) app.use(middleware);
  const running = await listen(createServer(app.callback()));
  opened.push(running);
  return { ...running, app, emitted };
}

const opened: { close(): Promise<void> }[] = [];

/** A 5xx Koa's default listener logs, and a 404, an exposed 4xx and a non-Error 429 it must not. */
function loggingRoutes(r: Router): void {
  r.get('/500', () => {
    throw new Error('database unreachable');
  });
  r.get('/404', () => {
    throw errors.notFound();
  });
  r.get('/400', (ctx) => ctx.throw(400, 'bad cid'));
  r.get('/429', () => {
    throw { msBeforeNext: 2000, remainingPoints: 0, consumedPoints: 3 };
  });
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
  vi.restoreAllMocks();
});

describe.each([
  ['koa 3', Koa],
  ['koa 2', Koa2],
] as const)('%s', (_version, KoaApplication) => {
  describe("app.emit('error'), as Koa's own handler does", () => {
    it('an app.on("error") listener receives a 5xx error itself, after the response is set', async () => {
      const thrown = new Error(SECRET);
      const app = await serve(KoaApplication, (r) => r.get('/boom', () => Promise.reject(thrown)));
      const res = await request(`${app.url}/boom`);
      expect(res.status).toBe(500);
      expect(res.text).not.toContain(SECRET);
      expect(app.emitted).toHaveLength(1);
      expect(app.emitted[0]?.error).toBe(thrown);
      expect(app.emitted[0]?.status).toBe(500);
    });

    it('a thrown non-Error reaches listeners as an Error carrying it, with the status it got', async () => {
      const app = await serve(KoaApplication, (r) => {
        r.get('/string', () => {
          throw SECRET;
        });
        r.get('/limited', () => {
          throw { msBeforeNext: 2000, remainingPoints: 0, consumedPoints: 3, isFirstInDuration: false };
        });
      });
      expect((await request(`${app.url}/string`)).status).toBe(500);
      expect((await request(`${app.url}/limited`)).status).toBe(429);
      const [string, limited] = app.emitted.map((e) => e.error as Error & { status: number; expose: boolean });
      expect(string).toBeInstanceOf(Error);
      expect(string?.message).toBe(`non-error thrown: "${SECRET}"`);
      expect(string?.cause).toBe(SECRET);
      expect([string?.status, string?.expose]).toEqual([500, false]);
      expect(limited).toBeInstanceOf(Error);
      expect([limited?.status, limited?.expose]).toEqual([429, true]);
    });

    it('a hostile Proxy is emitted as an Error, and the server keeps serving', async () => {
      const hostile = new Proxy({}, { get: () => { throw new Error(SECRET); }, getPrototypeOf: () => { throw new Error(SECRET); } });
      const app = await serve(KoaApplication, (r) => {
        r.get('/hostile', () => {
          throw hostile;
        });
        r.get('/ok', (ctx) => {
          ctx.body = 'ok';
        });
      });
      const res = await request(`${app.url}/hostile`);
      expect(res.status).toBe(500);
      expect(res.text).not.toContain(SECRET);
      expect(app.emitted[0]?.error).toBeInstanceOf(Error);
      expect((await request(`${app.url}/ok`)).text).toBe('ok');
    });

    it('a listener that throws changes nothing: same response, server keeps serving', async () => {
      const app = await serve(KoaApplication, (r) => {
        r.get('/gone', () => {
          throw errors.gone('Pin was removed');
        });
        r.get('/ok', (ctx) => {
          ctx.body = 'ok';
        });
      });
      app.app.on('error', () => {
        throw new Error('logger down');
      });
      const res = await request(`${app.url}/gone`);
      expect(res.status).toBe(410);
      expect(res.json).toMatchObject({ status: 410, detail: 'Pin was removed' });
      expect((await request(`${app.url}/ok`)).text).toBe('ok');
    });

    it("Koa's default listener still logs a 5xx, skips 404s and exposed errors, and respects app.silent", async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const loud = await serve(KoaApplication, loggingRoutes, { silent: false, listen: false });
      for (const path of ['/404', '/400', '/429']) await request(`${loud.url}${path}`);
      expect(logged).not.toHaveBeenCalled();
      expect((await request(`${loud.url}/500`)).status).toBe(500);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0]?.[0])).toContain('database unreachable');

      const quiet = await serve(KoaApplication, loggingRoutes, { silent: true, listen: false });
      expect((await request(`${quiet.url}/500`)).status).toBe(500);
      expect(logged).toHaveBeenCalledTimes(1);
    });

    it("faultline's onError is called once per error with method, path and request id", async () => {
      const seen: [Fault, unknown, RequestFacts][] = [];
      const thrown = errors.conflict('Duplicate name');
      const app = await serve(KoaApplication, (r) => r.post('/pins', () => Promise.reject(thrown)), {
        options: { onError: (fault, error, req) => seen.push([fault, error, req]) },
      });
      await request(`${app.url}/pins?x=1`, { method: 'POST', headers: { 'x-request-id': 'req-7' } });
      expect(seen).toHaveLength(1);
      expect(seen[0]?.[0].status).toBe(409);
      expect(seen[0]?.[1]).toBe(thrown);
      expect(seen[0]?.[2]).toMatchObject({ method: 'POST', path: '/pins', id: 'req-7' });
    });
  });

  describe('ctx.throw (http-errors)', () => {
    it('ctx.throw(401, msg, { headers }) keeps its message and challenge, in the envelope', async () => {
      const app = await serve(
        KoaApplication,
        (r) => r.get('/private', (ctx) => ctx.throw(401, 'Token expired', { headers: { 'WWW-Authenticate': 'Basic realm="pins"', 'Set-Cookie': 'x=1' } })),
        { options: { envelope: 'status-object' } },
      );
      const res = await request(`${app.url}/private`);
      expect(res.status).toBe(401);
      expect(res.text).toBe('{"status":{"code":401,"text":"Unauthorized","message":"Token expired"}}');
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="pins"');
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    });

    it('ctx.throw with a code, with expose: false, and a 5xx', async () => {
      const app = await serve(
        KoaApplication,
        (r) => {
          r.get('/dup', (ctx) => ctx.throw(409, 'Duplicate name', { code: 'DUPLICATE' }));
          r.get('/hidden', (ctx) => ctx.throw(400, SECRET, { expose: false }));
          r.get('/500', (ctx) => ctx.throw(500, SECRET));
        },
        { options: { envelope: 'error-message-code' } },
      );
      expect((await request(`${app.url}/dup`)).text).toBe('{"error":"Conflict","message":"Duplicate name","code":"DUPLICATE"}');
      const hidden = await request(`${app.url}/hidden`);
      expect(hidden.status).toBe(400);
      expect(hidden.text).not.toContain(SECRET);
      const failed = await request(`${app.url}/500`);
      expect(failed.text).toBe('{"error":"Internal Server Error","message":"Internal Server Error","code":"INTERNAL_SERVER_ERROR"}');
    });
  });

  describe("what Koa would answer in plain text", () => {
    it("Koa's own 404 (no route, no notFound) is the core's unmatched-route 404", async () => {
      const app = await serve(KoaApplication, () => undefined, { options: { envelope: 'reason-details' } });
      const res = await request(`${app.url}/pins/abc?limit=2`);
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"error":{"reason":"NOT_FOUND","details":"Cannot GET /pins/abc"}}');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const head = await request(`${app.url}/pins/abc`, { method: 'HEAD' });
      expect([head.status, head.text, head.headers.get('content-type')]).toEqual([404, '', 'application/json; charset=utf-8']);
    });

    it('notFound() answers the same as the implicit 404, and is emitted as a 404', async () => {
      const app = await serve(KoaApplication, () => undefined, { options: { envelope: 'reason-details' }, last: [notFound()] });
      const res = await request(`${app.url}/pins/abc`, { method: 'DELETE' });
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"error":{"reason":"NOT_FOUND","details":"Cannot DELETE /pins/abc"}}');
      expect(app.emitted[0]?.error).toMatchObject({ status: 404 });
    });

    it('a route setting only ctx.status = 404 is a 404 in the envelope, not an unmatched route', async () => {
      const app = await serve(KoaApplication, (r) => r.get('/pins/:id', (ctx) => {
        ctx.status = 404;
      }), { options: { envelope: 'status-object' } });
      const res = await request(`${app.url}/pins/9`);
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"status":{"code":404,"text":"Not Found","message":"Not Found"}}');
      expect(app.emitted).toHaveLength(0);
    });

    it("an error status set without a body gets its headers: 401 a challenge, and a router's 405 its Allow, worded as faultline's own", async () => {
      const app = await serve(
        KoaApplication,
        (r) => {
          r.get('/me', (ctx) => {
            ctx.status = 401;
          });
          r.get('/pins', (ctx) => {
            ctx.body = [];
          });
        },
        { options: { envelope: 'status-object' } },
      );
      const me = await request(`${app.url}/me`);
      expect([me.status, me.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
      const res = await request(`${app.url}/pins`, { method: 'PUT' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(res.text).toBe('{"status":{"code":405,"text":"Method Not Allowed","message":"PUT is not allowed on /pins"}}');
    });

    it('a body explicitly set to null, a success without a body, and ctx.respond = false are left alone', async () => {
      const app = await serve(KoaApplication, (r) => {
        r.get('/empty-404', (ctx) => {
          ctx.body = null; // Koa makes a null body a 204, so the status comes second
          ctx.status = 404;
        });
        r.get('/accepted', (ctx) => {
          ctx.status = 202;
        });
        r.get('/raw', (ctx) => {
          ctx.respond = false;
          ctx.res.statusCode = 404;
          ctx.res.end('raw');
        });
      });
      const empty = await request(`${app.url}/empty-404`);
      expect([empty.status, empty.text]).toEqual([404, '']);
      const accepted = await request(`${app.url}/accepted`);
      expect([accepted.status, accepted.text]).toEqual([202, 'Accepted']);
      const raw = await request(`${app.url}/raw`);
      expect([raw.status, raw.text]).toEqual([404, 'raw']);
    });
  });

  describe('headers already sent', () => {
    it('emits the error flagged headerSent, destroys the response, keeps serving', async () => {
      const app = await serve(KoaApplication, (r) => {
        r.get('/sent', (ctx) => {
          ctx.res.writeHead(200, { 'content-type': 'text/plain' });
          ctx.res.write('partial');
          throw new Error('failed mid-body');
        });
        r.get('/ok', (ctx) => {
          ctx.body = 'ok';
        });
      });
      const outcome = await fetch(`${app.url}/sent`).then(
        async (res) => res.text().then(() => 'complete', () => 'truncated'),
        () => 'truncated',
      );
      expect(outcome).toBe('truncated');
      expect(app.emitted).toHaveLength(1);
      expect(app.emitted[0]?.error).toMatchObject({ headerSent: true, message: 'failed mid-body' });
      expect((await request(`${app.url}/ok`)).text).toBe('ok');
    });
  });
});
