import type { Envelope } from './envelope.js';
import { JSON_CONTENT_TYPE } from './envelope.js';
import { issueList, withMembers } from './members.js';

// The envelope's own members, present or not: extras never take their names.
const RESERVED: ReadonlySet<string> = new Set(['status', 'errors', 'stack', 'cause']);

/**
 * `{"status":{"code":401,"text":"Unauthorized","message":"Invalid token."}}`. The
 * status object keeps exactly its three documented members; field issues go in a top-level `errors`.
 */
export const statusObject: Envelope = {
  name: 'status-object',
  contentType: JSON_CONTENT_TYPE,
  body(fault) {
    const body: Record<string, unknown> = { status: { code: fault.status, text: fault.title, message: fault.message } };
    const errors = issueList(fault);
    if (errors !== undefined) body.errors = errors;
    return withMembers(body, fault, RESERVED);
  },
};
