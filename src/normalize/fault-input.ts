import type { Fault, JsonValue, RateLimitState } from '../fault/fault.js';
import { MAX_ISSUES, type FieldIssue, type IssueParam } from '../fault/field-issue.js';
import { isJsonPointer } from '../fault/json-pointer.js';
import { headerName, headerValue } from '../headers/header-value.js';
import { toJsonValue } from '../json/to-json-value.js';
import { defaultCode, isErrorStatus, statusPhrase } from '../status/lookup.js';
import { ownKeys, read } from './read.js';

/** What a recognizer found, before it is checked. Every field is untrusted. */
export interface FaultInput {
  status?: unknown;
  code?: unknown;
  numericCode?: unknown;
  message?: unknown;
  expose?: unknown;
  headers?: unknown;
  retryAfter?: unknown;
  rateLimit?: RateLimitState;
  /** A validation failure: its status is the configured validation status (400 or 422). */
  validation?: boolean;
  /** Made by a `defineErrors` catalog: its code is documented (see `Fault.documented`). */
  documented?: boolean;
  issues?: readonly FieldIssue[];
  extras?: unknown;
  stack?: unknown;
  cause?: unknown;
}

/** The settings normalize needs: what it may keep from a thrown value. */
export interface FaultPolicy {
  readonly allowedHeaders: ReadonlySet<string>;
  /** Keep stack and cause (debug mode); otherwise they are not even read. */
  readonly keepDebug: boolean;
  /** The status of validation failures: 400 (default) or 422. */
  readonly validationStatus: number;
  /** An unmatched route whose path other methods serve is a 405 with `Allow` (default), not a 404. */
  readonly methodNotAllowed?: boolean;
}

/**
 * The thrown value's stack, read only when it can be shown (debug): formatting an error's stack
 * costs more than the rest of the error path. Without a policy (a recognizer called on its own), read.
 */
export function debugStack(thrown: unknown, policy: FaultPolicy | undefined): unknown {
  return policy === undefined || policy.keepDebug ? read(thrown, 'stack') : undefined;
}

// Codes are identifiers for programs: `INSUFFICIENT_FUNDS`, `missing_scope`, `2fa_required`.
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const MAX_MESSAGE = 2048;

/** Checks everything a recognizer found and builds the Fault. Never throws on hostile fields. */
export function toFault(input: FaultInput, policy: FaultPolicy): Fault {
  const valid = isErrorStatus(input.status);
  const status = input.validation ? policy.validationStatus : valid ? (input.status as number) : 500;
  // A bogus status (302, 'abc', 1000) is a bug, not a decision to expose: its 500 stays hidden.
  const expose = !valid && !input.validation ? false : typeof input.expose === 'boolean' ? input.expose : status < 500;
  const statusCode = defaultCode(status);
  // A status's own code (most errors carry it) is valid by construction: no need to test it.
  const code = typeof input.code === 'string' && (input.code === statusCode || CODE.test(input.code)) ? input.code : statusCode;
  let message = typeof input.message === 'string' && input.message !== '' ? input.message : statusPhrase(status);
  if (message.length > MAX_MESSAGE) message = message.slice(0, MAX_MESSAGE);

  const fault: {
    -readonly [K in keyof Fault]: Fault[K];
  } = { status, code, message, expose };

  if (typeof input.numericCode === 'number' && Number.isSafeInteger(input.numericCode)) {
    fault.numericCode = input.numericCode;
  }
  // Retry-After is the fault's `retryAfter` (rendered from it), never one of its headers.
  const headers = checkHeaders(input.headers, policy.allowedHeaders);
  if (headers !== undefined) fault.headers = headers;
  const retryAfter = delaySeconds(input.retryAfter) ?? delaySeconds(retryAfterHeader(input.headers, policy.allowedHeaders));
  if (retryAfter !== undefined) fault.retryAfter = retryAfter;
  if (input.rateLimit !== undefined) fault.rateLimit = input.rateLimit;
  // Only the catalog's own code is documented: one replaced by the status's default is not.
  if (input.documented === true && code === input.code) fault.documented = true;
  if (Array.isArray(input.issues) && input.issues.length > 0) {
    const issues = checkIssues(input.issues);
    if (issues.length > 0) fault.issues = issues;
  }
  if (input.extras !== undefined && input.extras !== null && typeof input.extras === 'object') {
    const extras = toJsonValue(input.extras);
    if (extras !== null && typeof extras === 'object' && !Array.isArray(extras) && Object.keys(extras).length > 0) {
      fault.extras = extras as Record<string, JsonValue>;
    }
  }
  if (policy.keepDebug) {
    if (typeof input.stack === 'string') fault.stack = input.stack;
    if (input.cause !== undefined) {
      const cause = toJsonValue(input.cause);
      if (cause !== undefined) fault.cause = cause;
    }
  }
  return fault;
}

