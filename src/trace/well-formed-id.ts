// Ids that reach a response body come from the request (a `traceparent` or `X-Request-Id` header)
// or from the app. Only ids of a known, harmless shape leave: never a value the client could use to
// put markup, quotes or a second JSON member into a body.

/** A W3C trace id: 32 lower-case hex digits, not all zero (W3C Trace Context §3.2.2.3). */
const TRACE_ID = /^[0-9a-f]{32}$/;
const ZERO_TRACE_ID = /* @__PURE__ */ '0'.repeat(32);

/**
 * A request id as servers and proxies generate them: UUIDs, ULIDs, numbers, `req-1`, base64 and
 * hex strings. Letters, digits and `. _ : + / = -`, starting with a letter or digit, at most 128
 * characters. Every such character is left as it is by `JSON.stringify`.
 */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}$/;

export function isTraceId(value: unknown): value is string {
  return typeof value === 'string' && TRACE_ID.test(value) && value !== ZERO_TRACE_ID;
}

export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}
