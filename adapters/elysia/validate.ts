// Request validation for Elysia: a `beforeHandle` hook hands the parts Elysia parsed to the core's
// validator; a failure is thrown, for the `errorHandler` plugin to render.
import {
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
  readonly body?: unknown;
  readonly query?: unknown;
  readonly params?: unknown;
  readonly headers?: unknown;
}

/** The hook `validate()` returns; `validator` is the compiled core (for benchmarks and tests). */
export type ElysiaValidateHook = ((context: ParsedParts) => void) & { readonly validator: RequestValidator };

/**
 * `app.post('/pins', handler, { beforeHandle: validate({ body: pinSchema }) })`, with JSON Schemas
 * (Elysia's own `t.Object` schemas work too; this is for the schemas an API already has). Schemas
 * compile now (a bad one throws at startup). ajv coerces `query` and `params` in place, so the
 * handler reads the coerced values from its context.
 */
export function validate(schemas: RequestSchemas, options: ValidateOptions = {}): ElysiaValidateHook {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const hook = function faultlineValidate({ body, query, params, headers }: ParsedParts): void {
    validator.validateRequest({ body, query, params, headers });
  };
  return Object.assign(hook, { validator });
}

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
  if (typeof require === 'function') return require(id);
  const { process } = globalThis as NodeLike;
  const createRequire = process?.getBuiltinModule?.('module')?.createRequire;
  if (createRequire === undefined || process?.cwd === undefined) {
    throw new Error(`faultline: cannot load ${id} on this runtime; pass validate(schemas, { ajv })`);
  }
  return createRequire(`${process.cwd()}/`)(id);
}
