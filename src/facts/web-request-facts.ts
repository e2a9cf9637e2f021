import type { RequestFacts } from '../request-facts.js';
import { urlPath } from './url-path.js';

/**
 * The facts of a web-standard `Request` (a fetch handler, h3, Elysia, Hono off Node): its signal
 * aborts when the client goes, on Node's, Bun's and Deno's servers alike, so an upload the client
 * abandoned is a 499 for `onError`, not a server fault. `id` defaults to the `X-Request-Id` field;
 * a framework with an id of its own passes it.
 */
export function webRequestFacts(request: Request, id: string | undefined = request.headers.get('x-request-id') ?? undefined): RequestFacts {
  const { headers, signal } = request;
  return {
    method: request.method,
    path: urlPath(request.url),
    id,
    header: (name) => headers.get(name) ?? undefined,
    aborted: () => signal.aborted,
    signal,
  };
}
