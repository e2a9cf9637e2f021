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
import { from, mergeMap } from 'rxjs';
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

/** What validation reads of the request: the same names on Express's `req` and Fastify's `request`. */
interface RequestParts {
  params?: unknown;
  readonly query?: unknown;
  readonly headers?: unknown;
  body?: unknown;
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
    this.checksQuery = this.validator.compiled.query !== undefined || this.validator.standard.query !== undefined;
  }

  intercept(context: ExecutionContext, next: CallHandler<unknown>): ReturnType<CallHandler<unknown>['handle']> {
    // Failing closed: a schema on a WebSocket or RPC handler would otherwise check nothing.
    if (context.getType() !== 'http') throw new TypeError('faultline: @Validate checks HTTP requests only');
    const req = context.switchToHttp().getRequest<RequestParts>();
    const query = this.checksQuery ? req.query : undefined;
    const result = this.validator.validateRequest({ params: req.params, query, headers: req.headers, body: req.body });
    // An asynchronous validator (a zod refinement that awaits): the handler runs once it has answered.
    if (result instanceof Promise) return from(result).pipe(mergeMap((outputs) => this.proceed(req, outputs, query, next)));
    return this.proceed(req, result, query, next);
  }

  private proceed(req: RequestParts, outputs: ValidatedParts | undefined, query: unknown, next: CallHandler<unknown>): ReturnType<CallHandler<unknown>['handle']> {
    if (outputs !== undefined) {
      if ('body' in outputs) req.body = outputs.body;
      if ('params' in outputs) req.params = outputs.params;
    }
    // Express 5's `req.query` is a getter that parses the URL again on every read: keep the one
    // object that was checked (ajv's, coerced, or a validator's output), as an own property in
    // front of it, for `@Query()` to read. (Fastify's `request.query` is a plain property.)
    const seen = outputs !== undefined && 'query' in outputs ? outputs.query : query;
    if (this.checksQuery) Object.defineProperty(req, 'query', { value: seen, writable: true, enumerable: true, configurable: true });
    return next.handle();
  }
}

/** What `@Validate` returns: a decorator for a controller class or one of its handlers. */
export type ValidateDecorator = ReturnType<typeof applyDecorators>;

/**
 * `@Validate({ body: pinSchema, query: listQuery })` on a handler (or a controller: every handler
 * in it), with a JSON Schema (ajv) or any Standard Schema v1 validator (zod, valibot, arktype) per
 * part; `@Body() pin: SchemaOutput<typeof pinSchema>` types what the handler reads. A failure is a
 * field-issue error with JSON pointers, rendered by `FaultlineFilter` in the route's envelope,
 * with status 400 or the filter's `validationStatus` (422), unless `options.validationStatus`
 * says. Coerced query and path values, or each validator's output, are what the handler reads.
 */
export function Validate(schemas: RequestSchemas, options: ValidateOptions = {}): ValidateDecorator {
  return applyDecorators(UseInterceptors(new ValidateInterceptor(schemas, options)));
}
