import type { RequestFacts } from '../request-facts.js';
import { traceIdOfTraceparent } from './traceparent.js';
import { isRequestId, isTraceId } from './well-formed-id.js';

/**
 * Where the id a client can quote comes from, tried first: the active OpenTelemetry span's trace id
 * (`otelTraceId()` from `faultline/otel`), a tracer of the app's own, a request-scoped store. What
 * it returns must be a well-formed id; anything else (undefined, junk) falls through to the
 * request's `traceparent`, then its request id.
 */
export type TraceIdSource = (request: RequestFacts) => string | undefined;

/** The `traceId` option resolved: how one request's id is found. */
export type TraceIdReader = (request: RequestFacts | undefined) => string | undefined;

/**
 * The id to put in an error body: the source's (if given and well-formed), else the W3C trace id
 * of the request's `traceparent`, else its request id (the framework's own or `X-Request-Id`) if
 * well-formed. Never throws: a source that throws counts as one that found nothing.
 */
export function traceIdReader(source: TraceIdSource | undefined): TraceIdReader {
  return (request) => {
    if (request === undefined) return undefined;
    if (source !== undefined) {
      let own: unknown;
      try {
        own = source(request);
      } catch {
        own = undefined;
      }
      if (isTraceId(own) || isRequestId(own)) return own;
    }
    const traced = traceIdOfTraceparent(request.header?.('traceparent'));
    if (traced !== undefined) return traced;
    return isRequestId(request.id) ? request.id : undefined;
  };
}
