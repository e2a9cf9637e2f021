import type { JsonValue } from '../fault/fault.js';
import type { ClientError, ClientIssue, DetectedEnvelope } from '../client/client-error.js';
import { decodeBody } from '../client/body.js';
import { parseErrorBody } from '../client/parse.js';
import { isErrorStatus } from '../status/lookup.js';
import { diff, hint, printExpected, printReceived, show, type MatcherContext, type MatcherResult } from './matcher-context.js';
import { isPromise, readReceived, type ReadResponse } from './received.js';

/**
 * What `toBeFault` checks: each member given must match what the response says, as
 * `parseErrorResponse` reads it (any envelope). Asymmetric matchers (`expect.stringContaining`)
 * work in every member.
 */
/** An asymmetric matcher of vitest or jest (`expect.stringContaining('x')`, `expect.any(Number)`). */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
}

/** A value, or an asymmetric matcher standing for one. */
export type Matchable<T> = T | AsymmetricMatcherLike;

/** An issue as `toBeFault` checks it: only the members given, each a value or a matcher. */
export type IssueExpectation = { readonly [K in keyof ClientIssue]?: Matchable<ClientIssue[K]> };

/**
 * What `toBeFault` checks: each member given must match what the response says, as
 * `parseErrorResponse` reads it (any envelope). Every member takes an asymmetric matcher too.
 */
export interface FaultExpectation {
  readonly status?: Matchable<number>;
  /** The machine code (`NOT_FOUND`, `INSUFFICIENT_FUNDS`); envelopes without one give the status's default. */
  readonly code?: Matchable<string>;
  /** The message, exactly, or a RegExp it must match. */
  readonly message?: Matchable<string | RegExp>;
  /** numeric-code's number (`50014`). */
  readonly numericCode?: Matchable<number>;
  /** Seconds to wait: `Retry-After`, or the body's `retry_after`/`retryAfter`. */
  readonly retryAfter?: Matchable<number>;
  /** The field issues, in order; each lists the members it checks (`{ pointer: '/cid' }`). */
  readonly issues?: Matchable<readonly Matchable<IssueExpectation>[]>;
  /** The envelope the body is in, as the client detects it. */
  readonly envelope?: Matchable<DetectedEnvelope>;
  /** Extra top-level members; only those given are checked. */
  readonly extras?: Matchable<Readonly<Record<string, Matchable<JsonValue>>>>;
}

const MEMBERS = ['status', 'code', 'message', 'numericCode', 'retryAfter', 'issues', 'envelope', 'extras'] as const;
type Member = (typeof MEMBERS)[number];

/** Where each envelope keeps a member in its body, to show a mismatch in the body's own terms. */
const LOCATIONS: Partial<Record<DetectedEnvelope, Partial<Record<Member, readonly string[]>>>> = {
  'problem-details': { status: ['status'], code: ['code'], message: ['detail'] },
  'reason-details': { code: ['error', 'reason'], message: ['error', 'details'], retryAfter: ['retry_after'] },
  'reason-details/flat-code': { code: ['error'] },
  'reason-details/flat-rate-limit': { code: ['error'], retryAfter: ['retry_after'] },
  'reason-details/x402': { message: ['error'] },
  'error-message-code': { code: ['code'], message: ['message'], retryAfter: ['retryAfter'] },
  'status-object': { status: ['status', 'code'], message: ['status', 'message'] },
  'numeric-code': { numericCode: ['code'], message: ['message'], retryAfter: ['retry_after'] },
};

/**
 * `expect(response).toBeFault(expected?)`: the response is an error (400–599) whose body, if it
 * has one, is JSON, and every member of `expected` matches. Returns a promise for a fetch
 * `Response` (await the assertion), a result at once otherwise.
 */
export function toBeFault(this: MatcherContext, received: unknown, expected: FaultExpectation = {}): MatcherResult | Promise<MatcherResult> {
  if (typeof expected !== 'object' || expected === null) {
    throw new TypeError(`toBeFault takes { status?, code?, message?, … }, not ${show(expected)}`);
  }
  const read = readReceived(received, 'toBeFault');
  return isPromise(read) ? read.then((response) => judge(this, response, expected)) : judge(this, read, expected);
}

