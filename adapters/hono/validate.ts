// Request validation for Hono: read the parts the schemas need, hand them to the core's validator,
// and store what passed (coerced) as Hono's validated data, read with `c.req.valid('query')`.
// Web-standard: no Node module is imported. ajv compiles schemas with `new Function`, which
// Cloudflare Workers (workerd) forbid: there, validate() cannot compile at all.
import type { Context, Env, MiddlewareHandler, ValidationTargets } from 'hono';
import {
  queryRecord,
  BODY_MESSAGES,
  compilerFor,
  createRequestValidator,
  errors,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type SchemaInputValue,
  type SchemaOutput,
  type ValidateOptions,
} from '../../src/kit.js';
import { loadPeer } from '../shared/web-peer.js';

export type { RequestSchemas, SchemaOutput, ValidateOptions } from '../../src/kit.js';

/** Hono's name for each part `validate()` checks: `c.req.valid('json' | 'query' | 'param' | 'header')`. */
interface HonoTargets {
  readonly body: 'json';
  readonly query: 'query';
  readonly params: 'param';
  readonly headers: 'header';
}

type Parts<S> = keyof S & keyof HonoTargets;

/**
 * Hono's `Input` for the parts `S` checks, as `@hono/zod-validator` declares it: `out` is what
 * `c.req.valid(target)` returns (the schema's output), `in` what a client sends (the RPC client's
 * types): the schema's input for a JSON body, strings for the query, path and headers.
 */
export interface HonoValidatedInput<S> {
  in: { [K in Parts<S> as HonoTargets[K]]: InputOf<SchemaInputValue<S[K]>, HonoTargets[K]> };
  out: { [K in Parts<S> as HonoTargets[K]]: SchemaOutput<S[K]> };
}

type InputOf<In, Target extends keyof ValidationTargets> = Target extends 'json'
  ? In
  : In extends ValidationTargets[Target]
    ? In
    : { [K in keyof In]: K extends keyof ValidationTargets[Target] ? ValidationTargets[Target][K] : string };

/**
 * The middleware `validate()` returns, carrying Hono's input types so that the handlers after it
 * read `c.req.valid('json')` as the schema describes it; `validator` is the compiled core (for
 * benchmarks and tests).
 */
export type HonoValidateMiddleware<E extends Env = Env, P extends string = string, S = RequestSchemas> = MiddlewareHandler<E, P, HonoValidatedInput<S>> & {
  readonly validator: RequestValidator;
};

const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

/**
 * `app.post('/pins', jsonBody(), validate({ body: pinSchema }), handler)`, with a JSON Schema (ajv)
 * or any Standard Schema v1 validator (zod, valibot, arktype) per part. Schemas compile now (a bad
 * one throws at startup); a failure is thrown for `errorHandler`. After it, the route reads the
 * checked values with `c.req.valid('json' | 'query' | 'param' | 'header')`, typed from the schemas
 * (a Standard Schema's output type, an `as const` JSON Schema's or ajv's `JSONSchemaType<T>`'s
 * value): ajv's coerced values, or each validator's output. Hono's request re-reads the URL on
 * every `c.req.query()`, so checked values live only there. Register `jsonBody()` first: a body
 * that is not JSON or is too large is answered before validate runs.
 */
export function validate<const S extends RequestSchemas, E extends Env = Env, P extends string = string>(
  schemas: S,
  options: ValidateOptions = {},
): HonoValidateMiddleware<E, P, S> {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const checks = (part: keyof RequestSchemas) => validator.compiled[part] !== undefined || validator.standard[part] !== undefined;
  const [checksBody, checksQuery, checksParams, checksHeaders] = [checks('body'), checks('query'), checks('params'), checks('headers')];
  const middleware: MiddlewareHandler = async function faultlineValidate(c, next) {
    const body = checksBody ? await jsonOf(c) : undefined;
    const query = checksQuery ? queryRecord(c.req.url) : undefined;
    const params = checksParams ? c.req.param() : undefined;
    const headers = checksHeaders ? c.req.header() : undefined;
    const outputs = await validator.validateRequest({ params, query, headers, body });
    // What the route reads: a validator's output, else the parsed part (ajv coerced it in place).
    const seen = (part: keyof RequestSchemas, parsed: unknown): unknown => (outputs !== undefined && part in outputs ? outputs[part] : parsed);
    const [json, q, param, header] = [seen('body', body), seen('query', query), seen('params', params), seen('headers', headers)];
    if (json !== undefined) c.req.addValidatedData('json', json as object);
    if (q !== undefined) c.req.addValidatedData('query', q as Record<string, string>);
    if (param !== undefined) c.req.addValidatedData('param', param as Record<string, string>);
    if (header !== undefined) c.req.addValidatedData('header', header as Record<string, string>);
    await next();
  };
  return Object.assign(middleware, { validator }) as unknown as HonoValidateMiddleware<E, P, S>;
}

async function jsonOf(c: Context): Promise<unknown> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) return undefined;
  try {
    return await c.req.json();
  } catch {
    throw errors.badRequest(BODY_MESSAGES.malformed);
  }
}
