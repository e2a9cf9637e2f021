// What the Node-based adapters (Express, Koa, Fastify, Nest) read of Node's request object, over
// HTTP/1.1 (`IncomingMessage`) and HTTP/2 (`Http2ServerRequest`) alike. Duck-typed: no `node:` import.

/** What is read of a Node request. */
export interface NodeRequestLike {
  readonly httpVersion?: unknown;
  readonly readableAborted?: unknown;
  readonly socket?: { readonly destroyed?: unknown } | null;
  /** HTTP/2 only: the request's stream; its session's socket outlives it. */
  readonly stream?: { readonly destroyed?: unknown; readonly closed?: unknown };
}

/**
 * True once the client has gone: it closed the connection (or, over HTTP/2, cancelled the stream)
 * before the response was sent, or before its body was read to the end.
 */
export function nodeRequestAborted(req: NodeRequestLike): boolean {
  if (req.readableAborted === true) return true;
  const stream = req.stream;
  if (stream !== undefined && stream !== null) return stream.destroyed === true || stream.closed === true;
  return req.socket === null || req.socket?.destroyed === true;
}

/** `'1.1'`, `'2.0'`, … as Node reports it, or undefined. */
export function nodeHttpVersion(req: NodeRequestLike): string | undefined {
  return typeof req.httpVersion === 'string' ? req.httpVersion : undefined;
}
