import type { Context } from 'koa';
import { headerText, nodeHttpVersion, nodeRequestAborted, type RequestFacts } from '../../src/kit.js';

/**
 * The request id for logs. The id the server's own logs already use wins: `ctx.req.id` from
 * pino-http (koa-pino-logger), a number by default. Otherwise the client's `X-Request-Id`.
 */
export function requestId(ctx: Context): string | undefined {
  const own: unknown = (ctx.req as { id?: unknown }).id;
  if (typeof own === 'string' && own !== '') return own;
  if (typeof own === 'number' && Number.isFinite(own)) return String(own);
  const header = ctx.get('x-request-id');
  return header === '' ? undefined : header;
}

/** What the core is told about the request an error answers. */
export function facts(ctx: Context): RequestFacts {
  // One literal, `id` included when undefined: every request's facts share one shape, with no copy.
  return {
    method: ctx.method,
    path: pathOf(ctx),
    id: requestId(ctx),
    header: (name) => headerText(ctx.req.headers[name]),
    aborted: () => nodeRequestAborted(ctx.req),
    httpVersion: nodeHttpVersion(ctx.req),
  };
}

// The path as the client sent it, before any mounting rewrote `ctx.path`.
export function pathOf(ctx: Context): string {
  const url = ctx.originalUrl || ctx.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
