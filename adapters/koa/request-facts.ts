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
  const id = requestId(ctx);
  const header = (name: string): string | undefined => headerText(ctx.req.headers[name]);
  const aborted = (): boolean => nodeRequestAborted(ctx.req);
  const known = { method: ctx.method, path: pathOf(ctx), header, aborted, httpVersion: nodeHttpVersion(ctx.req) };
  return id === undefined ? known : { ...known, id };
}

// The path as the client sent it, before any mounting rewrote `ctx.path`.
export function pathOf(ctx: Context): string {
  const url = ctx.originalUrl || ctx.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
