import type { Context } from 'hono';

/**
 * The request id for logs. Hono's `requestId()` middleware wins: it already adopts a valid
 * `X-Request-Id` and replaces an invalid one, and it is the id the app's own logs use. Otherwise
 * the client's `X-Request-Id`.
 */
export function requestId(c: Context): string | undefined {
  const own: unknown = c.get('requestId');
  return typeof own === 'string' && own !== '' ? own : c.req.header('x-request-id');
}
