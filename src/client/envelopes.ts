import type { ClientIssue, DetectedEnvelope } from './client-error.js';
import { issuesFromList, issuesFromNested, issuesFromProblem } from './issues.js';
import { retryAfterMember } from './retry-after.js';

/** What one envelope's body says, before defaults (the status's code, phrase) fill the gaps. */
export interface EnvelopeReading {
  readonly envelope: DetectedEnvelope;
  readonly code?: string;
  readonly numericCode?: number;
  readonly message?: string;
  readonly title?: string;
  readonly issues: readonly ClientIssue[];
  readonly retryAfter?: number;
  /** The top-level members this reading used: everything else is an extra. */
  readonly members: readonly string[];
}

type Json = Record<string, unknown>;

/** A recogniser and reader for one body style; undefined when the body is not in that style. */
type Reader = (body: Json, contentType: string, status: number) => EnvelopeReading | undefined;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

// Machine codes as faultline writes them; a flat `error` that is prose is a message, not a code.
const MACHINE_CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** The members each built-in envelope writes itself: never extras, even when absent from one body. */
const ENVELOPE_MEMBERS = {
  'reason-details': ['error', 'retry_after'],
  'error-message-code': ['error', 'message', 'code', 'details', 'retryAfter'],
  'status-object': ['status', 'errors'],
  'numeric-code': ['message', 'code', 'errors', 'retry_after', 'global'],
  'problem-details': ['type', 'title', 'status', 'detail', 'code', 'errors', 'violated-policies'],
} as const;

/** RFC 9457's media type; the `+json` suffix with any parameters. */
const PROBLEM_TYPE = /^\s*application\/problem\+json\s*(;|$)/i;

const problemDetails: Reader = (body, contentType) => {
  const declared = PROBLEM_TYPE.test(contentType);
  // Every RFC 9457 member is optional, so without the media type only a recognisable core counts.
  const shaped =
    (typeof body.status === 'number' && (typeof body.title === 'string' || typeof body.detail === 'string' || typeof body.type === 'string')) ||
    (typeof body.type === 'string' && typeof body.title === 'string');
  if (!declared && !shaped) return undefined;
  return {
    envelope: 'problem-details',
    code: nonEmpty(body.code),
    message: nonEmpty(body.detail) ?? nonEmpty(body.title),
    title: nonEmpty(body.title),
    issues: issuesFromProblem(body.errors),
    members: ENVELOPE_MEMBERS['problem-details'],
  };
};

const statusObject: Reader = (body) => {
  const status = body.status;
  if (!isObject(status) || typeof status.code !== 'number') return undefined;
  return {
    envelope: 'status-object',
    message: nonEmpty(status.message),
    title: nonEmpty(status.text),
    issues: issuesFromList(body.errors),
    members: ENVELOPE_MEMBERS['status-object'],
  };
};

const reasonDetails: Reader = (body) => {
  const error = body.error;
  if (!isObject(error) || typeof error.reason !== 'string') return undefined;
  return {
    envelope: 'reason-details',
    code: nonEmpty(error.reason),
    // Issues are summarised into `details` (it must stay a string): kept as the message, not split.
    message: nonEmpty(error.details),
    issues: [],
    retryAfter: retryAfterMember(body.retry_after),
    members: ENVELOPE_MEMBERS['reason-details'],
  };
};

// The IPFS pinning service's 402: an x402 `PaymentRequiredResponse`. `x402Version` and `accepts` stay extras: the
// client needs them to pay. Only on a 402 (the protocol's status: a flat 413 carrying the same
// members as extras looks the same otherwise); a `message` means another envelope with extras.
const x402: Reader = (body, _contentType, status) => {
  if (status !== 402 || typeof body.x402Version !== 'number' || !Array.isArray(body.accepts) || typeof body.message === 'string') return undefined;
  return { envelope: 'reason-details/x402', message: nonEmpty(body.error), issues: [], members: ['error'] };
};

