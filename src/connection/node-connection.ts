// What the Node-based adapters (Express, Koa, Fastify, Nest) read of Node's request object, over
// HTTP/1.1 (`IncomingMessage`) and HTTP/2 (`Http2ServerRequest`) alike. Duck-typed: no `node:` import.

/** What is read of a Node request. */
export interface NodeRequestLike {
  readonly httpVersion?: unknown;
  readonly httpVersionMajor?: unknown;
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
  // An HTTP/1 request has no `stream`, and looking for it walks Express's request prototypes on
  // every error: asked only of a request that is not HTTP/1 (HTTP/2's, or one that does not say).
  if (req.httpVersionMajor !== 1) {
    const stream = req.stream;
    if (stream !== undefined && stream !== null) return stream.destroyed === true || stream.closed === true;
  }
  const socket = req.socket;
  return socket === null || socket?.destroyed === true;
}

/** `'1.1'`, `'2.0'`, … as Node reports it, or undefined. */
export function nodeHttpVersion(req: NodeRequestLike): string | undefined {
  return typeof req.httpVersion === 'string' ? req.httpVersion : undefined;
}
