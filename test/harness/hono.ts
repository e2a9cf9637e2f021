import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { errorBoundary, errorHandler, jsonBody, notFound } from '../../adapters/hono/index.js';
import { listen } from '../support/http.js';
import { thrower, type AppSpec, type Harness } from './harness.js';

/** The harness routes on Hono, wired as a Hono user wires faultline; also used in-process via `app.request()`. */
export function honoApp(spec: AppSpec): Hono {
  const app = new Hono();
  app.use(errorBoundary(spec.options));
  app.onError(errorHandler(spec.options));
  app.notFound(notFound(app, spec.options));
  app.all('/throw/:name', (c) => {
    throw thrower(spec, c.req.param('name'))();
  });
  app.all('/async/:name', async (c) => {
    await Promise.resolve();
    throw thrower(spec, c.req.param('name'))();
  });
  app.post('/json', jsonBody({ limit: 1024 }), async (c) => {
    await c.req.json();
    return c.json({ ok: true });
  });
  app.get('/ok', (c) => c.json({ ok: true }));
  app.get('/cors/:name', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Vary', 'Origin');
    throw thrower(spec, c.req.param('name'))();
  });
  app.get('/stale/:name', (c) => {
    c.header('ETag', '"abc"');
    c.header('Content-Disposition', 'attachment; filename="x.csv"');
    throw thrower(spec, c.req.param('name'))();
  });
  // Hono sends nothing until the handler returns, so "headers already sent" means a streamed body
  // that fails after its first chunk: the runtime ends the connection.
  app.get('/sent', (c) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('partial'));
        setTimeout(() => controller.error(new Error('failed mid-body')), 10);
      },
    });
    return c.body(body, 200, { 'content-type': 'text/plain' });
  });
  return app;
}

export const honoHarness: Harness = {
  framework: 'hono',
  async start(spec: AppSpec) {
    const app = honoApp(spec);
    return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
  },
};
