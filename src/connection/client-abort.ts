import type { Fault } from '../fault/fault.js';
import { read, readString } from '../normalize/read.js';
import type { RequestFacts } from '../request-facts.js';

// What a request's stream fails with when its client goes: Node's socket errors, stream and HTTP/2
// cancellations, and the fetch API's AbortError (a request's `signal`, or a fetch that used it).
const ABORT_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_HTTP2_STREAM_CANCEL',
  'ABORT_ERR',
]);

/** What onError is told of a request its client abandoned: nginx's 499, never sent. */
export const CLIENT_CLOSED_REQUEST: Fault = Object.freeze({
  status: 499,
  code: 'CLIENT_CLOSED_REQUEST',
  message: 'Client Closed Request',
  expose: true,
});

/**
 * True when the thrown value is the request's own client going away, not a fault of the server:
 * body-parser's `request.aborted` (raw-body says so itself), the request's own abort signal's
 * reason (a `fetch(url, { signal: c.req.raw.signal })` rejects with it), or an abort-shaped error
 * (`ECONNRESET`, `ECONNABORTED`, an `AbortError`) while the adapter sees the connection closed. The
 * same codes from an outgoing call (an upstream reset) with the client still there are not a 499.
 */
export function isClientAbort(thrown: unknown, request: RequestFacts | undefined): boolean {
  if (readString(thrown, 'type') === 'request.aborted') return true;
  const signal = request?.signal;
  if (signal?.aborted === true && thrown === signal.reason) return true;
  if (request?.aborted === undefined || !isAbortShaped(thrown)) return false;
  try {
    return request.aborted() === true;
  } catch {
    return false;
  }
}

function isAbortShaped(thrown: unknown): boolean {
  const code = read(thrown, 'code');
  if (typeof code === 'string' && ABORT_CODES.has(code)) return true;
  return readString(thrown, 'name') === 'AbortError';
}
