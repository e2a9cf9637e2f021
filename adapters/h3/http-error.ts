// h3's `HTTPError`, read as the core reads any thrown value (every field untrusted): h3 keeps its
// headers in a `Headers`, words its body-reading failures its own way, and wraps whatever it did
// not make itself.
import type { HTTPError } from 'h3';
import { BODY_MESSAGES, type FaultInput, type Recognizer } from '../../src/kit.js';

/**
 * What the app threw. h3 hands `onError` an `HTTPError` even for a value it did not make: an
 * `Error` becomes its `cause`, anything else (`throw null`, a rejected `RateLimiterRes`) too,
 * flagged `unhandled`.
 */
export function thrownOf(error: HTTPError): unknown {
  return read(error, 'unhandled') === true ? read(error, 'cause') : error;
}

/** h3's own `HTTPError`s (`HTTPError.status(404)`, `new HTTPError({ status, headers })`, body-reading failures). */
export const fromH3Error: Recognizer = (thrown) => {
  const status = read(thrown, 'status');
  if (read(thrown, 'name') !== 'HTTPError' || typeof status !== 'number' || read(thrown, 'response') !== undefined) return undefined;
  const message = read(thrown, 'message');
  const input: FaultInput = {
    status,
    message: message === h3Default(status, read(thrown, 'statusText')) ? undefined : message,
    headers: headersOf(read(thrown, 'headers')),
    stack: read(thrown, 'stack'),
    cause: read(thrown, 'cause'),
  };
  // readBody() and bodyLimit() fail in h3's words; every faultline adapter uses the same ones.
  if (status === 400 && message === 'Invalid JSON body') return { ...input, message: BODY_MESSAGES.malformed };
  if (status === 413 && typeof message === 'string' && message.startsWith('Request body size exceeds the limit')) {
    return { ...input, message: BODY_MESSAGES.tooLarge };
  }
  return input;
};

// The message h3 makes up when it is given none: "HTTPError 404", "HTTPError 404 Not Found".
function h3Default(status: number, statusText: unknown): string {
  return ['HTTPError', status, typeof statusText === 'string' ? statusText : ''].filter(Boolean).join(' ');
}

function headersOf(headers: unknown): Record<string, string> | undefined {
  const forEach = read(headers, 'forEach');
  if (typeof forEach !== 'function') return undefined;
  const out: Record<string, string> = {};
  try {
    (forEach as (cb: (value: unknown, name: unknown) => void) => void).call(headers, (value, name) => {
      if (typeof value === 'string' && typeof name === 'string') out[name] = value;
    });
  } catch {
    return undefined;
  }
  return out;
}

function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
