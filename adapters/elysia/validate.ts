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
import { loadPeer } from '../shared/web-peer.js';

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
