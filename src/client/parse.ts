import { checkOptions, type OptionRules } from '../checks/check-options.js';
import { nonNegativeNumber } from '../checks/common-rules.js';
import { satisfies } from '../checks/rule.js';
import type { JsonValue } from '../fault/fault.js';
import { defaultCode, isErrorStatus, statusPhrase } from '../status/lookup.js';
import { ClientError } from './client-error.js';
import { decodeBody, type BodyInput } from './body.js';
import { readEnvelope, type EnvelopeReading } from './envelopes.js';
import { headerReader, type HeadersInput } from './headers.js';
import { retryAfterHeader } from './retry-after.js';

/** An error response already read: faultline's own `{ status, headers, body }`, axios' `response`, a test's. */
export interface ErrorResponseInput {
  readonly status: number;
  readonly headers?: HeadersInput;
  /** The body text (or bytes), or the body already parsed as JSON. */
  readonly body?: BodyInput;
}

/** What of a fetch `Response` is used: any fetch (browsers, Node, Deno, Bun, workers) has it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly bodyUsed?: boolean;
  text(): Promise<string>;
}

export interface ParseOptions {
  /** The time an HTTP-date `Retry-After` is measured from when the response has no `Date` (ms since the epoch). Default now. */
  readonly now?: number;
  /** The error the response came with (axios' error, ky's `HTTPError`): the `ClientError`'s `cause`. */
  readonly cause?: unknown;
}

const PARSE_OPTION_RULES: OptionRules<ParseOptions> = { now: nonNegativeNumber, cause: /* @__PURE__ */ satisfies('any value', () => true) };

const NO_READING: EnvelopeReading = { envelope: 'none', issues: [], members: [] };

/**
 * Reads an error response, whatever envelope its server chose: detects the style, reads status,
 * code, message, field issues and retry-after, and returns them as a `ClientError` (returned, not
 * thrown: throw it if that is what you want). Never throws on what the server sent.
 */
export function parseErrorBody(response: ErrorResponseInput, options: ParseOptions = {}): ClientError {
  checkOptions(options, PARSE_OPTION_RULES, 'parseErrorBody()');
  const now = options.now ?? Date.now();
  const status = typeof response.status === 'number' ? response.status : 0;
  const header = headerReader(response.headers);
  const decoded = decodeBody(response.body);
  const object = decoded.kind === 'json' && isObject(decoded.value) ? decoded.value : undefined;
  const reading =
    object !== undefined ? readEnvelope(object, header('content-type') ?? '', status) : decoded.kind === 'none' ? NO_READING : { ...NO_READING, envelope: 'unknown' as const };
  // Text and HTML bodies (a proxy's 502 page) are not shown as messages: the status says it better.
  const envelope = decoded.kind === 'text' ? 'none' : reading.envelope;
  const title = reading.title ?? statusPhrase(status);
  const retryAfter = retryAfterHeader(header('retry-after'), header('date'), now) ?? reading.retryAfter;
  return new ClientError({
    status,
    code: reading.code ?? statusDefaultCode(status),
    ...(reading.numericCode !== undefined ? { numericCode: reading.numericCode } : {}),
    message: reading.message ?? title,
    title,
    issues: reading.issues,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    envelope,
    extras: object === undefined ? {} : extrasOf(object, reading.members),
    body: decoded.kind === 'none' ? null : decoded.value,
    ...(options.cause !== undefined ? { cause: options.cause } : {}),
  });
}

/**
 * `parseErrorBody` for a fetch `Response` (reads its body, once) or an already-read response.
 * A body that was already consumed, or fails to arrive, leaves what the status and headers say; an
 * abort (the caller's `AbortSignal`) still rejects, as the caller asked.
 */
export async function parseErrorResponse(response: FetchResponseLike | ErrorResponseInput): Promise<ClientError> {
  if (!isFetchResponse(response)) return parseErrorBody(response);
  let body: string | null = null;
  if (response.bodyUsed !== true) {
    try {
      body = await response.text();
    } catch (error) {
      if (isAbort(error)) throw error;
      body = null;
    }
  }
  return parseErrorBody({ status: response.status, headers: response.headers, body });
}

function isFetchResponse(value: FetchResponseLike | ErrorResponseInput): value is FetchResponseLike {
  return typeof (value as { text?: unknown }).text === 'function';
}

function isAbort(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'AbortError' || name === 'TimeoutError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// An error status's catalog code; a 202 (numeric-code's "not ready") gets its phrase in UPPER_SNAKE.
function statusDefaultCode(status: number): string {
  if (isErrorStatus(status)) return defaultCode(status);
  return statusPhrase(status).toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

function extrasOf(body: Record<string, unknown>, members: readonly string[]): Record<string, JsonValue> {
  const extras: Record<string, JsonValue> = {};
  for (const key of Object.keys(body)) {
    // `__proto__` (an own member after JSON.parse) would set the prototype, not add a member.
    if (key === '__proto__' || members.includes(key) || body[key] === undefined) continue;
    extras[key] = body[key] as JsonValue;
  }
  return extras;
}
