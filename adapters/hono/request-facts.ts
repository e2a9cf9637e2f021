import type { Context } from 'hono';
import { nodeHttpVersion, nodeRequestAborted, urlPath, webRequestFacts, type NodeRequestLike, type RequestFacts } from '../../src/kit.js';

/**
 * The request id for logs. Hono's `requestId()` middleware wins: it already adopts a valid
 * `X-Request-Id` and replaces an invalid one, and it is the id the app's own logs use. Otherwise
 * the client's `X-Request-Id`.
 */
export function requestId(c: Context): string | undefined {
  const own: unknown = c.get('requestId');
  return typeof own === 'string' && own !== '' ? own : c.req.header('x-request-id');
}

/** What `@hono/node-server` passes as `c.env`: Node's request and response (none on other runtimes). */
interface NodeBindings {
  readonly incoming?: NodeRequestLike;
}

/** What the core is told about the request an error answers. */
export function facts(c: Context): RequestFacts {
  const id = requestId(c);
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  // Bun, Deno, Workers: the request's signal aborts when the client goes.
  if (incoming === undefined) return webRequestFacts(c.req.raw, id);
  // On Node, the request stream says so, and reading it costs nothing, whereas @hono/node-server
  // makes the request's AbortController on the first read of its signal. The core asks `aborted()`
  // before it reads `signal` (isClientAbort), so the signal is read, and given, only once the client
  // has gone: then it has aborted, and what was thrown may be its reason. (Not a getter: an accessor
  // with its own closure gives every request's facts a hidden class of their own, which cost Hono a
  // third of its error throughput in old-space garbage.)
  const known: { -readonly [K in keyof RequestFacts]: RequestFacts[K] } = {
    method: c.req.method,
    path: urlPath(c.req.url),
    id,
    header: (name) => c.req.header(name),
    aborted: (): boolean => {
      if (!nodeRequestAborted(incoming)) return false;
      known.signal = c.req.raw.signal;
      return true;
    },
    signal: undefined,
    httpVersion: nodeHttpVersion(incoming),
  };
  return known;
}
