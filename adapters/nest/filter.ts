// faultline for NestJS 11 and 12: an exception filter that reads the request, calls the core and
// writes the response, on platform-express and platform-fastify alike.
import {
  BadRequestException,
  Catch,
  HttpException,
  Inject,
  Logger,
  NotFoundException,
  Optional,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { createFaultline, describeThrown, routeNotFound, thrownText, type Faultline, type FaultlineOptions, type RequestFacts } from '../../src/kit.js';
import { nestRouteMethods } from './allowed-methods.js';
import { abort, headersSent, requestFacts, write } from './http.js';

/** The injection token `FaultlineModule.forRoot(options)` provides the options under. */
export const FAULTLINE_OPTIONS = Symbol.for('faultline.nest.options');

// A brand rather than `instanceof`: the ESM and CJS builds can both be loaded in one process.
const FILTER_BRAND = Symbol.for('faultline.nest.filter');

/**
 * Catches everything thrown while handling an HTTP request and answers it through faultline:
 * `app.useGlobalFilters(new FaultlineFilter(options))`, or `FaultlineModule.forRoot(options)`.
 * Options are resolved once, here; a bad one throws at startup.
 */
@Catch()
export class FaultlineFilter implements ExceptionFilter {
  readonly [FILTER_BRAND] = true;
  readonly options: FaultlineOptions;
  private readonly faultline: Faultline;

  constructor(@Optional() @Inject(FAULTLINE_OPTIONS) options?: FaultlineOptions) {
    this.options = options ?? {};
    this.faultline = createFaultline(this.options, logToNest);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    answer(this.faultline, exception, host);
  }
}

// Nest's own BaseExceptionFilter logs an unknown exception through this Logger context; Logger
// writes through whichever LoggerService the app was created with (ConsoleLogger, nestjs-pino, …).
const EXCEPTIONS_HANDLER = new Logger('ExceptionsHandler');

/** faultline's default logger on Nest: `Logger.error(message, stack)` as Nest's own filter logs a crash. */
export function logToNest(thrown: unknown): void {
  const details = describeThrown(thrown);
  const stack = thrownText(thrown);
  const message = details.message ?? details.type;
  // No `undefined` second argument: Nest's ConsoleLogger would print it as a stack.
  if (stack === undefined) EXCEPTIONS_HANDLER.error(message);
  else EXCEPTIONS_HANDLER.error(message, stack);
}

export function isFaultlineFilter(value: unknown): value is FaultlineFilter {
  return typeof value === 'object' && value !== null && (value as { [FILTER_BRAND]?: unknown })[FILTER_BRAND] === true;
}

/** The whole error path of one request: what every faultline filter (global or scoped) runs. */
export function answer(faultline: Faultline, exception: unknown, host: ArgumentsHost): void {
  // faultline answers HTTP; a WebSocket or RPC context has its own protocol for errors.
  if (host.getType() !== 'http') throw exception;
  const http = host.switchToHttp();
  const res: unknown = http.getResponse();
  if (headersSent(res)) {
    abort(res);
    return;
  }
  const req: unknown = http.getRequest();
  const facts = requestFacts(req);
  const response = faultline.handle(original(exception, facts, req), facts);
  // The client has gone (an aborted upload): `onError` was told (499); nothing is written.
  if (facts.aborted?.() === true) {
    abort(res);
    return;
  }
  write(res, response, facts.httpVersion);
}

/**
 * What faultline should see. Nest wraps its platform's own errors (body-parser's, Fastify's) in a
 * plain `HttpException` or `BadRequestException` with the original as `cause`, in the platform's
 * words (body-parser's message for malformed JSON quotes the client's body): the core knows the
 * originals and words them the same on every framework. Only that wrapping is undone, recognised
 * by the test Nest itself applies before wrapping; an exception the app throws stays as it is.
 * Nest's unmatched route throws `Cannot GET /path?query`; faultline's `routeNotFound` words it as
 * every other adapter does, without the query, and makes it a 405 when the platform's router serves
 * the path for other methods.
 */
function original(exception: unknown, facts: RequestFacts, req: unknown): unknown {
  try {
    if (!(exception instanceof HttpException)) return exception;
    if (exception instanceof NotFoundException) {
      const prefix = `Cannot ${facts.method} ${facts.path}`;
      if (exception.message === prefix || exception.message.startsWith(`${prefix}?`)) {
        return routeNotFound(facts.method, facts.path, () => nestRouteMethods(req, facts.path));
      }
      return exception;
    }
    const wrapper = Object.getPrototypeOf(exception) as unknown;
    if (wrapper !== HttpException.prototype && wrapper !== BadRequestException.prototype) return exception;
    const cause: unknown = exception.cause;
    if (cause === undefined && wrapper === BadRequestException.prototype && madeByNest11(exception)) return MALFORMED_BODY;
    return isPlatformError(cause) && cause.statusCode === exception.getStatus() ? cause : exception;
  } catch {
    // A hostile value (a revoked Proxy) fails even `instanceof`; the core handles it as it is.
    return exception;
  }
}

// Nest 11 wraps body-parser's SyntaxError without keeping it (`new BadRequestException(err.message)`
// in `RoutesResolver.mapExternalException`, whose frame the stack names); it is a malformed body.
const MALFORMED_BODY = Object.freeze({ status: 400, type: 'entity.parse.failed' });

function madeByNest11(exception: Error): boolean {
  return typeof exception.stack === 'string' && exception.stack.includes('.mapExternalException ');
}

/** An http-errors error (body-parser's, raw-body's) or a Fastify one, as Nest's adapters tell them. */
function isPlatformError(value: unknown): value is Error & { statusCode: number } {
  if (!(value instanceof Error)) return false;
  const { statusCode, status, expose } = value as Error & { statusCode?: unknown; status?: unknown; expose?: unknown };
  if (typeof statusCode !== 'number') return false;
  return value.name === 'FastifyError' || (typeof expose === 'boolean' && status === statusCode);
}
