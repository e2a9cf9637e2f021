import type { H3Event } from 'h3';
import type { RequestFacts } from '../../src/kit.js';

/** What the core is told about the request an error answers; the request's signal aborts when the client goes. */
export function facts(event: H3Event): RequestFacts {
  const header = (name: string): string | undefined => event.req.headers.get(name) ?? undefined;
  const id = header('x-request-id');
  const { signal } = event.req;
  const base = { method: event.req.method, path: pathOf(event.req.url), header, aborted: () => signal.aborted, signal };
  return id === undefined ? base : { ...base, id };
}

/**
 * The path as the client sent it (still percent-encoded, as Express shows it), without the query:
 * from the request's URL, not `event.url`, whose path h3 has already canonicalised.
 */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const end = url.search(/[?#]/);
  return end === -1 || end < start ? url.slice(start) : url.slice(start, end);
}
