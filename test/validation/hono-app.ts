// Hono wired for the validation contract on @hono/node-server: errorBoundary, onError, notFound,
// then per route jsonBody() and validate(); the route reads c.req.valid().
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { errorBoundary, errorHandler, jsonBody, notFound, validate, type HonoValidateMiddleware } from '../../adapters/hono/index.js';
import { listen } from '../support/http.js';
import { BODY_LIMIT, type ValidationHarness } from './harness.js';

// What the route sees after validation: Hono's validated data, coerced values included.
function reply(c: Context) {
  const valid = (target: string): unknown => (c.req.valid as (t: string) => unknown)(target);
  return c.json({ body: valid('json') ?? null, query: valid('query') ?? c.req.query(), params: valid('param') ?? c.req.param() });
}

export const honoValidationHarness: ValidationHarness = {
  framework: 'hono',
  async start(spec) {
    const app = new Hono();
    app.use(errorBoundary(spec.handler));
    app.onError(errorHandler(spec.handler));
    app.notFound(notFound(spec.handler));
    const json = jsonBody({ limit: spec.bodyLimit ?? BODY_LIMIT });
    for (const route of spec.routes) {
      const method = route.method === 'GET' ? 'get' : 'post';
      const check: HonoValidateMiddleware | ((...args: Parameters<HonoValidateMiddleware>) => ReturnType<HonoValidateMiddleware>) =
        route.perRequest === true ? (...args) => validate(route.schemas, route.options)(...args) : validate(route.schemas, route.options);
      app[method](route.path, json, check, reply);
    }
    return listen(createAdaptorServer({ fetch: app.fetch }) as Server);
  },
};
