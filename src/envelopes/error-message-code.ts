import type { Envelope } from './envelope.js';
import { JSON_CONTENT_TYPE } from './envelope.js';
import { issueList, withMembers } from './members.js';

// The envelope's own members, present or not: extras never take their names.
const RESERVED: ReadonlySet<string> = new Set(['error', 'message', 'code', 'details', 'retryAfter', 'stack', 'cause']);

/**
 * `{"error":"Unauthorized","message":"Invalid or missing API key","code":"INVALID_API_KEY"}` (the
 * Pinarkive API). Field issues go in `details`; a rate-limit refusal adds the Pinarkive API's `retryAfter`.
 */
export const errorMessageCode: Envelope = {
  name: 'error-message-code',
  contentType: JSON_CONTENT_TYPE,
  body(fault) {
    const body: Record<string, unknown> = { error: fault.title, message: fault.message, code: fault.code };
    const details = issueList(fault);
    if (details !== undefined) body.details = details;
    if (fault.status === 429 && fault.retryAfter !== undefined) body.retryAfter = fault.retryAfter;
    return withMembers(body, fault, RESERVED);
  },
};
