import type { Request } from 'express';

/**
 * The request id for logs. The id the server's own logs already use wins, so faultline's line
 * correlates with them: `req.id` from pino-http (a number by default) or another request-id
 * middleware. Otherwise the client's `X-Request-Id`.
 */
export function requestId(req: Request): string | undefined {
  const own: unknown = (req as { id?: unknown }).id;
  if (typeof own === 'string' && own !== '') return own;
  if (typeof own === 'number' && Number.isFinite(own)) return String(own);
  return req.get('x-request-id');
}
