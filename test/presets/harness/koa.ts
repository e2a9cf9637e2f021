import { createServer } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa, { type Context } from 'koa';
import { errorHandler, notFound } from '../../../adapters/koa/index.js';
import { listen } from '../../support/http.js';
import { presetRoute, type PresetAppSpec, type PresetHarness } from './preset-harness.js';

export const koaPresetHarness: PresetHarness = {
  framework: 'koa',
  async start(spec: PresetAppSpec) {
    const app = new Koa();
    // Koa's default listener logs every 5xx to stderr; the examples throw them on purpose.
    app.silent = true;
    const router = new Router();
    const run = async (ctx: Context, name: string) => {
      const request = { header: (field: string) => ctx.get(field) || undefined, body: (ctx.request as { body?: unknown }).body };
      const response = await presetRoute(spec, name)(request);
      ctx.status = response.status;
      ctx.set(response.headers);
      ctx.body = response.body;
    };
    router.all('/r/:name', (ctx) => run(ctx, ctx.params.name as string));
    router.post('/upload/:name', bodyParser({ jsonLimit: '1kb' }), (ctx) => run(ctx, ctx.params.name as string));
    app.use(errorHandler(spec.options));
    app.use(router.routes());
    app.use(notFound());
    return listen(createServer(app.callback()));
  },
};
