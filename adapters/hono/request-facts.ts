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

/** What the core is told about the request an error answers. */
export function facts(c: Context): RequestFacts {
  const method = c.req.method;
  const path = pathOf(c.req.url);
  const id = requestId(c);
  const header = (name: string): string | undefined => c.req.header(name);
  return id === undefined ? { method, path, header } : { method, path, id, header };
}

/** The path as the client sent it (still percent-encoded, as Express shows it), without the query. */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const query = url.indexOf('?', start);
  return query === -1 ? url.slice(start) : url.slice(start, query);
}
