import type { Envelope } from './envelope.js';
import { withMembers } from './members.js';

// The envelope's own members, present or not: extras never take their names.
const RESERVED: ReadonlySet<string> = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'violated-policies', 'stack', 'cause']);

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The IETF RateLimit draft's problem type for a refused request. */
export const QUOTA_EXCEEDED = {
  type: 'https://iana.org/assignments/http-problem-types#quota-exceeded',
  title: 'Request cannot be satisfied as assigned quota has been exceeded',
} as const;

/**
 * RFC 9457 problem details: `{"type":"about:blank","title":"Unauthorized","status":401,"detail":"…"}`
 * as `application/problem+json`. A code other than the status's default is the `code` extension
 * member; field issues are the `errors` array of RFC 9457 §3 (`detail`, `pointer`, and the
 * validator's `code` and `params` for clients that word issues themselves); a 429 is the
 * RateLimit draft's `quota-exceeded` problem with `violated-policies`. A code the app documents
 * (`typeBase`) is the `type` instead, with the status's title; `instance` when configured.
 */
export const problemDetails: Envelope = {
  name: 'problem-details',
  contentType: PROBLEM_CONTENT_TYPE,
  body(fault) {
    const quota = fault.status === 429;
    const quotaType = quota && fault.type === undefined;
    const body: Record<string, unknown> = {
      type: fault.type ?? (quota ? QUOTA_EXCEEDED.type : 'about:blank'),
      title: quotaType ? QUOTA_EXCEEDED.title : fault.title,
      status: fault.status,
      detail: fault.message,
    };
    if (fault.instance !== undefined) body.instance = fault.instance;
    if (!fault.defaultCode) body.code = fault.code;
    if (quota) body['violated-policies'] = [fault.rateLimit?.policy ?? 'default'];
    if (fault.issues !== undefined) {
      // `code` (the keyword) and `params` always: what a client needs to word the issue itself.
      body.errors = fault.issues.map((issue) =>
        issue.location === 'body'
          ? { detail: issue.message, pointer: pointerFragment(issue.pointer), code: issue.keyword, params: issue.params ?? {} }
          : { detail: issue.message, pointer: pointerFragment(issue.pointer), in: issue.location, code: issue.keyword, params: issue.params ?? {} },
      );
    }
    return withMembers(body, fault, RESERVED);
  },
};

// RFC 6901 §6: a pointer in a URI fragment percent-encodes (UTF-8) what RFC 3986's fragment rule
// does not allow; field names come from the client, so spaces, `%`, `#`, quotes and non-ASCII occur.
const NOT_IN_FRAGMENT = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/gu;

function pointerFragment(pointer: string): string {
  return `#${pointer.replace(NOT_IN_FRAGMENT, encodeChar)}`;
}

function encodeChar(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate (valid in JSON, not in UTF-8): U+FFFD
  }
}
