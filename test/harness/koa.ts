import { createServer } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { errorHandler, notFound } from '../../adapters/koa/index.js';
import { listen } from '../support/http.js';
import { thrower, type AppSpec, type Harness } from './harness.js';

/** The Koa application class: Koa 3's, or Koa 2's (same API) for the second harness. */
export type KoaClass = typeof Koa;

/**
 * The harness routes on a Koa app wired as its users wire faultline: `errorHandler` first,
 * `@koa/router` and `@koa/bodyparser` next, `notFound` last.
 */
export function koaApp(KoaApplication: KoaClass, spec: AppSpec): Koa {
  const app = new KoaApplication();
  // Koa's default listener logs 5xx to stderr; the scenarios throw hundreds of them on purpose.
  app.silent = spec.log === undefined;
  const router = new Router();
  router.all('/throw/:name', (ctx) => {
    throw thrower(spec, ctx.params.name as string)();
  });
  router.all('/async/:name', async (ctx) => {
    await Promise.resolve();
    throw thrower(spec, ctx.params.name as string)();
  });
  router.post('/json', bodyParser({ jsonLimit: '1kb' }), (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/ok', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/cors/:name', (ctx) => {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Vary', 'Origin');
    throw thrower(spec, ctx.params.name as string)();
  });
  router.get('/stale/:name', (ctx) => {
    ctx.set('ETag', '"abc"');
    ctx.set('Content-Disposition', 'attachment; filename="x.csv"');
    ctx.set('Content-Language', 'de');
    ctx.set('Content-Length', '3');
    throw thrower(spec, ctx.params.name as string)();
  });
  router.get('/sent', (ctx) => {
    ctx.res.writeHead(200, { 'content-type': 'text/plain' });
    ctx.res.write('partial');
    throw new Error('failed mid-body');
  });
  app.use(errorHandler(spec.options));
  app.use(router.routes());
  app.use(notFound());
  return app;
}

export function koaHarnessFor(framework: string, KoaApplication: KoaClass): Harness {
  return {
    framework,
    async start(spec: AppSpec) {
      return listen(createServer(koaApp(KoaApplication, spec).callback()));
    },
  };
}

export const koaHarness: Harness = koaHarnessFor('koa', Koa);
