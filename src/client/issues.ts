import { escapePointerToken } from '../fault/json-pointer.js';
import type { IssueParam } from '../fault/field-issue.js';
import type { ClientIssue } from './client-error.js';

/*
 * Each envelope writes field issues its own way; these turn each back into `{ pointer, message, … }`.
 * Bodies come from the network: everything is checked, nothing is trusted to have the right shape,
 * and the work is bounded (a hostile or broken server cannot make the client loop or overflow).
 */

/** At most this many issues are read from one body. */
export const MAX_CLIENT_ISSUES = 1000;
/** numeric-code's nested `errors` is read this deep at most. */
const MAX_DEPTH = 64;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * error-message-code's `details` and status-object's `errors`: `[{ field, in, code, message }]`.
 * Lenient about names other APIs use (`pointer`, `path`, `detail`, `keyword`, `location`).
 */
export function issuesFromList(list: unknown): ClientIssue[] {
  if (!Array.isArray(list)) return [];
  const issues: ClientIssue[] = [];
  for (const item of list) {
    if (issues.length >= MAX_CLIENT_ISSUES) break;
    if (!isObject(item)) continue;
    const message = text(item.message) ?? text(item.detail);
    if (message === undefined) continue;
    const field = text(item.field) ?? text(item.pointer) ?? text(item.path);
    const keyword = text(item.code) ?? text(item.keyword);
    const location = text(item.in) ?? text(item.location);
    const params = paramsOf(item.params);
    issues.push({
      pointer: field === undefined ? '' : asPointer(field),
      message,
      ...(keyword !== undefined ? { keyword } : {}),
      ...(location !== undefined ? { location } : {}),
      ...(params !== undefined ? { params } : {}),
    });
  }
  return issues;
}

/**
 * problem-details' `errors` (RFC 9457 §3): `[{ detail, pointer: "#/pins/0/cid", in? }]`. The pointer
 * is a URI fragment (percent-encoded, RFC 6901 §6); without `in` it points into the body.
 */
export function issuesFromProblem(list: unknown): ClientIssue[] {
  if (!Array.isArray(list)) return [];
  const issues: ClientIssue[] = [];
  for (const item of list) {
    if (issues.length >= MAX_CLIENT_ISSUES) break;
    if (!isObject(item)) continue;
    const message = text(item.detail) ?? text(item.message);
    if (message === undefined) continue;
    const pointer = text(item.pointer);
    const location = text(item.in);
    const keyword = text(item.code) ?? text(item.keyword);
    const params = paramsOf(item.params);
    issues.push({
      pointer: pointer === undefined ? '' : asPointer(pointer),
      message,
      ...(keyword !== undefined ? { keyword } : {}),
      ...(location !== undefined ? { location } : pointer !== undefined ? { location: 'body' } : {}),
      ...(params !== undefined ? { params } : {}),
    });
  }
  return issues;
}

/**
 * numeric-code's nested `errors`: one key per pointer token (array indexes as keys), an `_errors`
 * array `[{ code, message }]` at each failing field. An `_errors` that is an object, not an array,
 * is a field that happens to be called `_errors`. Order is the body's (depth first), which is not
 * always the server's: JSON objects list integer-like keys first.
 */
export function issuesFromNested(errors: unknown): ClientIssue[] {
  if (!isObject(errors)) return [];
  const issues: ClientIssue[] = [];
  // An explicit stack, not recursion: depth is the body's to choose.
  const stack: { node: Json; pointer: string; depth: number }[] = [{ node: errors, pointer: '', depth: 0 }];
  while (stack.length > 0 && issues.length < MAX_CLIENT_ISSUES) {
    const { node, pointer, depth } = stack.pop() as { node: Json; pointer: string; depth: number };
    const children: { node: Json; pointer: string; depth: number }[] = [];
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === '_errors' && Array.isArray(value)) {
        for (const item of value) {
          if (issues.length >= MAX_CLIENT_ISSUES) break;
          if (!isObject(item)) continue;
          const message = text(item.message);
          if (message === undefined) continue;
          const keyword = text(item.code);
          issues.push({ pointer, message, ...(keyword !== undefined ? { keyword } : {}) });
        }
      } else if (isObject(value) && depth < MAX_DEPTH) {
        children.push({ node: value, pointer: `${pointer}/${escapePointerToken(key)}`, depth: depth + 1 });
      }
    }
    // Reversed onto the stack so siblings are visited in the body's order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as { node: Json; pointer: string; depth: number });
  }
  return issues;
}

const MAX_PARAMS = 16;
const MAX_PARAM_LIST = 64;

/**
 * An issue's `params` as a server sent them: at most 16 members, each a string, number or boolean
 * or a list of at most 64 of them; anything else (null, objects, longer lists) is left out.
 * Undefined when none is left.
 */
function paramsOf(value: unknown): Record<string, IssueParam> | undefined {
  if (!isObject(value)) return undefined;
  let out: Record<string, IssueParam> | undefined;
  let count = 0;
  for (const key of Object.keys(value)) {
    if (count >= MAX_PARAMS) break;
    const param = value[key];
    const ok = isScalar(param) || (Array.isArray(param) && param.length <= MAX_PARAM_LIST && param.every(isScalar));
    if (!ok || key === '__proto__') continue;
    (out ??= {})[key] = param as IssueParam;
    count++;
  }
  return out;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * A JSON pointer from what a body names a field: a URI fragment (`#/a%20b`) is percent-decoded, a
 * pointer (`/a/b`, `''`) is kept, and a bare name (`email`) becomes the pointer to that member.
 */
export function asPointer(field: string): string {
  if (field.startsWith('#')) return percentDecode(field.slice(1));
  if (field === '' || field.startsWith('/')) return field;
  return `/${escapePointerToken(field)}`;
}

function percentDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    // A malformed escape (`%E0%A4%A`): decode what decodes, keep the rest as written.
    return fragment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
