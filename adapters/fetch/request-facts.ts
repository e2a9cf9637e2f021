import type { RequestFacts } from '../../src/kit.js';

/**
 * What the core is told about the request an error answers: method, path, request id, headers,
 * and whether the client has gone (the request's signal aborts when it does, on Node's and Bun's
 * servers alike): an upload it abandoned is a 499 for `onError`, not a server fault.
 */
export function facts(request: Request): RequestFacts {
  const header = (name: string): string | undefined => request.headers.get(name) ?? undefined;
  const id = header('x-request-id');
  const { signal } = request;
  const base = { method: request.method, path: pathOf(request.url), header, aborted: () => signal.aborted, signal };
  return id === undefined ? base : { ...base, id };
}

/** The path as the client sent it (still percent-encoded, as Express shows it), without the query. */
export function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const end = url.search(/[?#]/);
  return end === -1 || end < start ? url.slice(start) : url.slice(start, end);
}
