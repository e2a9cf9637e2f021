// `onError` for a logger: one line per error, 5xx at error level with the stack and cause chain,
// 4xx lower (they are the client's mistake, not the server's), never a CR/LF from the client.
import { checkOptions, type OptionRules } from '../checks/check-options.js';
import { describeValue, oneOf } from '../checks/rule.js';
import type { Fault } from '../fault/fault.js';
import type { RequestFacts } from '../request-facts.js';
import type { OnError } from '../hooks/on-error.js';
import { logText } from './log-text.js';
import { describeThrown, type ThrownDetails } from './thrown-details.js';
import { stackText } from './thrown-text.js';

/** The structured fields of one error's log line. */
export interface ErrorLogFields {
  readonly status: number;
  readonly code: string;
  readonly method: string;
  readonly path: string;
  /** `X-Request-Id`, or the framework's own id (Fastify's `request.id`, pino-http's `req.id`, Hono's `requestId()`). */
  readonly requestId?: string;
  /** 5xx only: the thrown value's type, message, stack and cause chain. */
  readonly error?: ThrownDetails;
}

/** A pino-style logger: fields first, then the message (pino, pino-http's `req.log`, bunyan). */
export interface ObjectLogger {
  error(fields: ErrorLogFields, message: string): unknown;
  warn(fields: ErrorLogFields, message: string): unknown;
  info?(fields: ErrorLogFields, message: string): unknown;
  debug?(fields: ErrorLogFields, message: string): unknown;
}

/** A text logger: one message line, and for errors a stack (Nest's `Logger`, `console`). */
export interface TextLogger {
  error(message: string, stack?: string): unknown;
  warn(message: string): unknown;
  /** Nest's and console's name for the info level. */
  log?(message: string): unknown;
  info?(message: string): unknown;
  debug?(message: string): unknown;
}

/** The level of a 4xx: `'warn'` by default, or lower; `false` leaves 4xx out of the log. */
export type ClientErrorLevel = 'warn' | 'info' | 'debug' | false;

export interface LogErrorsOptions {
  /** Level of 4xx lines. Default `'warn'`. 5xx are always `error`. */
  readonly clientErrors?: ClientErrorLevel;
}

export type { OnError } from '../hooks/on-error.js';

const LOG_ERRORS_OPTION_RULES: OptionRules<LogErrorsOptions & { readonly format?: 'object' | 'text' }> = /* @__PURE__ */ (() => ({
  clientErrors: oneOf(['warn', 'info', 'debug', false]),
  format: oneOf(['object', 'text']),
}))();

/**
 * An `onError` that logs every error as one structured line:
 *
 * ```ts
 * errorHandler({ onError: logErrors(pino()) });                                  // fields + message
 * FaultlineModule.forRoot({ onError: logErrors(new Logger('Faultline'), { format: 'text' }) });
 * ```
 *
 * Fields: `status`, `code`, `method`, `path`, `requestId`; a 5xx adds `error` (type, message,
 * stack, causes), read safely from whatever was thrown. Path, message, code and id are escaped:
 * no CR, LF or other control character from the client reaches the line.
 */
export function logErrors(logger: ObjectLogger, options?: LogErrorsOptions & { readonly format?: 'object' }): OnError;
export function logErrors(logger: TextLogger, options: LogErrorsOptions & { readonly format: 'text' }): OnError;
export function logErrors(
  logger: ObjectLogger | TextLogger,
  options: LogErrorsOptions & { readonly format?: 'object' | 'text' } = {},
): OnError {
  checkOptions(options, LOG_ERRORS_OPTION_RULES, 'logErrors()');
  if (logger === null || (typeof logger !== 'object' && typeof logger !== 'function')) {
    throw new TypeError(`faultline: logErrors() takes a logger (pino, Nest's Logger, console), not ${describeValue(logger)}`);
  }
  const clientLevel = options.clientErrors ?? 'warn';
  const format = options.format ?? 'object';
  // Checked here, at setup: a logger without the method must not fail on the first 404. Called by
  // name at each error, not kept: pino swaps its level methods when its level changes at runtime.
  const target = logger as unknown as Record<string, (...args: unknown[]) => unknown>;
  const server = methodName(logger, 'error', format);
  const client = clientLevel === false ? undefined : methodName(logger, clientLevel, format);
  if (format === 'object') {
    return (fault, thrown, request) => {
      const name = fault.status >= 500 ? server : client;
      if (name !== undefined) target[name]?.(errorLogFields(fault, thrown, request), logText(fault.message));
    };
  }
  return (fault, thrown, request) => {
    const line = errorLogLine(fault, request);
    if (fault.status < 500) {
      if (client !== undefined) target[client]?.(line);
      return;
    }
    const stack = stackText(describeThrown(thrown));
    // No `undefined` second argument: Nest's Logger would print it as a stack.
    if (stack === undefined) target[server]?.(line);
    else target[server]?.(line, stack);
  };
}

function methodName(logger: object, level: 'error' | 'warn' | 'info' | 'debug', format: 'object' | 'text'): string {
  // Nest's Logger and console call the info level `log`.
  const names = level === 'info' && format === 'text' ? ['info', 'log'] : [level];
  for (const name of names) {
    if (typeof (logger as Record<string, unknown>)[name] === 'function') return name;
  }
  throw new TypeError(`faultline: logErrors() needs a logger with ${names.map(withArticle).join(' or ')} method`);
}

/** The fields of one error's line; what `logErrors` hands a pino-style logger. */
export function errorLogFields(fault: Fault, thrown: unknown, request: RequestFacts): ErrorLogFields {
  const fields: { -readonly [K in keyof ErrorLogFields]: ErrorLogFields[K] } = {
    status: fault.status,
    code: logText(fault.code, 128),
    method: logText(request.method, 32),
    path: logText(request.path),
  };
  if (request.id !== undefined) fields.requestId = logText(request.id, 256);
  if (fault.status >= 500) fields.error = describeThrown(thrown);
  return fields;
}

/** `500 INTERNAL_SERVER_ERROR GET /pins/1 (request 42): db down`, escaped: one line, always. */
export function errorLogLine(fault: Fault, request: RequestFacts): string {
  const id = request.id === undefined ? '' : ` (request ${logText(request.id, 256)})`;
  return `${fault.status} ${logText(fault.code, 128)} ${logText(request.method, 32)} ${logText(request.path)}${id}: ${logText(fault.message)}`;
}

// "an error method", "a warn method".
function withArticle(name: string): string {
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}
