import type { PublicFault } from '../envelopes/envelope.js';
import type { Fault } from '../fault/fault.js';
import { defaultCode, statusPhrase } from '../status/lookup.js';

const NO_CODES: ReadonlyMap<number, string> = new Map();

/**
 * What of a fault may leave. An unexposed fault (every 5xx unless said otherwise) leaves with its
 * status's code and a generic message, and without its own numeric code, issues, members or
 * headers: never the thrown value's text. `debug` shows everything, stack and cause included.
 */
export function publicFault(
  fault: Fault,
  messages: ReadonlyMap<number, string>,
  debug: boolean,
  codes: ReadonlyMap<number, string> = NO_CODES,
): PublicFault {
  const title = statusPhrase(fault.status);
  const builtInCode = defaultCode(fault.status);
  const statusCode = codes.get(fault.status) ?? builtInCode;
  const visible = fault.expose || debug;
  // A message equal to the reason phrase is the default one: a configured default replaces it.
  const message = visible && fault.message !== title ? fault.message : (messages.get(fault.status) ?? title);
  // Likewise the built-in code: a configured default code (a preset's `RATE_LIMITED`) replaces it.
  const code = visible && fault.code !== builtInCode ? fault.code : statusCode;
  const out: { -readonly [K in keyof PublicFault]: PublicFault[K] } = {
    status: fault.status,
    title,
    code,
    defaultCode: code === statusCode,
    message,
  };
  if (fault.retryAfter !== undefined) out.retryAfter = fault.retryAfter;
  if (fault.rateLimit !== undefined) out.rateLimit = fault.rateLimit;
  if (visible) {
    if (fault.numericCode !== undefined) out.numericCode = fault.numericCode;
    if (fault.issues !== undefined) out.issues = fault.issues;
    if (fault.extras !== undefined) out.extras = fault.extras;
  }
  if (debug) {
    if (fault.stack !== undefined) out.stack = fault.stack;
    if (fault.cause !== undefined) out.cause = fault.cause;
  }
  return out;
}
