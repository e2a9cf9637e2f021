// Koa wired for the validation contract: errorHandler first, @koa/router, then per route
// @koa/bodyparser and validate().
import { createServer } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import { errorHandler, notFound, validate, type KoaValidateMiddleware } from '../../adapters/koa/index.js';
import { errors } from '../../src/index.js';
import { BODY_MESSAGES, RequestValidationError } from '../../src/kit.js';
import { listen } from '../support/http.js';
import { BODY_LIMIT, type ValidationHarness } from './harness.js';

// What the route sees after validation: coerced query and params included.
function reply(ctx: Koa.Context & { params?: unknown }): void {
  ctx.body = { body: (ctx.request as { body?: unknown }).body ?? null, query: ctx.query, params: ctx.params };
}

export const koaValidationHarness: ValidationHarness = {
  framework: 'koa',
  differences: [
    {
      probe: 'a __proto__ member is just a field',
      thrown: () => errors.badRequest(BODY_MESSAGES.malformed),
      reason: '@koa/bodyparser parses JSON with prototype poisoning protection: a body with a `__proto__` key is refused as malformed JSON before validate runs',
    },
    {
      probe: 'no JSON body at all',
      thrown: () => new RequestValidationError([{ location: 'body', pointer: '/pins', keyword: 'required', message: 'is required' }]),
      reason: '@koa/bodyparser sets `ctx.request.body` to `{}` when the request has no body, so the schema sees an empty object, not nothing',
    },
  ],
  async start(spec) {
    const app = new Koa();
    app.silent = true;
    const router = new Router();
    const json = bodyParser({ jsonLimit: spec.bodyLimit ?? BODY_LIMIT, enableTypes: ['json'] });
    for (const route of spec.routes) {
      const method = route.method === 'GET' ? 'get' : 'post';
      const check =
        route.perRequest === true
          ? (...args: Parameters<KoaValidateMiddleware>) => validate(route.schemas, route.options)(...args)
          : validate(route.schemas, route.options);
      router[method](route.path, json, check, reply);
    }
    app.use(errorHandler(spec.handler));
    app.use(router.routes());
    app.use(notFound());
    return listen(createServer(app.callback()));
  },
};
