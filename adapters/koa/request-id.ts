import type { Context } from 'koa';

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
