import type { IssueParam } from '../fault/field-issue.js';
import type { PublicFault } from './envelope.js';

/**
 * Adds a fault's extra members and, in debug mode, its stack and cause, at the top level of a body,
 * after the envelope's own members and never over them. `reserved` names the envelope's optional
 * members (`details`, `errors`, `retry_after`, …): an extra by such a name is dropped even when the
 * member is absent, so a body always keeps the shape its envelope's schema describes.
 */
export function withMembers<B extends Record<string, unknown>>(body: B, fault: PublicFault, reserved?: ReadonlySet<string>): B {
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

/** One item of the flat issue list: `params` only when the rule has some. */
export interface IssueListItem {
  field: string;
  in: string;
  code: string;
  message: string;
  params?: Readonly<Record<string, IssueParam>>;
}

/** Issues as the flat list the error-message-code and status-object styles carry. */
export function issueList(fault: PublicFault): IssueListItem[] | undefined {
  return fault.issues?.map((issue) => {
    const item: IssueListItem = { field: issue.pointer, in: issue.location, code: issue.keyword, message: issue.message };
    if (issue.params !== undefined) item.params = issue.params;
    return item;
  });
}

/** A one-line summary of the issues, for styles that carry only text. */
export function issueSummary(fault: PublicFault): string {
  if (fault.issues === undefined || fault.issues.length === 0) return fault.message;
  const parts = fault.issues.map((issue) => `${issue.location}${issue.pointer || ''} ${issue.message}`);
  return `${fault.message}: ${parts.join('; ')}`;
}
