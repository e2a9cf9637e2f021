// Elysia wired for the validation contract: the errorHandler plugin, then per route jsonBody() as
// the parser and validate() as beforeHandle; the route reads its context. Served as the guide
// recommends, inside faultline/fetch's errorBoundary.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Elysia } from 'elysia';
import { errorHandler, jsonBody, validate } from '../../adapters/elysia/index.js';
import { errorBoundary } from '../../adapters/fetch/index.js';
import { listen } from '../support/http.js';
import { BODY_LIMIT, type ValidationHarness } from './harness.js';

// What the route sees after validation: coerced query and params included.
const reply = ({ body, query, params }: { body: unknown; query: unknown; params: unknown }) => ({ body: body ?? null, query, params });

export const elysiaValidationHarness: ValidationHarness = {
  framework: 'elysia',
  async start(spec) {
    const app = new Elysia().use(errorHandler(spec.handler));
    for (const route of spec.routes) {
      const check = route.perRequest === true ? (context: Parameters<ReturnType<typeof validate>>[0]) => validate(route.schemas, route.options)(context) : validate(route.schemas, route.options);
      if (route.method === 'GET') app.get(route.path, reply, { beforeHandle: check });
      else app.post(route.path, reply, { parse: jsonBody({ limit: spec.bodyLimit ?? BODY_LIMIT }), beforeHandle: check });
    }
    const fetch = errorBoundary((request: Request) => app.handle(request), spec.handler);
    return listen(createAdaptorServer({ fetch }) as Server);
  },
};
