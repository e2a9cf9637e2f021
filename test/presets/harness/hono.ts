import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { errorBoundary, errorHandler, jsonBody, notFound } from '../../../adapters/hono/index.js';
import { listen } from '../../support/http.js';
import { presetRoute, type PresetAppSpec, type PresetHarness } from './preset-harness.js';

export const honoPresetHarness: PresetHarness = {
  framework: 'hono',
  async start(spec: PresetAppSpec) {
    const app = new Hono();
    app.use(errorBoundary(spec.options));
    app.onError(errorHandler(spec.options));
    app.notFound(notFound(spec.options));
    const run = async (c: Context, body: unknown) => {
      const request = { header: (name: string) => c.req.header(name), body };
      const response = await presetRoute(spec, c.req.param('name') as string)(request);
      return new Response(response.body, { status: response.status, headers: response.headers });
    };
    app.all('/r/:name', (c) => run(c, undefined));
    app.post('/upload/:name', jsonBody({ limit: 1024 }), async (c) => run(c, await c.req.json()));
    return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
  },
};
