// Nothing is lost: a fault nobody meant to answer (a 5xx, anything faultline did not recognise) is
// logged with its stack by default, the way the framework itself would have logged it, since
// faultline took that job from the framework's own error handler. Expected 4xx stay quiet; an app
// `onError` replaces the default; `logUnexpected: false` silences it.
import type { Fault } from '../fault/fault.js';
import { isUnexpected } from '../fault/unexpected.js';
import type { RequestFacts } from '../request-facts.js';
import { describeThrown } from './thrown-details.js';
import { thrownText } from './thrown-text.js';

/**
 * How a framework logs a crash, as an adapter hands it to `createFaultline(options, logger)`.
 * It gets the thrown value itself (the fault keeps a stack only in debug mode), the fault, the
 * request's facts, and `context`: whatever the adapter passes to `handle` for it (Fastify's reply,
 * for `reply.log`; Koa's `ctx`, for its `'error'` event). `logToConsole` is the default of
 * frameworks that print to the console.
 */
export type DefaultLogger<Context = void> = (thrown: unknown, fault: Fault, request: RequestFacts, context: Context) => void;

/** `console.error` with the thrown value's stack and cause chain: Express's and Hono's own way. */
export function logToConsole(thrown: unknown): void {
  // oxlint-disable-next-line no-console -- the console is where these frameworks log a crash
  console.error(thrownText(thrown) ?? describeThrown(thrown).type);
}

/**
 * Runs `logger` for an unexpected fault. A logger that chokes on a hostile value (a Proxy whose
 * every trap throws, given to pino's serializer) is given a plain `Error` standing in for it,
 * carrying the message and stack read safely: the crash is still reported. Never throws.
 */
export function logIfUnexpected<Context>(
  logger: DefaultLogger<Context> | undefined,
  fault: Fault,
  thrown: unknown,
  request: RequestFacts,
  context: Context,
): void {
  if (logger === undefined || !isUnexpected(fault)) return;
  try {
    logger(thrown, fault, request, context);
  } catch {
    try {
      logger(standIn(thrown), fault, request, context);
    } catch {
      // A logger that fails twice must not turn the response into a crash.
    }
  }
}

function standIn(thrown: unknown): Error {
  const details = describeThrown(thrown);
  const error = new Error(details.message ?? `a thrown ${details.type}`);
  error.name = details.type;
  error.stack = thrownText(thrown) ?? `${details.type}: ${error.message}`;
  return error;
}
