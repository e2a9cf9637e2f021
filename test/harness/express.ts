import { createServer } from 'node:http';
import express from 'express';
import { errorHandler, notFound } from '../../adapters/express/index.js';
import { listen } from '../support/http.js';
import { thrower, type AppSpec, type FrameworkDifference, type Harness, type RunningApp } from './harness.js';

type ExpressModule = typeof express;

/** Express's router hands a thrown null to `next()`, and `next(null)` means "no error". */
export function nullIsNoError(version: string, scenario: string, route: 'throw' | 'async'): FrameworkDifference {
  return {
    scenario,
    route,
    status: 404,
    reason: `Express ${version} hands a${route === 'async' ? 'n asynchronously' : ' synchronously'} thrown ${scenario} to next(), which means "no error": the request goes on to the next route and ends in notFound`,
  };
}

/** How an app hands a rejected promise to Express: Express 5 does it itself; on Express 4 the app calls `next`. */
export type AsyncRoute = (handler: (req: express.Request) => Promise<void>) => express.RequestHandler;

/** Express 5's own handling of a rejected promise. */
export const express5Async: AsyncRoute = (handler) => (req) => handler(req);

/** The harness routes on an Express app, served over HTTP/1.1 on 127.0.0.1. */
export function startExpress(framework: ExpressModule, spec: AppSpec, asyncRoute: AsyncRoute): Promise<RunningApp> {
  return listen(createServer(expressApp(framework, spec, asyncRoute)));
}

/** The harness routes on an Express app (not listening). */
export function expressApp(framework: ExpressModule, spec: AppSpec, asyncRoute: AsyncRoute): express.Express {
  const app = framework();
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
    throw thrower(spec, req.params.name)();
  });
  app.get('/sent', (_req, res, next) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    next(new Error('failed mid-body'));
  });
  app.use(notFound(), errorHandler(spec.options));
  return app;
}

export const expressHarness: Harness = {
  framework: 'express',
  differences: [nullIsNoError('5', 'null', 'throw'), nullIsNoError('5', 'undefined', 'throw')],
  start: (spec) => startExpress(express, spec, express5Async),
};
