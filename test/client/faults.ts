import * as fc from 'fast-check';
import { HttpError, type FieldIssue, type JsonValue } from '../../src/index.js';
import { escapePointerToken, type IssueLocation } from '../../src/kit.js';

/** One fault as the server side would throw it: what the client must read back. */
export interface GeneratedFault {
  readonly status: number;
  readonly code: string;
  readonly numericCode?: number;
  readonly message: string;
  readonly issues?: readonly FieldIssue[];
  readonly retryAfter?: number;
  readonly extras?: Record<string, JsonValue>;
}

// Pointer tokens that break naive pointer handling: RFC 6901 escapes, URI-fragment specials,
// spaces, non-ASCII, prototype names, empty and integer-like tokens.
const TRICKY_TOKENS = ['~', '/', '~0', '~1', '~01', 'a b', '%', '%25', '#', '?', 'é', '日本語', '🙂', '0', '10', '__proto__', 'constructor', ''];

export const tokenArb = fc.oneof(fc.constantFrom(...TRICKY_TOKENS), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ maxLength: 6 }));

export function pointerArb(token: fc.Arbitrary<string> = tokenArb): fc.Arbitrary<string> {
  return fc.array(token, { maxLength: 4 }).map((tokens) => tokens.map((t) => `/${escapePointerToken(t)}`).join(''));
}

export function issueArb(token: fc.Arbitrary<string> = tokenArb): fc.Arbitrary<FieldIssue> {
  return fc.record({
    location: fc.constantFrom<IssueLocation>('body', 'query', 'params', 'headers'),
    pointer: pointerArb(token),
    keyword: fc.oneof(fc.constantFrom('required', 'type', 'additionalProperties', 'minLength', 'format'), fc.string({ maxLength: 12 })),
    message: fc.oneof(fc.constantFrom('is required', 'must be string'), fc.string({ unit: 'grapheme', maxLength: 40 })),
  });
}

/**
 * Extra members the client gives back as `extras`. Names any built-in envelope uses for its own
 * members are left out: a body `{"message","code":1,"error":"x"}` is ambiguous (error-message-code
 * or numeric-code with an extra), and that is the documented limit of detection.
 */
const RESERVED = new Set<string>(
  [
    ['error', 'retry_after'], // reason-details
    ['error', 'message', 'code', 'details', 'retryAfter'], // error-message-code
    ['status', 'errors'], // status-object
    ['message', 'code', 'errors', 'retry_after', 'global'], // numeric-code
    // problem-details; its `instance` is the server's own (the option), which the client reads back as an extra
    ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'violated-policies'],
    ['error_description', '__proto__'], // OAuth's, read by the flat reader; never a member
  ].flat(),
);
const extraKeyArb = fc
  .oneof(fc.constantFrom('required', 'documents_indexed', 'instance', 'accepts', 'x402Version', 'request_id'), fc.string({ minLength: 1, maxLength: 10 }))
  .filter((key) => !RESERVED.has(key));
// Half the time with x402's members too: other envelopes carrying them must not read as an x402 body.
const extrasArb = fc
  .tuple(fc.dictionary(extraKeyArb, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 }), fc.boolean())
  .map(([extras, x402]) => (x402 ? { ...extras, x402Version: 1, accepts: [] } : extras)) as fc.Arbitrary<Record<string, JsonValue>>;

// Machine codes as faultline accepts them (normalize drops anything else).
const codeArb = fc.oneof(
  fc.constantFrom('INSUFFICIENT_FUNDS', 'missing_scope', '2fa_required', 'NOT_FOUND', 'RATE_LIMITED', 'a.b:c-d'),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/),
);

export function faultArb(options: { token?: fc.Arbitrary<string>; status?: fc.Arbitrary<number> } = {}): fc.Arbitrary<GeneratedFault> {
  return fc.record(
    {
      status: options.status ?? fc.integer({ min: 400, max: 599 }),
      code: codeArb,
      numericCode: fc.oneof(fc.integer(), fc.constantFrom(0, 50014, 50035, Number.MAX_SAFE_INTEGER)),
      message: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
      issues: fc.array(issueArb(options.token), { minLength: 1, maxLength: 5 }),
      retryAfter: fc.nat({ max: 100_000 }),
      extras: extrasArb,
    },
    { requiredKeys: ['status', 'code', 'message'] },
  );
}

/** The fault as a thrown error; exposed, so a 5xx shows what it carries too. */
export function toHttpError(fault: GeneratedFault): HttpError {
  return new HttpError(fault.status, fault.message, {
    code: fault.code,
    expose: true,
    ...(fault.numericCode !== undefined ? { numericCode: fault.numericCode } : {}),
    ...(fault.issues !== undefined ? { issues: fault.issues } : {}),
    ...(fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : {}),
    ...(fault.extras !== undefined ? { extras: fault.extras } : {}),
  });
}
