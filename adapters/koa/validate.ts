// Request validation for Koa: hand the parsed parts to the core's validator; a failure is thrown,
// for `errorHandler` (registered first) to render.
import type { Context, Middleware, Next } from 'koa';
import {
  compilerFor,
  createRequestValidator,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type ValidatedParts,
  type ValidateOptions,
} from '../../src/kit.js';
import { loadPeer } from '../shared/node-peer.js';

export type { RequestSchemas, SchemaOutput, ValidateOptions } from '../../src/kit.js';

/** The middleware `validate()` returns; `validator` is the compiled core (for benchmarks and tests). */
export interface KoaValidateMiddleware extends Middleware {
  readonly validator: RequestValidator;
}

/**
 * `router.post('/pins', bodyParser(), validate({ body: pinSchema }), handler)`, with a JSON Schema
 * (ajv) or any Standard Schema v1 validator (zod, valibot, arktype) per part. Schemas compile now
 * (a bad one throws at startup). Use it on the route, after the body parser: `ctx.params` is set
 * by the router for the route, and a body that failed to parse has already been thrown. Koa caches
 * `ctx.query` per query string, so the values ajv coerced in place are what the route reads; a
 * Standard Schema validator's output replaces `ctx.request.body`, `ctx.query` and `ctx.params`
 * (headers are checked, not replaced).
 */
export function validate(schemas: RequestSchemas, options: ValidateOptions = {}): KoaValidateMiddleware {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const middleware = async function faultlineValidate(ctx: Context, next: Next): Promise<void> {
    const outputs = await validator.validateRequest({
      params: (ctx as { params?: unknown }).params,
      query: ctx.query,
      headers: ctx.headers,
      body: (ctx.request as { body?: unknown }).body,
    });
    if (outputs !== undefined) apply(ctx, outputs);
    await next();
  };
  return Object.assign(middleware, { validator });
}

function apply(ctx: Context, outputs: ValidatedParts): void {
  if ('body' in outputs) (ctx.request as { body?: unknown }).body = outputs.body;
  if ('params' in outputs) (ctx as { params?: unknown }).params = outputs.params;
  // `ctx.query` reads `ctx.request.query`, a getter that parses the query string: an own property
  // in front of it makes the output what every later read sees.
  if ('query' in outputs) Object.defineProperty(ctx.request, 'query', { value: outputs.query, writable: true, enumerable: true, configurable: true });
}