function judge(context: MatcherContext, response: ReadResponse, expected: FaultExpectation): MatcherResult {
  const error = parseErrorBody({ status: response.status, headers: response.headers, body: response.body });
  const decoded = decodeBody(response.body);
  const problems: string[] = [];
  if (!isErrorStatus(response.status)) problems.push(`status ${response.status} is not an error status (400–599)`);
  if (decoded.kind === 'text') problems.push(`the body is not JSON${response.contentType === undefined ? '' : ` (${response.contentType})`}`);

  const given = MEMBERS.filter((member) => expected[member] !== undefined);
  const mismatched = given.filter((member) => !matches(context, member, actualOf(error, member, expected), expected[member]));
  for (const member of mismatched) {
    const actual = actualOf(error, member, expected);
    // Objects (issues, extras) on one line here: the runner's diff below shows them in full.
    const [want, got] = isPlain(expected[member]) && isPlain(actual) ? [printExpected(context, expected[member]), printReceived(context, actual)] : [oneLine(expected[member]), oneLine(actual)];
    problems.push(`${member}: expected ${want}, received ${got}${carried(error.envelope, member)}`);
  }
  const pass = problems.length === 0;
  const wanted = given.length === 0 ? '' : oneLine(Object.fromEntries(given.map((m) => [m, expected[m]])));
  const title = hint(context, 'toBeFault', given.length === 0 ? '' : 'expected');
  const summary = `${response.status} ${error.code} (${error.envelope})`;

  return {
    pass,
    actual: Object.fromEntries(given.map((m) => [m, actualOf(error, m, expected)])),
    expected: Object.fromEntries(given.map((m) => [m, expected[m]])),
    message: () =>
      pass
        ? `${title}\n\nExpected the response not to be a fault${wanted === '' ? '' : ` matching ${wanted}`}\nReceived: ${summary}`
        : [title, '', `Expected a fault${wanted === '' ? '' : ` matching ${wanted}`}`, `Received: ${summary}`, '', ...problems, '', bodyReport(context, decoded, expected, mismatched, error.envelope)].join('\n'),
  };
}

/** The member as the response has it; issues reduced to the members each expected issue lists. */
function actualOf(error: ClientError, member: Member, expected: FaultExpectation): unknown {
  if (member === 'issues') {
    const wanted = expected.issues;
    if (!Array.isArray(wanted)) return error.issues;
    return error.issues.map((issue, i) => pick(issue as unknown as Record<string, unknown>, wanted[i]));
  }
  if (member === 'extras') return pick(error.extras, expected.extras);
  return error[member];
}

function pick(value: Readonly<Record<string, unknown>>, keysFrom: unknown): unknown {
  if (typeof keysFrom !== 'object' || keysFrom === null || Array.isArray(keysFrom) || isAsymmetric(keysFrom)) return value;
  return Object.fromEntries(Object.keys(keysFrom).map((key) => [key, value[key]]));
}

function matches(context: MatcherContext, member: Member, actual: unknown, wanted: unknown): boolean {
  if (member === 'message' && wanted instanceof RegExp) return typeof actual === 'string' && wanted.test(actual);
  return context.equals(actual, wanted);
}

/** Says so when the envelope cannot carry what was expected (status-object has no machine code). */
function carried(envelope: DetectedEnvelope, member: Member): string {
  if (member === 'code' && (envelope === 'status-object' || envelope === 'numeric-code')) return ` (${envelope} bodies carry no machine code: the status's default is read)`;
  if (member === 'numericCode' && envelope !== 'numeric-code' && envelope !== 'unknown') return ` (only numeric-code bodies carry one)`;
  if (member === 'issues' && envelope === 'reason-details') return ' (reason-details folds issues into its text)';
  return '';
}

/**
 * The body, with what differs shown in the body's own terms: the received body beside a copy with
 * each mismatched member written where this envelope keeps it.
 */
function bodyReport(context: MatcherContext, decoded: ReturnType<typeof decodeBody>, expected: FaultExpectation, mismatched: readonly Member[], envelope: DetectedEnvelope): string {
  if (decoded.kind === 'none') return 'Received body: none';
  if (decoded.kind === 'text') return `Received body: ${decoded.value.length > 2000 ? `${decoded.value.slice(0, 2000)}…` : decoded.value}`;
  const body = decoded.value;
  let wanted: unknown = body;
  for (const member of mismatched) {
    const path = LOCATIONS[envelope]?.[member];
    const value = expected[member];
    if (path !== undefined && (typeof value === 'string' || typeof value === 'number')) wanted = patch(wanted, path, value);
  }
  if (wanted === body) return `Received body: ${show(body)}`;
  return diff(context, wanted, body, 'body');
}

function patch(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(value, head)) return value;
  return { ...value, [head]: patch((value as Record<string, unknown>)[head], rest, replacement) };
}

function isPlain(value: unknown): boolean {
  return value === null || value instanceof RegExp || (typeof value !== 'object' && typeof value !== 'function');
}

function oneLine(value: unknown): string {
  return isAsymmetric(value) ? String(value) : show(value).replace(/\s*\n\s*/g, ' ');
}

function isAsymmetric(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function';
}
