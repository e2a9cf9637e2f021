import type { Envelope, PublicFault } from './envelope.js';
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
const HAS_NOT_IN_FRAGMENT = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/u;

function pointerFragment(pointer: string): string {
  // Most pointers (`/pins/0/cid`) need no encoding: a test is cheaper than a replace.
  return HAS_NOT_IN_FRAGMENT.test(pointer) ? `#${pointer.replace(NOT_IN_FRAGMENT, encodeChar)}` : `#${pointer}`;
}

function encodeChar(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate (valid in JSON, not in UTF-8): U+FFFD
  }
}

// A string of printable ASCII without quotes or backslashes is its own JSON, quoted: twice as fast
// as JSON.stringify. Anything else (control characters, lone surrogates, any non-ASCII) goes
// through JSON.stringify.
const NEEDS_ESCAPE = /["\\]|[^\x20-\x7e]/;
const quote = (text: string): string => (NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);
const QUOTA_TYPE = /* @__PURE__ */ (() => quote(QUOTA_EXCEEDED.type))();
const QUOTA_TITLE = /* @__PURE__ */ (() => quote(QUOTA_EXCEEDED.title))();

/**
 * `JSON.stringify(problemDetails.body(fault))`, written directly: the members are known, so only
 * the strings need JSON's escaping, which makes it a good deal faster than building the object and
 * walking it (the validation and 429 responses are serialised per error). Undefined for a fault
 * with members of its own (extras; stack and cause in debug mode): those take the general way.
 * Must stay byte for byte the body's JSON (test/unit/serializers.test.ts checks it on random faults).
 */
export function problemDetailsJson(fault: PublicFault): string | undefined {
  if (fault.extras !== undefined || fault.stack !== undefined || fault.cause !== undefined) return undefined;
  const quota = fault.status === 429;
  let json =
    fault.type !== undefined
      ? `{"type":${quote(fault.type)},"title":${quote(fault.title)},"status":${fault.status},"detail":${quote(fault.message)}`
      : quota
        ? `{"type":${QUOTA_TYPE},"title":${QUOTA_TITLE},"status":429,"detail":${quote(fault.message)}`
        : `{"type":"about:blank","title":${quote(fault.title)},"status":${fault.status},"detail":${quote(fault.message)}`;
  if (fault.instance !== undefined) json += `,"instance":${quote(fault.instance)}`;
  if (!fault.defaultCode) json += `,"code":${quote(fault.code)}`;
  if (quota) json += `,"violated-policies":[${quote(fault.rateLimit?.policy ?? 'default')}]`;
  const { issues } = fault;
  if (issues !== undefined) {
    json += ',"errors":[';
    for (let i = 0; i < issues.length; i++) {
      const issue = issues[i] as (typeof issues)[number];
      json += `${i === 0 ? '' : ','}{"detail":${quote(issue.message)},"pointer":${quote(pointerFragment(issue.pointer))}`;
      if (issue.location !== 'body') json += `,"in":${quote(issue.location)}`;
      json += `,"code":${quote(issue.keyword)},"params":${issue.params === undefined ? '{}' : JSON.stringify(issue.params)}}`;
    }
    json += ']';
  }
  // Where withMembers puts it: after the envelope's own members (extras, which come after it, take the general way).
  if (fault.traceId !== undefined) json += `,"traceId":${quote(fault.traceId)}`;
  return `${json}}`;
}
