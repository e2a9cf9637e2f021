// Reading the request and writing the response on Nest's two HTTP platforms. Nest hands a filter
// the platform's own objects: Express's `req`/`res` (Node's, extended) on platform-express, Fastify's
// `request`/`reply` on platform-fastify. Nest's own `httpAdapter.reply()` goes through `res.send()`,
// which adds an ETag to an error body on Express; writing as the Express and Fastify adapters do
// keeps the bytes and headers identical to theirs.
import {
  headerText,
  isStaleHeader,
  nodeHttpVersion,
  nodeRequestAborted,
  preparedBody,
  withExistingVary,
  type ErrorResponse,
  type NodeRequestLike,
  type RequestFacts,
} from '../../src/kit.js';
import { writeNodeResponse, type NodeResponseLike } from '../shared/node-response.js';

/** What faultline uses of a Node response (Express's `res` is one). */
interface NodeResponse extends NodeResponseLike {
  readonly headersSent: boolean;
  destroy(): unknown;
}

/** What faultline uses of a Fastify reply. */
interface FastifyReplyLike {
  readonly raw: NodeResponse;
  readonly sent: boolean;
  code(status: number): unknown;
  headers(values: Readonly<Record<string, string>>): unknown;
  getHeader(name: string): unknown;
  getHeaders(): Readonly<Record<string, unknown>>;
  removeHeader(name: string): unknown;
  send(payload?: Uint8Array): unknown;
  hijack?(): unknown;
}

/** What faultline reads of the request on either platform. */
interface RequestLike {
  readonly method?: unknown;
  readonly originalUrl?: unknown;
  readonly url?: unknown;
  readonly id?: unknown;
  readonly headers?: Readonly<Record<string, unknown>>;
  /** Fastify's request: Node's request underneath. */
  readonly raw?: NodeRequestLike;
}

function isFastifyReply(res: unknown): res is FastifyReplyLike {
  return typeof res === 'object' && res !== null && 'raw' in res && typeof (res as { send?: unknown }).send === 'function';
}

export function requestFacts(req: unknown): RequestFacts {
  const request = (req ?? {}) as RequestLike;
  const method = typeof request.method === 'string' ? request.method : 'GET';
  const url = typeof request.originalUrl === 'string' ? request.originalUrl : typeof request.url === 'string' ? request.url : '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const header = request.headers?.['x-request-id'];
  // The id the server's own logs use wins: Fastify's `request.id`, pino-http's `req.id` (nestjs-pino,
  // a number by default). Otherwise the client's X-Request-Id.
  const own = request.id;
  const id =
    typeof own === 'string' && own !== ''
      ? own
      : typeof own === 'number' && Number.isFinite(own)
        ? String(own)
        : typeof header === 'string'
          ? header
          : undefined;
  const headers = request.headers;
  // Express's `req` is Node's request; Fastify's `request` has it as `raw`.
  const node: NodeRequestLike = request.raw ?? (request as NodeRequestLike);
  // One literal, `id` included when undefined: every request's facts share one shape, with no copy.
  return {
    method,
    path,
    id,
    header: (name) => headerText(headers?.[name]),
    aborted: () => nodeRequestAborted(node),
    httpVersion: nodeHttpVersion(node),
  };
}

export function headersSent(res: unknown): boolean {
  if (isFastifyReply(res)) return res.sent || res.raw.headersSent;
  return (res as NodeResponse).headersSent;
}

/**
 * Nothing can be corrected once the status line is out, and nothing can reach a client that has
 * gone: end the connection, never send twice. Fastify is told the reply is taken over.
 */
export function abort(res: unknown): void {
  if (isFastifyReply(res)) {
    res.hijack?.();
    res.raw.destroy();
    return;
  }
  (res as NodeResponse).destroy();
}

/** Sets header fields on a response that is still to be sent (the RateLimit fields of an admitted request). */
export function setHeaders(res: unknown, headers: Readonly<Record<string, string>>): void {
  if (isFastifyReply(res)) {
    res.headers(headers);
    return;
  }
  for (const name in headers) (res as NodeResponse).setHeader(name, headers[name] as string);
}

/** Writes the error on either platform; `httpVersion` is the request's (Node decides Content-Length by it). */
export function write(res: unknown, response: ErrorResponse, httpVersion: string | undefined): void {
  if (isFastifyReply(res)) {
    // One read of what is set (usually nothing) instead of a removeHeader per stale name: nine
    // deletes cost Nest on Fastify a tenth of its error throughput.
    const current = res.getHeaders();
    for (const name in current) if (isStaleHeader(name)) res.removeHeader(name);
    res.code(response.status);
    res.headers(withExistingVary(response.headers, current['vary']));
    // Bytes, because Fastify appends `; charset=utf-8` to the content type of a string payload.
    res.send(response.body === null ? undefined : (preparedBody(response) ?? Buffer.from(response.body)));
    return;
  }
  writeNodeResponse(res as NodeResponse, response, httpVersion);
}
