import type { FastifyRequest } from 'fastify';
import { headerText, nodeHttpVersion, nodeRequestAborted, type RequestFacts } from '../../src/kit.js';

/** What the core is told about the request an error answers. */
export function facts(request: FastifyRequest): RequestFacts {
  const header = (name: string): string | undefined => headerText(request.headers[name]);
  const aborted = (): boolean => nodeRequestAborted(request.raw);
  return { method: request.method, path: pathOf(request), id: request.id, header, aborted, httpVersion: nodeHttpVersion(request.raw) };
}

export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}
