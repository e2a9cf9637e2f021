// The Hono scenarios that run unchanged on Node, Bun, Deno and Cloudflare's workerd. Bundled by
// scripts/test-runtimes.mjs into one ES module; nothing here may touch a Node-only API.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { errorBoundary, errorHandler, notFound } from '../../adapters/hono/index.js';
import { defineErrors, errors, ENVELOPES, type EnvelopeName } from '../../src/index.js';

const AppErrors = defineErrors({
  INSUFFICIENT_FUNDS: { status: 409, message: 'Unable to process request due to the lack of funds' },
});

function fail(): never {
  throw new Error('sk_live_SECRET');
}

function hostileProxy(): object {
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail, getOwnPropertyDescriptor: fail });
}

/** Named throwers: faultline's errors, Hono's own, and hostile values. */
export const PORTABLE_THROWERS: Readonly<Record<string, () => unknown>> = {
  'not-found': () => errors.notFound('No pin with that id'),
  'catalog-409': () => AppErrors.INSUFFICIENT_FUNDS(),
  unauthorized: () => errors.unauthorized('Token expired'),
  'method-not-allowed': () => errors.methodNotAllowed(undefined, { allow: ['GET', 'HEAD'] }),
  'too-many': () => errors.tooManyRequests(undefined, { retryAfter: 30 }),
  unavailable: () => errors.serviceUnavailable('sk_live_SECRET', { retryAfter: 120 }),
  'client-closed': () => errors.clientClosedRequest(),
  'hono-exception': () => new HTTPException(403, { message: 'Token is disabled' }),
  'hono-exception-res': () =>
    new HTTPException(401, { res: new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="secure"' } }) }),
  'rate-limiter-res': () => ({ msBeforeNext: 4200, remainingPoints: 0, consumedPoints: 5, isFirstInDuration: false }),
  'plain-error': () => new Error('sk_live_SECRET'),
  string: () => 'sk_live_SECRET',
  null: () => null,
  'status-302': () => ({ status: 302, message: 'sk_live_SECRET', expose: true }),
  'hostile-proxy': hostileProxy,
  'header-injection': () => errors.unauthorized('x', { headers: { 'WWW-Authenticate': 'Bearer\r\nSet-Cookie: pwned=1' } }),
};

/** One Hono app per envelope, wired as a Hono user wires faultline. */
export function buildApp(envelope: EnvelopeName): Hono {
  const app = new Hono().basePath(`/${envelope}`);
  app.use(errorBoundary({ envelope, logUnexpected: false }));
  app.get('/throw/:name', (c) => {
    const thrower = PORTABLE_THROWERS[c.req.param('name')];
    if (thrower === undefined) return c.text('unknown scenario', 500);
    throw thrower();
  });
  app.onError(errorHandler({ envelope, logUnexpected: false }));
  app.notFound(notFound({ envelope }));
  return app;
}

const APPS = new Map((Object.keys(ENVELOPES) as EnvelopeName[]).map((e) => [e, buildApp(e)]));

/** Every envelope's app behind one fetch: `/<envelope>/…` goes to that envelope's app. */
export const app = {
  fetch(request: Request, env?: unknown, ctx?: unknown): Response | Promise<Response> {
    const envelope = new URL(request.url).pathname.split('/')[1] as EnvelopeName;
    const target = APPS.get(envelope) ?? (APPS.get('problem-details') as Hono);
    return target.fetch(request, env as never, ctx as never);
  },
  request(path: string, init?: RequestInit): Response | Promise<Response> {
    return this.fetch(new Request(new URL(path, 'http://localhost'), init));
  },
};

export default app;
