// Request validation for Elysia: a `beforeHandle` hook hands the parts Elysia parsed to the core's
// validator; a failure is thrown, for the `errorHandler` plugin to render.
import {
  queryRecord,
  compilerFor,
  createRequestValidator,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type ValidateOptions,
} from '../../src/kit.js';

export type { RequestSchemas, ValidateOptions } from '../../src/kit.js';

/** The parts of Elysia's context the hook reads. */
interface ParsedParts {
  readonly request: Request;
  readonly body?: unknown;
  readonly query?: Record<string, unknown>;
  readonly params?: unknown;
  readonly headers?: unknown;
}

/** The hook `validate()` returns; `validator` is the compiled core (for benchmarks and tests). */
export type ElysiaValidateHook = ((context: ParsedParts) => void) & { readonly validator: RequestValidator };

/**
 * `app.post('/pins', handler, { beforeHandle: validate({ body: pinSchema }) })`, with JSON Schemas
 * (Elysia's own `t.Object` schemas work too; this is for the schemas an API already has). Schemas
 * compile now (a bad one throws at startup). What passed, coerced where the schema coerces, is
 * what the handler's `query` and `params` hold.
 */
export function validate(schemas: RequestSchemas, options: ValidateOptions = {}): ElysiaValidateHook {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const checksQuery = validator.compiled.query !== undefined;
  const hook = function faultlineValidate({ request, body, query, params, headers }: ParsedParts): void {
    // Elysia keeps the last of repeated query keys; read them as Express and Koa do, then let the
    // handler's `query` show what passed (coerced).
    const parsed = checksQuery ? queryRecord(request.url) : undefined;
    validator.validateRequest({ body, query: parsed, params, headers });
    if (parsed !== undefined && query !== undefined) {
      for (const key of Object.keys(query)) delete query[key];
      for (const key of Object.keys(parsed)) Object.defineProperty(query, key, { value: parsed[key], writable: true, enumerable: true, configurable: true });
    }
  };
  return Object.assign(hook, { validator });
}

// As Express and Koa parse a query string: a repeated key is an array, a single one a string.
interface NodeLike {
  readonly process?: {
    getBuiltinModule?(id: string): { createRequire?(path: string): (id: string) => unknown } | undefined;
    cwd?(): string;
  };
}

// ajv is an optional peer, loaded on the first validate() without `{ ajv }`: with `require` in the
// CommonJS build, else through Bun's (Node's) `process.getBuiltinModule`, resolving from the
// application's directory. Elsewhere, pass your own `{ ajv }`.
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
