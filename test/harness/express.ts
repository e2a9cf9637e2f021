import { createServer } from 'node:http';
import express from 'express';
import { errorHandler, notFound } from '../../adapters/express/index.js';
import { listen } from '../support/http.js';
import { thrower, type AppSpec, type Harness } from './harness.js';

export const expressHarness: Harness = {
  framework: 'express',
  differences: [
    {
      scenario: 'null',
      route: 'throw',
      status: 404,
      reason: "Express's router passes a synchronously thrown null to next(), which means \"no error\": the request goes on to the next route and ends in notFound",
    },
    {
      scenario: 'undefined',
      route: 'throw',
      status: 404,
      reason: "Express's router passes a synchronously thrown undefined to next(), which means \"no error\": the request goes on to the next route and ends in notFound",
    },
  ],
  async start(spec: AppSpec) {
    const app = express();
    app.all('/throw/:name', (req) => {
      throw thrower(spec, req.params.name as string)();
    });
    app.all('/async/:name', async (req) => {
      await Promise.resolve();
      throw thrower(spec, req.params.name as string)();
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
    return listen(createServer(app));
  },
};
