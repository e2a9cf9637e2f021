// Router shapes beyond the shared table, each where only one framework has it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Router } from '@koa/router';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import express from 'express';
import express4 from 'express4';
import { Hono } from 'hono';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { errorHandler as expressErrorHandler, notFound as expressNotFound } from '../../adapters/express/index.js';
import { errorBoundary, errorHandler as honoErrorHandler, notFound as honoNotFound } from '../../adapters/hono/index.js';
import { errorHandler as koaErrorHandler } from '../../adapters/koa/index.js';
import { FaultlineFilter } from '../../adapters/nest/index.js';
import type { RunningApp } from '../harness/harness.js';
import { listen, request } from '../support/http.js';

const running: RunningApp[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});
async function serve(app: Promise<RunningApp> | RunningApp): Promise<string> {
  const started = await app;
  running.push(started);
  return started.url;
}

describe.each([
  ['express', express],
  ['express4', express4],
] as const)('%s', (_name, framework) => {
  it('reads the router per request: a route added after the app began serving counts', async () => {
    const app = framework();
    app.get('/pins', (_req, res) => void res.send('ok'));
    // The catch-all stays last: Express 5 appends routes, so late ones go in a router mounted before it.
    const late = framework.Router();
    app.use(late);
    app.use(expressNotFound(), expressErrorHandler());
    const url = await serve(listen(createServer(app)));
    expect((await request(`${url}/reports`, { method: 'DELETE' })).status).toBe(404);
    late.post('/reports', (_req, res) => void res.send('ok'));
    const res = await request(`${url}/reports`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it("a router's .all() route names no method (it serves any); the others still count", async () => {
    const router = framework.Router();
    router.all('/pins', (_req, _res, next) => next());
    router.get('/pins', (_req, res) => void res.send('ok'));
    const app = framework();
    app.use(router);
    app.use(expressNotFound(), expressErrorHandler());
    const url = await serve(listen(createServer(app)));
    const res = await request(`${url}/pins`, { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it("app.all() registers every method: one that passed the request on served it, so it is a 404", async () => {
    const app = framework();
    app.all('/pins', (_req, _res, next) => next());
    app.use(expressNotFound(), expressErrorHandler());
    const url = await serve(listen(createServer(app)));
    expect((await request(`${url}/pins`, { method: 'PATCH' })).status).toBe(404);
  });

  it('a GET route that passes the request on: GET is served, so it is a 404', async () => {
    const app = framework();
    app.get('/pins', (_req, _res, next) => next());
    app.use(expressNotFound(), expressErrorHandler());
    const url = await serve(listen(createServer(app)));
    expect((await request(`${url}/pins`)).status).toBe(404);
  });

  it('a sub-app with its own notFound reads its own routes, relative to its mount', async () => {
    const api = framework();
    api.get('/pins/:id', (_req, res) => void res.send('ok'));
    api.use(expressNotFound(), expressErrorHandler());
    const app = framework();
    app.use('/api', api);
    const url = await serve(listen(createServer(app)));
    const res = await request(`${url}/api/pins/7`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await request(`${url}/api/other`, { method: 'DELETE' })).status).toBe(404);
  });

  it('routers nested two deep', async () => {
    const inner = framework.Router();
    inner.put('/:id', (_req, res) => void res.send('ok'));
    const outer = framework.Router();
    outer.use('/pins', inner);
    const app = framework();
    app.use('/v2', outer);
    app.use(expressNotFound(), expressErrorHandler());
    const url = await serve(listen(createServer(app)));
    const res = await request(`${url}/v2/pins/9`, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('PUT');
  });
});

function koaApp(use: (app: Koa, router: Router) => void): Koa {
  const app = new Koa();
  app.silent = true;
  const router = new Router();
  router.get('/pins/:id', (ctx) => void (ctx.body = 'ok'));
  app.use(koaErrorHandler());
  use(app, router);
  return app;
}

function honoApp(): Hono {
  const app = new Hono();
  app.use(errorBoundary());
  app.onError(honoErrorHandler());
  app.get('/pins/:id', (c) => c.text('ok'));
  return app;
}

describe('koa', () => {
  it("without notFound() or allowedMethods(): Koa's implicit 404 becomes the 405", async () => {
    const url = await serve(listen(createServer(koaApp((app, router) => app.use(router.routes())).callback())));
    const res = await request(`${url}/pins/1`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.json).toEqual({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'DELETE is not allowed on /pins/1' });
  });

  it("with @koa/router's allowedMethods(): its 405, worded as without it, with the same Allow", async () => {
    const app = koaApp((koa, router) => {
      koa.use(router.routes());
      koa.use(router.allowedMethods());
    });
    const url = await serve(listen(createServer(app.callback())));
    const res = await request(`${url}/pins/1`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(', ').toSorted()).toEqual(['GET', 'HEAD']);
    expect(res.json).toEqual({ type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'DELETE is not allowed on /pins/1' });
    // Its OPTIONS answer stays its own.
    const options = await request(`${url}/pins/1`, { method: 'OPTIONS' });
    expect(options.status).toBe(200);
  });

  it('a router added to the app after it began serving counts', async () => {
    const late = new Router();
    const app = koaApp((koa, router) => {
      koa.use(router.routes());
      koa.use(late.routes());
    });
    const url = await serve(listen(createServer(app.callback())));
    expect((await request(`${url}/reports`, { method: 'DELETE' })).status).toBe(404);
    late.post('/reports', (ctx) => void (ctx.body = 'ok'));
    expect((await request(`${url}/reports`, { method: 'DELETE' })).headers.get('allow')).toBe('POST');
  });
});

describe('hono', () => {
  it('notFound(options) without the app cannot read the router: a 404', async () => {
    const app = honoApp();
    app.notFound(honoNotFound({ envelope: 'status-object' }));
    const url = await serve(listen(createAdaptorServer({ fetch: app.fetch }) as ReturnType<typeof createServer>));
    const res = await request(`${url}/pins/1`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ status: { code: 404, text: 'Not Found', message: 'Cannot DELETE /pins/1' } });
  });

  it('a basePath app and middleware on the path: only method routes count', async () => {
    const app = honoApp();
    const api = app.basePath('/api');
    api.use('/things/*', async (_c, next) => next());
    api.post('/things/:id', (c) => c.text('ok'));
    app.notFound(honoNotFound(app));
    const url = await serve(listen(createAdaptorServer({ fetch: app.fetch }) as ReturnType<typeof createServer>));
    const res = await request(`${url}/api/things/4`, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await request(`${url}/api/other/4`, { method: 'GET' })).status).toBe(404);
  });
});

@Controller('pins')
class PinsController {
  @Get(':id')
  find(): string {
    return 'ok';
  }
}

@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class PrefixModule {}

describe.each(['express', 'fastify'] as const)('nest on platform-%s with a global prefix', (platform) => {
  it('the 405 reads the routes under the prefix; the prefix router Nest adds for 404s is not a route', async () => {
    const root: DynamicModule = { module: PrefixModule, controllers: [PinsController] };
    const app = await NestFactory.create(root, platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(), { logger: false, forceCloseConnections: true });
    app.setGlobalPrefix('api');
    app.useGlobalFilters(new FaultlineFilter());
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = await serve({ url: `http://127.0.0.1:${port}`, close: () => app.close() });
    const res = await request(`${url}/api/pins/3`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await request(`${url}/api/nothing`, { method: 'DELETE' })).status).toBe(404);
    expect((await request(`${url}/pins/3`, { method: 'DELETE' })).status).toBe(404);
  });
});
