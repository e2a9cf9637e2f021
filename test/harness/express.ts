import { createServer } from 'node:http';
import express from 'express';
import { errorHandler, faultline, notFound } from '../../adapters/express/index.js';
import { listen } from '../support/http.js';
import { thrower, type AppSpec, type FrameworkDifference, type Harness, type RunningApp } from './harness.js';

type ExpressModule = typeof express;

/** Express's router hands a thrown null to `next()`, and `next(null)` means "no error". */
export function nullIsNoError(version: string, scenario: string, route: 'throw' | 'async'): FrameworkDifference {
  return {
    probe: `${route} ${scenario}`,
    status: 404,
    reason: `Express ${version} hands a${route === 'async' ? 'n asynchronously' : ' synchronously'} thrown ${scenario} to next(), which means "no error": the request goes on to the next route and ends in notFound`,
  };
}

/** How an app hands a rejected promise to Express: Express 5 does it itself; on Express 4 the app calls `next`. */
export type AsyncRoute = (handler: (req: express.Request) => Promise<void>) => express.RequestHandler;

/** How the app gets faultline: `notFound()` and `errorHandler()` after the routes, or `faultline(app)`. */
export type ExpressWiring = (app: express.Express, options: AppSpec['options']) => void;

/** Express 5's own handling of a rejected promise. */
export const express5Async: AsyncRoute = (handler) => (req) => handler(req);

/** The harness routes on an Express app, served over HTTP/1.1 on 127.0.0.1. */
export function startExpress(framework: ExpressModule, spec: AppSpec, asyncRoute: AsyncRoute, wire?: ExpressWiring): Promise<RunningApp> {
  return listen(createServer(expressApp(framework, spec, asyncRoute, wire)));
}

/** The harness routes on an Express app (not listening). */
export function expressApp(
  framework: ExpressModule,
  spec: AppSpec,
  asyncRoute: AsyncRoute,
  wire: ExpressWiring = (app, options) => app.use(notFound(), errorHandler(options)),
): express.Express {
  const app = framework();
  // Express's own logger (and so faultline's default one) is quiet when its env is 'test'.
  app.set('env', spec.log === undefined ? 'test' : 'production');
  app.all('/throw/:name', (req) => {
    throw thrower(spec, req.params.name as string)();
  });
  app.all(
    '/async/:name',
    asyncRoute(async (req) => {
      await Promise.resolve();
      throw thrower(spec, req.params.name as string)();
    }),
  );
  app.post('/json', framework.json({ limit: '1kb' }), (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/cors/:name', (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Vary', 'Origin');
    throw thrower(spec, req.params.name)();
  });
  app.get('/stale/:name', (req, res) => {
    res.setHeader('ETag', '"abc"');
    res.setHeader('Content-Disposition', 'attachment; filename="x.csv"');
    res.setHeader('Content-Language', 'de');
    res.setHeader('Content-Length', '3');
    throw thrower(spec, req.params.name)();
  });
  app.get('/sent', (_req, res, next) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    next(new Error('failed mid-body'));
  });
  wire(app, spec.options);
  return app;
}

export const expressHarness: Harness = {
  framework: 'express',
  differences: [nullIsNoError('5', 'null', 'throw'), nullIsNoError('5', 'undefined', 'throw')],
  start: (spec) => startExpress(express, spec, express5Async),
};

/** The same app wired with the one call, `faultline(app, options)`: it must behave exactly alike. */
export const expressOneCallHarness: Harness = {
  ...expressHarness,
  framework: 'express (faultline(app))',
  start: (spec) => startExpress(express, spec, (handler) => (req) => handler(req), (app, options) => faultline(app, options)),
};
