import { JSON_CONTENT_TYPE } from '../envelopes/envelope.js';
import type { ErrorResponse } from '../render/error-response.js';
import type { RequestFacts } from '../request-facts.js';
import { hasJsonAlternative, prefersJson } from './media-type.js';

/**
 * The response in the media type the client accepts: a `+json` body as `application/json` when
 * `Accept` prefers that (some clients and gateways refuse `application/problem+json`). The bytes
 * are the same; only `Content-Type` changes, and the rendered response already says `Vary: Accept`.
 * Applied after rendering, so the per-handler cached responses stay one per status.
 */
export function negotiated(response: ErrorResponse, request: RequestFacts | undefined): ErrorResponse {
  const accept = request?.header?.('accept');
  if (accept === undefined) return response;
  const contentType = response.headers['content-type'];
  if (contentType === undefined || !hasJsonAlternative(contentType) || !prefersJson(accept, contentType)) return response;
  return { status: response.status, headers: { ...response.headers, 'content-type': JSON_CONTENT_TYPE }, body: response.body };
}
