// Request validation for Express: hand the parsed parts to the core's validator, let the route see
// what ajv coerced, and send a failure to `next(error)` for `errorHandler` to render.
import { createRequire } from 'node:module';
import type { Request, RequestHandler, Response } from 'express';
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
export interface ValidateMiddleware extends RequestHandler {
  readonly validator: RequestValidator;
}

/**
 * `app.post('/pins', express.json(), validate({ body: pinSchema }), handler)`. Schemas compile now
 * (a bad one throws at startup); a failing request becomes a field-issue error for `errorHandler`.
 * Use it on the route: `req.params` is only filled in for the route's own handlers. A body that
 * failed to parse never reaches it (the parser passed its error to `next`).
 */
export function validate(schemas: RequestSchemas, options: ValidateOptions = {}): ValidateMiddleware {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const checksQuery = validator.compiled.query !== undefined;
  const middleware = function faultlineValidate(req: Request, _res: Response, next: (error?: unknown) => void) {
    // Express 5's `req.query` is a getter that parses the URL again on every read: keep the one
    // object ajv coerced, as an own property in front of the getter, so the route sees its values.
    const query: unknown = checksQuery ? req.query : undefined;
    try {
      validator.validateRequest({ params: req.params, query, headers: req.headers, body: req.body });
    } catch (error) {
      next(error);
      return;
    }
    if (checksQuery) Object.defineProperty(req, 'query', { value: query, writable: true, enumerable: true, configurable: true });
    next();
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
