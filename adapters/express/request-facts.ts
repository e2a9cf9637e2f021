import type { Request } from 'express';
import { headerText, nodeHttpVersion, nodeRequestAborted, type RequestFacts } from '../../src/kit.js';

/**
 * The request id for logs. The id the server's own logs already use wins, so faultline's line
 * correlates with them: `req.id` from pino-http (a number by default) or another request-id
 * middleware. Otherwise the client's `X-Request-Id`.
 */
export function requestId(req: Request): string | undefined {
  const own: unknown = (req as { id?: unknown }).id;
  if (typeof own === 'string' && own !== '') return own;
  if (typeof own === 'number' && Number.isFinite(own)) return String(own);
  // Read from Node's headers, as `req.get` does for this name, without its lower-casing and lookup.
  const header = req.headers['x-request-id'];
  return typeof header === 'string' ? header : undefined;
}

/** What the core is told about the request an error answers. */
export function facts(req: Request): RequestFacts {
  // One literal, `id` included when undefined: every request's facts share one shape, with no copy.
  return {
    method: req.method,
    path: pathOf(req),
    id: requestId(req),
    header: (name) => headerText(req.headers[name]),
    aborted: () => nodeRequestAborted(req),
    httpVersion: nodeHttpVersion(req),
  };
}

export function pathOf(req: Request): string {
  const url = req.originalUrl || req.url;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
