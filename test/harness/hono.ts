import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { errorBoundary, errorHandler, faultline, jsonBody, notFound } from '../../adapters/hono/index.js';
import { listen } from '../support/http.js';
import type { FaultlineOptions } from '../../src/index.js';
import { thrower, type AppSpec, type Harness } from './harness.js';

/** How the app gets faultline: the three registrations a Hono user makes, or `faultline(app, options)`. */
export type HonoWiring = (app: Hono, options: FaultlineOptions | undefined) => void;

export const threeCalls: HonoWiring = (app, options) => {
  app.use(errorBoundary(options));
  app.onError(errorHandler(options));
  app.notFound(notFound(app, options));
};

/** The harness routes on Hono, wired as a Hono user wires faultline; also used in-process via `app.request()`. */
export function honoApp(spec: AppSpec, wire: HonoWiring = threeCalls): Hono {
  const app = new Hono();
  // Hono logs to console.error with no switch of its own; faultline's option is the switch.
  const options = spec.log === undefined ? { logUnexpected: false, ...spec.options } : spec.options;
  wire(app, options);
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
    c.header('Content-Language', 'de');
    c.header('Content-Length', '3');
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

/** The same app wired with the one call, `faultline(app, options)`: it must behave exactly alike. */
export const honoOneCallHarness: Harness = {
  framework: 'hono (faultline(app))',
  async start(spec: AppSpec) {
    const app = honoApp(spec, (bare, options) => faultline(bare, options));
    return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
  },
};
