// Request validation for Express: hand the parsed parts to the core's validator, let the route see
// what ajv coerced or what a Standard Schema validator output, and send a failure to `next(error)`
// for `errorHandler` to render.
import type { Request, RequestHandler, Response } from 'express';
import {
  compilerFor,
  createRequestValidator,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type SchemaOutput,
  type ValidatedParts,
  type ValidateOptions,
} from '../../src/kit.js';
import { loadPeer } from '../shared/node-peer.js';

export type { RequestSchemas, SchemaOutput, ValidateOptions } from '../../src/kit.js';

// Express's own defaults for what a route does not declare, read off its `Request` (its helper
// packages, express-serve-static-core and qs, are not resolvable from here under every package manager).
type Untyped = Request['body'];
type ParamsDictionary = Request['params'];
type ParsedQs = Request['query'];

/**
 * What the route reads as `part` after `validate(schemas)`: the schema's output; Express's default
 * when the part is not checked, or its schema describes nothing more precise than `unknown` (a JSON
 * Schema that is not `as const`), so an untyped schema changes nothing of the route's types.
 */
type Checked<S, K extends keyof RequestSchemas, Otherwise> = S extends { readonly [P in K]: infer X }
  ? unknown extends SchemaOutput<X>
    ? Otherwise
    : SchemaOutput<X>
  : Otherwise;

/**
 * The middleware `validate()` returns, typed with what it checked: the handlers after it on the
 * same route see `req.body`, `req.query` and `req.params` as the schemas describe them (a Standard
 * Schema's output type, an `as const` JSON Schema's or ajv's `JSONSchemaType<T>`'s value).
 * `validator` is the compiled core (for benchmarks and tests).
 */
export interface ValidateMiddleware<S extends RequestSchemas = RequestSchemas>
  extends RequestHandler<Checked<S, 'params', ParamsDictionary>, Untyped, Checked<S, 'body', Untyped>, Checked<S, 'query', ParsedQs>> {
  readonly validator: RequestValidator;
}

/**
 * `app.post('/pins', express.json(), validate({ body: pinSchema }), handler)`, with a JSON Schema
 * (ajv) or any Standard Schema v1 validator (zod, valibot, arktype) per part. Schemas compile now
 * (a bad one throws at startup); a failing request becomes a field-issue error for `errorHandler`.
 * The route then reads ajv's coerced query and params, or each validator's output in place of
 * `req.body`, `req.query` and `req.params` (headers are checked, not replaced). Use it on the
 * route: `req.params` is only filled in for the route's own handlers. A body that failed to parse
 * never reaches it (the parser passed its error to `next`).
 */
export function validate<const S extends RequestSchemas>(schemas: S, options: ValidateOptions = {}): ValidateMiddleware<S> {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const checksQuery = validator.compiled.query !== undefined || validator.standard.query !== undefined;
  const middleware = function faultlineValidate(req: Request, _res: Response, next: (error?: unknown) => void) {
    // Express 5's `req.query` is a getter that parses the URL again on every read: keep the one
    // object that was checked, as an own property in front of the getter, so the route sees its values.
    const query: unknown = checksQuery ? req.query : undefined;
    let result: ReturnType<RequestValidator['validateRequest']>;
    try {
      result = validator.validateRequest({ params: req.params, query, headers: req.headers, body: req.body });
    } catch (error) {
      next(error);
      return;
    }
    if (result instanceof Promise) {
      result.then((outputs) => {
        apply(req, outputs, checksQuery, query);
        next();
      }, next);
      return;
    }
    apply(req, result, checksQuery, query);
    next();
  };
  return Object.assign(middleware, { validator }) as unknown as ValidateMiddleware<S>;
}

function apply(req: Request, outputs: ValidatedParts | undefined, checksQuery: boolean, query: unknown): void {
  if (outputs !== undefined) {
    if ('body' in outputs) req.body = outputs.body;
    if ('params' in outputs) req.params = outputs.params as ParamsDictionary;
  }
  const seen = outputs !== undefined && 'query' in outputs ? outputs.query : query;
  if (checksQuery) Object.defineProperty(req, 'query', { value: seen, writable: true, enumerable: true, configurable: true });
}