const LOCATIONS: ReadonlySet<string> = new Set(['body', 'query', 'params', 'headers']);

/**
 * Issues as the envelopes need them, whoever made them (a developer's `issues: [{ pointer: 'cid' }]`
 * included): at most MAX_ISSUES, a valid JSON pointer (else the whole location), a known location,
 * bounded strings.
 */
function checkIssues(issues: readonly unknown[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (let i = 0; i < issues.length && out.length < MAX_ISSUES; i++) {
    const issue = issues[i];
    const pointer = read(issue, 'pointer');
    const location = read(issue, 'location');
    const keyword = read(issue, 'keyword');
    const message = read(issue, 'message');
    if (typeof message !== 'string') continue;
    const checked: { -readonly [K in keyof FieldIssue]: FieldIssue[K] } = {
      location: typeof location === 'string' && LOCATIONS.has(location) ? (location as FieldIssue['location']) : 'body',
      pointer: typeof pointer === 'string' && pointer.length <= 1024 && isJsonPointer(pointer) ? pointer : '',
      keyword: typeof keyword === 'string' ? keyword.slice(0, 64) : 'invalid',
      message: message.slice(0, MAX_MESSAGE),
    };
    const params = checkParams(read(issue, 'params'));
    if (params !== undefined) checked.params = params;
    out.push(checked);
  }
  return out;
}

const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
const MAX_PARAMS = 8;
const MAX_PARAM_LIST = 32;
const MAX_PARAM_TEXT = 256;

/**
 * An issue's params as envelopes may show them: at most 8 named strings, numbers or booleans, or
 * short lists of them. Anything else (null, objects, functions, long texts, long lists) is dropped,
 * not truncated: a cut list of allowed values would tell the client something false.
 */
function checkParams(value: unknown): Record<string, IssueParam> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  let out: Record<string, IssueParam> | undefined;
  let count = 0;
  for (const key of ownKeys(value)) {
    if (count >= MAX_PARAMS) break;
    if (!PARAM_NAME.test(key)) continue;
    const param = checkParam(read(value, key));
    if (param === undefined) continue;
    (out ??= {})[key] = param;
    count++;
  }
  return out;
}

function checkParam(value: unknown): IssueParam | undefined {
  if (Array.isArray(value)) {
    if (value.length > MAX_PARAM_LIST) return undefined;
    const list: (string | number | boolean)[] = [];
    for (const item of value) {
      const scalar = checkScalar(item);
      if (scalar === undefined) return undefined;
      list.push(scalar);
    }
    return list;
  }
  return checkScalar(value);
}

function checkScalar(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.length <= MAX_PARAM_TEXT ? value : undefined;
  return undefined;
}

/** Delay-seconds from a number of seconds, a numeric string or an HTTP-date; rounded up, ≥ 0. */
export function delaySeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^\d+$/.test(value)) return Math.min(Number(value), 2 ** 31);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * The bytes an error's own header fields may take on the wire, all together. Each value is capped
 * (4 KB) already; fifteen of them would pass that and still overflow what clients and proxies
 * accept for a whole header section (Node's parser: 16 KB, nginx's buffers: 8 KB). Past the budget,
 * further fields are dropped, never cut: a half value could mean something else.
 */
const MAX_HEADER_BYTES = 8192;

function checkHeaders(value: unknown, allowed: ReadonlySet<string>): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  let out: Record<string, string> | undefined;
  let budget = MAX_HEADER_BYTES;
  const keys = ownKeys(value);
  for (let i = 0; i < keys.length && i < 64; i++) {
    const key = keys[i] as string;
    const name = headerName(key);
    if (name === undefined || name === 'retry-after' || !allowed.has(name)) continue;
    const text = headerValue(read(value, key));
    if (text === undefined) continue;
    // `name: value` and its CRLF.
    const size = name.length + text.length + 4;
    if (size > budget) continue;
    budget -= size;
    (out ??= Object.create(null) as Record<string, string>)[name] = text;
  }
  return out;
}

/** The value of a Retry-After field among an error's headers (the last one, as for any field). */
function retryAfterHeader(value: unknown, allowed: ReadonlySet<string>): string | undefined {
  if (value === null || typeof value !== 'object' || !allowed.has('retry-after')) return undefined;
  let found: string | undefined;
  const keys = ownKeys(value);
  for (let i = 0; i < keys.length && i < 64; i++) {
    const key = keys[i] as string;
    if (key.length !== 11 || headerName(key) !== 'retry-after') continue;
    found = headerValue(read(value, key)) ?? found;
  }
  return found;
}
