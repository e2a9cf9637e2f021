import { createServer } from 'node:http';
import express from 'express4';
import { errorHandler, notFound } from '../../adapters/express/index.js';
import { listen } from '../support/http.js';
import type { FrameworkDifference } from './harness.js';
import { thrower, type AppSpec, type Harness } from './harness.js';

// Express 4 does not catch rejected promises: async routes pass their errors to `next` themselves,
// as every Express 4 app (or express-async-handler) does. `next(null)` is "no error" there too.
const nullIsNoError = (scenario: string, route: 'throw' | 'async'): FrameworkDifference => ({
  scenario,
  route,
  status: 404,
  reason: `Express 4 hands a${route === 'async' ? 'n asynchronously' : ' synchronously'} thrown ${scenario} to next(), which means "no error": the request goes on and ends in notFound`,
});

export const express4Harness: Harness = {
  framework: 'express4',
  differences: [
    nullIsNoError('null', 'throw'),
    nullIsNoError('undefined', 'throw'),
    nullIsNoError('null', 'async'),
    nullIsNoError('undefined', 'async'),
  ],
  async start(spec: AppSpec) {
    const app = express();
    app.all('/throw/:name', (req) => {
      throw thrower(spec, req.params.name as string)();
    });
    app.all('/async/:name', (req, _res, next) => {
      Promise.resolve()
        .then(() => {
          throw thrower(spec, req.params.name as string)();
        })
        .catch(next);
    });
    app.post('/json', express.json({ limit: '1kb' }), (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/ok', (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/cors/:name', (req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Vary', 'Origin');
      throw thrower(spec, req.params.name as string)();
    });
    app.get('/stale/:name', (req, res) => {
      res.setHeader('ETag', '"abc"');
      res.setHeader('Content-Disposition', 'attachment; filename="x.csv"');
      throw thrower(spec, req.params.name as string)();
    });
    app.get('/sent', (_req, res, next) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      next(new Error('failed mid-body'));
    });
    app.use(notFound(), errorHandler(spec.options));
    return listen(createServer(app));
  },
};
