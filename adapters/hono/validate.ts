// Request validation for Hono: read the parts the schemas need, hand them to the core's validator,
// and store what passed (coerced) as Hono's validated data, read with `c.req.valid('query')`.
// Web-standard: no Node module is imported. ajv compiles schemas with `new Function`, which
// Cloudflare Workers (workerd) forbid: there, validate() cannot compile at all.
import type { Context, Env, MiddlewareHandler } from 'hono';
import {
  BODY_MESSAGES,
  compilerFor,
  createRequestValidator,
  errors,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type ValidateOptions,
} from '../../src/kit.js';

export type { RequestSchemas, ValidateOptions } from '../../src/kit.js';

/** The middleware `validate()` returns; `validator` is the compiled core (for benchmarks and tests). */
export type HonoValidateMiddleware<E extends Env = Env> = MiddlewareHandler<E> & { readonly validator: RequestValidator };

const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

/**
 * `app.post('/pins', jsonBody(), validate({ body: pinSchema }), handler)`. Schemas compile now (a
 * bad one throws at startup); a failure is thrown for `errorHandler`. After it, the route reads the
 * checked values with `c.req.valid('json' | 'query' | 'param' | 'header')`: Hono's request
 * re-reads the URL on every `c.req.query()`, so coerced values live only there. Register
 * `jsonBody()` first: a body that is not JSON or is too large is answered before validate runs.
 */
export function validate<E extends Env = Env>(schemas: RequestSchemas, options: ValidateOptions = {}): HonoValidateMiddleware<E> {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const { compiled } = validator;
  const middleware: MiddlewareHandler<E> = async function faultlineValidate(c, next) {
    const body = compiled.body === undefined ? undefined : await jsonOf(c);
    const query = compiled.query === undefined ? undefined : queryOf(c.req.url);
    const params = compiled.params === undefined ? undefined : c.req.param();
    const headers = compiled.headers === undefined ? undefined : c.req.header();
    validator.validateRequest({ params, query, headers, body });
    if (body !== undefined) c.req.addValidatedData('json', body as object);
    if (query !== undefined) c.req.addValidatedData('query', query);
    if (params !== undefined) c.req.addValidatedData('param', params);
    if (headers !== undefined) c.req.addValidatedData('header', headers);
    await next();
  };
  return Object.assign(middleware, { validator });
}

async function jsonOf(c: Context): Promise<unknown> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) return undefined;
  try {
    return await c.req.json();
  } catch {
    throw errors.badRequest(BODY_MESSAGES.malformed);
  }
}

// As Express and Koa parse a query string: a repeated key is an array, a single one a string.
function queryOf(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of new URL(url).searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

interface NodeLike {
  readonly process?: {
    getBuiltinModule?(id: string): { createRequire?(path: string): (id: string) => unknown } | undefined;
    cwd?(): string;
  };
}

// ajv is an optional peer, loaded on the first validate() without `{ ajv }`: with `require` in the
// CommonJS build (from faultline's own location), else through Node's (Bun's, Deno's)
// `process.getBuiltinModule`, resolving from the application's directory. Elsewhere, pass your own `{ ajv }`.
function loadPeer(id: string): unknown {
  // `__filename` exists only in CommonJS (and Bun); a bundler rewrites a bare `require`, never this test.
  if (typeof __filename === 'string') return require(id);
  const { process } = globalThis as NodeLike;
  const createRequire = process?.getBuiltinModule?.('module')?.createRequire;
  if (createRequire === undefined || process?.cwd === undefined) {
    throw new Error(`faultline: cannot load ${id} on this runtime; pass validate(schemas, { ajv })`);
  }
  return createRequire(`${process.cwd()}/`)(id);
}
