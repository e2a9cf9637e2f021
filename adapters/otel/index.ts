// faultline/otel: errors on the request's OpenTelemetry span, and the span's trace id in bodies.
// Only @opentelemetry/api (an optional peer): whichever SDK and instrumentations the app registered
// (the official Node auto-instrumentation, @fastify/otel, @hono/otel) record what this writes.
import { context, createContextKey, SpanStatusCode, trace, type Exception, type Span } from '@opentelemetry/api';
import { describeThrown, isUnexpected, type OnError, type TraceIdSource } from '../../src/kit.js';

export type { OnError, TraceIdSource } from '../../src/kit.js';

/** `traceErrors` options. */
export interface TraceErrorsOptions {
  /**
   * Whether a 5xx adds an `exception` event. Default `true`. `false` where the framework's own
   * tracing already records the error it hands its error handler: @hono/otel records `c.error`.
   */
  readonly recordException?: boolean;
  /**
   * Whether the `exception` event carries the thrown value's stack, as `span.recordException(error)`
   * records it. Default `true`; `false` keeps type and message only.
   */
  readonly stack?: boolean;
}

// @opentelemetry/core's key for what the HTTP instrumentation shares with framework
// instrumentations (Express's, Nest's): the request's SERVER span, even while a child span (a
// middleware's, a handler's) is the active one. `createContextKey` is `Symbol.for(description)`, so
// the API alone reads it, whatever copy of @opentelemetry/core the instrumentation loaded.
const RPC_METADATA = createContextKey('OpenTelemetry SDK Context Key RPC_METADATA');

/** The span of the request being answered: the HTTP server span if known, else the active one. */
function requestSpan(): Span | undefined {
  const active = context.active();
  const rpc = active.getValue(RPC_METADATA) as { readonly span?: Span } | undefined;
  const span = rpc?.span ?? trace.getSpan(active);
  return span !== undefined && span.isRecording() ? span : undefined;
}

/**
 * An `onError` hook that writes each error on the request's span (HTTP server semantic
 * conventions): `error.type` (the fault's machine code) and `http.response.status_code` always;
 * for a 5xx (`isUnexpected`), status ERROR and an `exception` event made from the thrown value
 * (type, message, stack). A 4xx leaves the status unset: the client's mistake is not the server
 * span's error. Without an active span (no SDK registered, a request not traced) it does nothing.
 *
 * ```ts
 * errorHandler({ onError: [traceErrors(), logErrors(pino())] });
 * ```
 */
export function traceErrors(options: TraceErrorsOptions = {}): OnError {
  const recordException = options.recordException !== false;
  const keepStack = options.stack !== false;
  return function traceError(fault, thrown) {
    const span = requestSpan();
    if (span === undefined) return;
    span.setAttribute('error.type', fault.code);
    span.setAttribute('http.response.status_code', fault.status);
    if (!isUnexpected(fault)) return;
    if (recordException) span.recordException(exceptionOf(thrown, keepStack));
    // No description: the status code says why (semantic conventions, "Status").
    span.setStatus({ code: SpanStatusCode.ERROR });
  };
}

/**
 * What the exception event says of the thrown value, read safely (a thrown Proxy, a getter that
 * throws) and bounded: its type, message and, unless told otherwise, its stack.
 */
function exceptionOf(thrown: unknown, keepStack: boolean): Exception {
  const details = describeThrown(thrown);
  const exception: { name: string; message?: string; stack?: string } = { name: details.type };
  if (details.message !== undefined) exception.message = details.message;
  if (keepStack && details.stack !== undefined) exception.stack = details.stack;
  return exception as Exception;
}

/**
 * A `traceId` source reading the active span's trace id, so the id a client quotes is the trace
 * the backend shows: `errorHandler({ traceId: otelTraceId() })`. With no valid span context, the
 * request's `traceparent` and then its request id are used, as with `traceId: true`.
 */
export function otelTraceId(): TraceIdSource {
  return function activeTraceId() {
    // The core keeps only a well-formed trace id (32 lower-case hex digits, not all zero), which is
    // what the API's validity check of the trace id asks; the span id does not matter here.
    return trace.getSpanContext(context.active())?.traceId;
  };
}
