// Request validation for Nest: `@Validate(schemas)` binds an interceptor that hands the request's
// parts to the core's validator and throws its error for the faultline filter to render.
//
// Why an interceptor: on both platforms Nest runs middleware (the body parser), then guards, then
// interceptors, then pipes, then the handler. After the guards, so a request without credentials
// is a 401 before its body is judged (as `validate` after an auth middleware is elsewhere). Before
// the pipes, so `@Query()`/`@Param()` and pipes such as `ValidationPipe` read the values ajv
// coerced. A pipe would see one argument, and only arguments that are decorated; a guard runs
// among the authorization guards and answers `false` with a 403. The interceptor sees the whole
// request, and what it throws goes through the route's filters (`@Envelope` scopes included).
import {
  applyDecorators,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import {
  compilerFor,
  createRequestValidator,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type ValidateOptions,
} from '../../src/kit.js';
import { loadPeer } from './peer.js';

export type { RequestSchemas, ValidateOptions } from '../../src/kit.js';

/** What validation reads of the request: the same names on Express's `req` and Fastify's `request`. */
interface RequestParts {
  readonly params?: unknown;
  readonly query?: unknown;
  readonly headers?: unknown;
  readonly body?: unknown;
}

/**
 * The interceptor `@Validate` binds. Made directly, it also serves `app.useGlobalInterceptors(...)`
 * or `@UseInterceptors(new ValidateInterceptor(schemas))`. Schemas compile in the constructor (a
 * bad one throws at startup), through the one Ajv every adapter shares unless `{ ajv }` is given.
 */
export class ValidateInterceptor implements NestInterceptor {
  /** The compiled core (for benchmarks and tests). */
  readonly validator: RequestValidator;
  private readonly checksQuery: boolean;

  constructor(schemas: RequestSchemas, options: ValidateOptions = {}) {
    this.validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer), '@Validate()'), schemas, options, '@Validate()');
    this.checksQuery = this.validator.compiled.query !== undefined;
  }

  intercept(context: ExecutionContext, next: CallHandler<unknown>): ReturnType<CallHandler<unknown>['handle']> {
    // Failing closed: a schema on a WebSocket or RPC handler would otherwise check nothing.
    if (context.getType() !== 'http') throw new TypeError('faultline: @Validate checks HTTP requests only');
    const req = context.switchToHttp().getRequest<RequestParts>();
    const query = this.checksQuery ? req.query : undefined;
    this.validator.validateRequest({ params: req.params, query, headers: req.headers, body: req.body });
    // Express 5's `req.query` is a getter that parses the URL again on every read: keep the one
    // object ajv coerced, as an own property in front of it, for `@Query()` to read. (Fastify's
    // `request.query` is a plain property, coerced in place; redefining it changes nothing.)
    if (this.checksQuery) Object.defineProperty(req, 'query', { value: query, writable: true, enumerable: true, configurable: true });
    return next.handle();
  }
}

/** What `@Validate` returns: a decorator for a controller class or one of its handlers. */
export type ValidateDecorator = ReturnType<typeof applyDecorators>;

/**
 * `@Validate({ body: pinSchema, query: listQuery })` on a handler (or a controller: every handler
 * in it). A failure is a field-issue error with JSON pointers, rendered by `FaultlineFilter` in the
 * route's envelope, with status 400 or the filter's `validationStatus` (422), unless
 * `options.validationStatus` says. Coerced query and path values are what the handler reads.
 */
export function Validate(schemas: RequestSchemas, options: ValidateOptions = {}): ValidateDecorator {
  return applyDecorators(UseInterceptors(new ValidateInterceptor(schemas, options)));
}
