// Request validation for h3: read the parts the schemas need from the web request, hand them to
// the core's validator, and keep what passed (coerced) in `event.context.valid`.
import type { H3Event, Middleware } from 'h3';
import {
  queryRecord,
  BODY_MESSAGES,
  compilerFor,
  createRequestValidator,
  errors,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type ValidateOptions,
} from '../../src/kit.js';
import { loadPeer } from '../shared/web-peer.js';

export type { RequestSchemas, ValidateOptions } from '../../src/kit.js';

/** The middleware `validate()` returns; `validator` is the compiled core (for benchmarks and tests). */
export type H3ValidateMiddleware = Middleware & { readonly validator: RequestValidator };

/** What passed validation, coerced where the schema coerces: `event.context.valid.query.limit`. */
export interface ValidParts {
  body?: unknown;
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

declare module 'h3' {
  interface H3EventContext {
    /** Set by faultline's `validate()`: each checked part as it passed (coerced). */
    valid?: ValidParts;
  }
}

const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

/**
 * A route middleware: `app.post('/pins', handler, { middleware: [validate({ body: pinSchema })] })`.
 * Schemas compile now (a bad one throws at startup); a failure is thrown for `errorHandler`. The
 * route reads the checked values from `event.context.valid` (`event.req.json()` still works: the
 * request keeps its body). A body that is not JSON is a 400; to cap its size, put h3's
 * `bodyLimit(bytes)` first.
 */
export function validate(schemas: RequestSchemas, options: ValidateOptions = {}): H3ValidateMiddleware {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const { compiled } = validator;
  const middleware: Middleware = async function faultlineValidate(event, next) {
    const body = compiled.body === undefined ? undefined : await jsonOf(event);
    const query = compiled.query === undefined ? undefined : queryRecord(event.url);
    const params = compiled.params === undefined ? undefined : { ...event.context.params };
    const headers = compiled.headers === undefined ? undefined : Object.fromEntries(event.req.headers);
    validator.validateRequest({ params, query, headers, body });
    event.context.valid = { body, query, params, headers };
    return next();
  };
  return Object.assign(middleware, { validator });
}

async function jsonOf(event: H3Event): Promise<unknown> {
  if (!JSON_TYPE.test(event.req.headers.get('content-type') ?? '')) return undefined;
  // A clone, so the route can still read the body itself.
  const text = await event.req.clone().text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.badRequest(BODY_MESSAGES.malformed);
  }
}
