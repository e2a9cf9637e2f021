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
export const CLIENT_CLOSED_REQUEST: Fault = /* @__PURE__ */ Object.freeze({
  status: 499,
  code: 'CLIENT_CLOSED_REQUEST',
  message: 'Client Closed Request',
  expose: true,
});

/**
 * True when what was thrown is the request's client going away, not a fault of the server:
 * body-parser's `request.aborted` (raw-body says so itself), the request's own abort signal's
 * reason (a `fetch(url, { signal: c.req.raw.signal })` rejects with it), or, while the adapter sees
 * the client gone, an abort-shaped error (`ECONNRESET`, `ECONNABORTED`, an `AbortError`) or a 4xx
 * (Fastify reads a cancelled HTTP/2 upload as a body shorter than its `Content-Length`). A 5xx is
 * a bug whoever left, and stays one; the same codes from an outgoing call (an upstream reset) with
 * the client still there are not a 499.
 */
export function isClientAbort(thrown: unknown, request: RequestFacts | undefined, status: number): boolean {
  if (readString(thrown, 'type') === 'request.aborted') return true;
  if (request === undefined) return false;
  // An adapter that cannot tell whether its client is there: only the signal's own reason says so.
  if (request.aborted === undefined) return isSignalReason(thrown, request);
  // Asked first, and the signal read only once the client has gone: some adapters make the signal
  // on its first read (Hono on Node), a cost no request that its client still waits for should pay.
  if (!clientGone(request)) return false;
  return isSignalReason(thrown, request) || status < 500 || isAbortShaped(thrown);
}

function clientGone(request: RequestFacts): boolean {
  try {
    return request.aborted?.() === true;
  } catch {
    return false;
  }
}

function isSignalReason(thrown: unknown, request: RequestFacts): boolean {
  const signal = request.signal;
  return signal?.aborted === true && thrown === signal.reason;
}

function isAbortShaped(thrown: unknown): boolean {
  const code = read(thrown, 'code');
  if (typeof code === 'string' && ABORT_CODES.has(code)) return true;
  return readString(thrown, 'name') === 'AbortError';
}
