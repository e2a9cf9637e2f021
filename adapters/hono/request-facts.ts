import type { Context } from 'hono';
import type { RequestFacts } from '../../src/kit.js';

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
  readonly incoming?: { readonly httpVersion?: unknown; readonly readableAborted?: unknown; readonly destroyed?: unknown };
}

/** What the core is told about the request an error answers. */
export function facts(c: Context): RequestFacts {
  const method = c.req.method;
  const path = pathOf(c.req.url);
  const id = requestId(c);
  const header = (name: string): string | undefined => c.req.header(name);
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  // The request's signal aborts when the client goes; on Node, the request stream says so first.
  const aborted = (): boolean => c.req.raw.signal.aborted || incoming?.readableAborted === true;
  const httpVersion = typeof incoming?.httpVersion === 'string' ? incoming.httpVersion : undefined;
  const known = { method, path, header, aborted, signal: c.req.raw.signal, httpVersion };
  return id === undefined ? known : { ...known, id };
}

/** The path as the client sent it (still percent-encoded, as Express shows it), without the query. */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const query = url.indexOf('?', start);
  return query === -1 ? url.slice(start) : url.slice(start, query);
}
