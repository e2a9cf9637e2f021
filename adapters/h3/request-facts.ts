import type { H3Event } from 'h3';
import { webRequestFacts, type RequestFacts } from '../../src/kit.js';

/**
 * What the core is told about the request an error answers: the web request's own facts, its path
 * from the request's URL as the client sent it, not `event.url`, whose path h3 has already
 * canonicalised.
 */
export function facts(event: H3Event): RequestFacts {
  return webRequestFacts(event.req);
}
