import type { Envelope } from './envelope.js';
import { JSON_CONTENT_TYPE } from './envelope.js';
import { issueSummary, withMembers } from './members.js';

// The envelope's own members, present or not: extras never take their names.
const RESERVED: ReadonlySet<string> = new Set(['error', 'retry_after', 'stack', 'cause']);

/**
 * `{"error":{"reason":"UNAUTHORIZED","details":"Access token is missing or invalid"}}`: the IPFS
 * Pinning Service API `Failure` object. `details` stays a string, so field issues are
 * summarised into it; a rate-limit refusal adds the pinning service's `retry_after`.
 */
export const reasonDetails: Envelope = {
  name: 'reason-details',
  contentType: JSON_CONTENT_TYPE,
  body(fault) {
    const body: Record<string, unknown> = { error: { reason: fault.code, details: issueSummary(fault) } };
    if (fault.status === 429 && fault.retryAfter !== undefined) body.retry_after = fault.retryAfter;
    return withMembers(body, fault, RESERVED);
  },
};
