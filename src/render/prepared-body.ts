import type { ErrorResponse } from './error-response.js';

// The bytes of each response a handler renders once and hands out again (a status's default).
const PREPARED = new WeakMap<ErrorResponse, Uint8Array<ArrayBuffer>>();
const encoder = /* @__PURE__ */ new TextEncoder();

/** Encodes the body of a response that will be handed out again, once, when it is cached. */
export function prepareBody(response: ErrorResponse): void {
  if (response.body !== null) PREPARED.set(response, encoder.encode(response.body));
}

/**
 * The body of a response a handler renders once and hands out again (a status's default response)
 * as UTF-8 bytes, encoded when it was cached: for a framework that must be given bytes (Fastify
 * adds a charset to a string's content type), and for the `Content-Length` where the server does
 * not count it (HTTP/2), without encoding the same string on every request. Over Node's HTTP/1.1
 * server a string `body` is the cheaper one to send: Node writes it with the head in one write,
 * bytes as a second chunk. Undefined for every other response: use its `body`. The bytes are
 * shared; never modify them.
 */
export function preparedBody(response: ErrorResponse): Uint8Array<ArrayBuffer> | undefined {
  return PREPARED.get(response);
}
