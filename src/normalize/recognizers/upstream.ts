import type { FaultInput } from '../fault-input.js';
import { read, readString } from '../read.js';

// undici's (and so Node's fetch's) timeout codes, and the system ones the other clients surface.
const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'ETIMEDOUT',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

// got's errors all carry the request's `options` and `timings`; these are their names.
const GOT_ERRORS: ReadonlySet<string> = new Set([
  'RequestError',
  'HTTPError',
  'TimeoutError',
  'ReadError',
  'UploadError',
  'MaxRedirectsError',
  'ParseError',
  'CacheError',
  'RetryError',
]);

/** What went wrong with a call to another service. */
type Failure = 'timeout' | 'failed';

/**
 * A call this API made to another service failed: the other service's refusal is not the API's
 * own. Recognised by each HTTP client's own marker, before the generic status reader would take the
 * other service's status for this API's: axios (`isAxiosError`), ofetch's and node-fetch's
 * `FetchError`, got's and ky's errors, Octokit's `RequestError`, undici's errors and Node's
 * `fetch failed`, and `AbortSignal.timeout()`'s `TimeoutError`. A timeout is a 504 Gateway
 * Timeout, anything else a 502 Bad Gateway, hidden as every 5xx is: the other service's URL,
 * headers, token, body, status and code never leave, and nothing of the thrown value is kept,
 * even for debug output (its stack and cause included: ofetch's message quotes the URL, with any
 * token in its query); `onError` still gets it whole, for the server's logs.
 */
export function fromUpstream(thrown: unknown): FaultInput | undefined {
  const failure = upstreamFailure(thrown);
  if (failure === undefined) return undefined;
  return failure === 'timeout'
    ? { status: 504, expose: false, message: 'A request to an upstream service timed out' }
    : { status: 502, expose: false, message: 'A request to an upstream service failed' };
}

function upstreamFailure(thrown: unknown): Failure | undefined {
  const name = readString(thrown, 'name');
  const code = readString(thrown, 'code');
  // axios: a timeout is ECONNABORTED/ETIMEDOUT; an AbortSignal.timeout() signal cancels it.
  if (read(thrown, 'isAxiosError') === true) {
    if (code !== undefined && TIMEOUT_CODES.has(code)) return 'timeout';
    return isTimeout(read(read(read(thrown, 'config'), 'signal'), 'reason')) ? 'timeout' : 'failed';
  }
  // ofetch (`FetchError`, its timeout a TimeoutError cause) and node-fetch (`type: 'request-timeout'`).
  if (name === 'FetchError') {
    return isTimeout(read(thrown, 'cause')) || read(thrown, 'type') === 'request-timeout' ? 'timeout' : 'failed';
  }
  // got: every error carries `options` and `timings`.
  if (name !== undefined && GOT_ERRORS.has(name) && isObject(read(thrown, 'options')) && isObject(read(thrown, 'timings'))) {
    return name === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code)) ? 'timeout' : 'failed';
  }
  // ky: HTTPError and TimeoutError carry the `request` (a fetch Request).
  if ((name === 'HTTPError' || name === 'TimeoutError') && isObject(read(thrown, 'request'))) {
    return name === 'TimeoutError' ? 'timeout' : 'failed';
  }
  // Octokit's RequestError: named HttpError, with the request it made.
  if (name === 'HttpError' && typeof read(read(thrown, 'request'), 'url') === 'string') return 'failed';
  // undici's own errors (`request()`, `stream()`, the pool): codes UND_ERR_*.
  if (code !== undefined && code.startsWith('UND_ERR_')) return TIMEOUT_CODES.has(code) ? 'timeout' : 'failed';
  // Node's fetch: `TypeError: fetch failed`, undici's reason as the cause.
  if (name === 'TypeError' && readString(thrown, 'message') === 'fetch failed') {
    const cause = read(thrown, 'cause');
    const causeCode = readString(cause, 'code');
    return (causeCode !== undefined && TIMEOUT_CODES.has(causeCode)) || isTimeout(cause) ? 'timeout' : 'failed';
  }
  // `fetch(url, { signal: AbortSignal.timeout(ms) })` rejects with the signal's DOMException.
  if (isTimeout(thrown)) return 'timeout';
  return undefined;
}

// The DOMException of AbortSignal.timeout(): named TimeoutError, legacy code 23 (TIMEOUT_ERR).
function isTimeout(value: unknown): boolean {
  return readString(value, 'name') === 'TimeoutError' && read(value, 'code') === 23;
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}
