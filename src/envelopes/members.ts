import type { FieldIssue } from '../fault/field-issue.js';
import type { PublicFault } from './envelope.js';

/**
 * Adds the request's `traceId`, a fault's extra members and, in debug mode, its stack and cause, at
 * the top level of a body, after the envelope's own members and never over them. `reserved` names
 * the envelope's optional members (`details`, `errors`, `retry_after`, …): an extra by such a name
 * is dropped even when the member is absent, so a body always keeps the shape its envelope's schema
 * describes. The trace id comes before the extras: an error's own `traceId` member cannot replace it.
 */
export function withMembers<B extends Record<string, unknown>>(body: B, fault: PublicFault, reserved?: ReadonlySet<string>): B {
  if (fault.traceId !== undefined && !Object.hasOwn(body, 'traceId') && reserved?.has('traceId') !== true) {
    (body as Record<string, unknown>).traceId = fault.traceId;
  }
  const { extras } = fault;
  if (extras !== undefined) {
    for (const key of Object.keys(extras)) {
      // `__proto__` would set the body's prototype instead of adding a member.
      if (key === '__proto__' || Object.hasOwn(body, key) || reserved?.has(key)) continue;
      (body as Record<string, unknown>)[key] = extras[key];
    }
  }
  if (fault.stack !== undefined && !Object.hasOwn(body, 'stack')) (body as Record<string, unknown>).stack = fault.stack;
  if (fault.cause !== undefined && !Object.hasOwn(body, 'cause')) (body as Record<string, unknown>).cause = fault.cause;
  return body;
}

/**
 * Issues as the flat list the error-message-code and status-object styles carry. `code` (the
 * keyword) and `params` are always there, so a client can word each issue in its own language.
 */
export function issueList(fault: PublicFault): { field: string; in: string; code: string; message: string; params: NonNullable<FieldIssue['params']> }[] | undefined {
  return fault.issues?.map((issue) => ({
    field: issue.pointer,
    in: issue.location,
    code: issue.keyword,
    message: issue.message,
    params: issue.params ?? NO_PARAMS,
  }));
}

const NO_PARAMS: NonNullable<FieldIssue['params']> = /* @__PURE__ */ Object.freeze({});

/** A one-line summary of the issues, for styles that carry only text. */
export function issueSummary(fault: PublicFault): string {
  if (fault.issues === undefined || fault.issues.length === 0) return fault.message;
  const parts = fault.issues.map((issue) => `${issue.location}${issue.pointer || ''} ${issue.message}`);
  return `${fault.message}: ${parts.join('; ')}`;
}