const errorMessageCode: Reader = (body) => {
  if (typeof body.error !== 'string' || typeof body.message !== 'string') return undefined;
  return {
    envelope: 'error-message-code',
    code: nonEmpty(body.code),
    message: nonEmpty(body.message),
    title: nonEmpty(body.error),
    issues: issuesFromList(body.details),
    retryAfter: retryAfterMember(body.retryAfter),
    members: ENVELOPE_MEMBERS['error-message-code'],
  };
};

// The IPFS pinning service's flat 413 `{"error":"PAYLOAD_TOO_LARGE"}` and 429 `{"error":"RATE_LIMITED","retry_after":60}`.
// OAuth 2 error responses (RFC 6749 §5.2) have this shape too; their `error_description` is the message.
const flat: Reader = (body) => {
  const error = body.error;
  if (typeof error !== 'string' || !MACHINE_CODE.test(error)) return undefined;
  const retryAfter = retryAfterMember(body.retry_after);
  return {
    envelope: 'retry_after' in body ? 'reason-details/flat-rate-limit' : 'reason-details/flat-code',
    code: error,
    message: nonEmpty(body.error_description),
    issues: [],
    retryAfter,
    members: ['error', 'retry_after', 'error_description'],
  };
};

const numericCode: Reader = (body) => {
  if (typeof body.message !== 'string' || typeof body.code !== 'number' || !Number.isSafeInteger(body.code)) return undefined;
  return {
    envelope: 'numeric-code',
    numericCode: body.code,
    message: nonEmpty(body.message),
    issues: issuesFromNested(body.errors),
    retryAfter: retryAfterMember(body.retry_after),
    members: ENVELOPE_MEMBERS['numeric-code'],
  };
};

// A JSON body of no known style: the usual names, read leniently.
const unknown: Reader = (body) => {
  const error = body.error;
  const nested = isObject(error) ? error : undefined;
  const message =
    nonEmpty(body.message) ?? nonEmpty(body.detail) ?? nonEmpty(body.error_description) ?? nonEmpty(nested?.message) ?? nonEmpty(error);
  const code = nonEmpty(body.code) ?? nonEmpty(nested?.code);
  const numeric = typeof body.code === 'number' && Number.isSafeInteger(body.code) ? body.code : undefined;
  const list = Array.isArray(body.errors) ? body.errors : Array.isArray(body.details) ? body.details : nested?.details;
  return {
    envelope: 'unknown',
    code,
    numericCode: numeric,
    message,
    issues: issuesFromList(list),
    retryAfter: retryAfterMember(body.retry_after) ?? retryAfterMember(body.retryAfter),
    members: ['message', 'detail', 'error_description', 'error', 'code', 'errors', 'details', 'retry_after', 'retryAfter'].filter(
      (name) => name in body,
    ),
  };
};

/**
 * Most specific first: a declared `application/problem+json` wins; `error` as an object
 * (reason-details) before `error` as a string; problem details recognised by shape before the
 * x402, error-message-code, flat and numeric-code readers, whose members (`error`, `message`,
 * `accepts`…) it may carry as extensions; error-message-code (`error` + `message`) before the flat
 * variants (`error` alone); numeric-code (`message` + a number `code`) last.
 */
const READERS: readonly Reader[] = [
  (body, type, status) => (PROBLEM_TYPE.test(type) ? problemDetails(body, type, status) : undefined),
  statusObject,
  reasonDetails,
  problemDetails,
  x402,
  errorMessageCode,
  flat,
  numericCode,
];

/** Detects the envelope of a JSON object body and reads what it says. */
export function readEnvelope(body: Json, contentType: string, status: number): EnvelopeReading {
  for (const reader of READERS) {
    const reading = reader(body, contentType, status);
    if (reading !== undefined) return reading;
  }
  return unknown(body, contentType, status) as EnvelopeReading;
}

