// Request validation for Koa: hand the parsed parts to the core's validator; a failure is thrown,
// for `errorHandler` (registered first) to render.
import { createRequire } from 'node:module';
import type { Context, Middleware, Next } from 'koa';
import {
  compilerFor,
  createRequestValidator,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type ValidateOptions,
} from '../../src/kit.js';

export type { RequestSchemas, ValidateOptions } from '../../src/kit.js';

/** The middleware `validate()` returns; `validator` is the compiled core (for benchmarks and tests). */
export interface KoaValidateMiddleware extends Middleware {
  readonly validator: RequestValidator;
}

/**
 * `router.post('/pins', bodyParser(), validate({ body: pinSchema }), handler)`. Schemas compile
 * now (a bad one throws at startup). Use it on the route, after the body parser: `ctx.params` is
 * set by the router for the route, and a body that failed to parse has already been thrown.
 * Koa caches `ctx.query` per query string, so the values ajv coerced in place are what the route reads.
 */
export function validate(schemas: RequestSchemas, options: ValidateOptions = {}): KoaValidateMiddleware {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const middleware = async function faultlineValidate(ctx: Context, next: Next): Promise<void> {
    validator.validateRequest({
      params: (ctx as { params?: unknown }).params,
      query: ctx.query,
      headers: ctx.headers,
      body: (ctx.request as { body?: unknown }).body,
    });
    await next();
  };
  return Object.assign(middleware, { validator });
}

// ajv is an optional peer, loaded on the first validate() without `{ ajv }`. The CommonJS build
// resolves it from faultline's own location, as any dependency; the ES module build from the
// application's directory, where peers live.
function loadPeer(id: string): unknown {
  // `__filename` exists only in CommonJS; a bundler rewrites a bare `require`, never this test.
  return createRequire(typeof __filename === 'string' ? __filename : `${process.cwd()}/`)(id);
}
