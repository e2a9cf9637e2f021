import type { FieldIssue } from '../fault/field-issue.js';
import { pointerTokens } from '../fault/json-pointer.js';
import type { Envelope } from './envelope.js';
import { JSON_CONTENT_TYPE } from './envelope.js';
import { withMembers } from './members.js';

// The envelope's own members, present or not: extras never take their names.
const RESERVED: ReadonlySet<string> = new Set(['message', 'code', 'errors', 'retry_after', 'global', 'stack', 'cause']);

/** The numeric code of a validation failure ("Invalid Form Body") when the error names none. */
export const INVALID_FORM_BODY_CODE = 50035;
/** The numeric code of an error that names none (the numeric-code reference's "general error"). */
export const GENERAL_ERROR_CODE = 0;

/**
 * `{"message":"Invalid authentication token","code":50014}` (a Discord-style reference). Field issues become the
 * reference's nested `errors` object: one key per pointer token (array indexes as keys) and an
 * `_errors` array at each failing field. A rate-limit refusal adds `retry_after` and `global`.
 */
export const numericCode: Envelope = {
  name: 'numeric-code',
  contentType: JSON_CONTENT_TYPE,
  body(fault) {
    const body: Record<string, unknown> = {
      message: fault.message,
      code: fault.numericCode ?? (fault.issues !== undefined ? INVALID_FORM_BODY_CODE : GENERAL_ERROR_CODE),
    };
    if (fault.issues !== undefined) body.errors = nestedErrors(fault.issues);
    if (fault.status === 429 && fault.retryAfter !== undefined) {
      body.retry_after = fault.retryAfter;
      body.global = false;
    }
    return withMembers(body, fault, RESERVED);
  },
};

type Node = { [key: string]: Node | { code: string; message: string }[] };

function nestedErrors(issues: readonly FieldIssue[]): Node {
  // Null-prototype nodes: a field called `__proto__` or `constructor` is just a key here.
  const root: Node = Object.create(null) as Node;
  for (const issue of issues) {
    let node = root;
    for (const token of pointerTokens(issue.pointer)) {
      let child = node[token];
      if (child === undefined || Array.isArray(child)) {
        child = Object.create(null) as Node;
        node[token] = child;
      }
      node = child;
    }
    const list = (node._errors as { code: string; message: string }[] | undefined) ?? [];
    list.push({ code: upperSnake(issue.keyword), message: issue.message });
    node._errors = list;
  }
  return root;
}

function upperSnake(keyword: string): string {
  return keyword.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}
