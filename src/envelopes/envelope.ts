import type { JsonValue, RateLimitState } from '../fault/fault.js';
import type { FieldIssue } from '../fault/field-issue.js';

/**
 * What an envelope sees of a Fault: what may leave. Production hiding has already happened, so an
 * envelope cannot leak what it is not given.
 */
export interface PublicFault {
  readonly status: number;
  /** The status's reason phrase, from the catalog. */
  readonly title: string;
  readonly code: string;
  /** True when `code` is the status's default (`NOT_FOUND` for a 404). */
  readonly defaultCode: boolean;
  readonly numericCode?: number;
  readonly message: string;
  readonly issues?: readonly FieldIssue[];
  readonly retryAfter?: number;
  readonly rateLimit?: RateLimitState;
  readonly extras?: Readonly<Record<string, JsonValue>>;
  /**
   * The id a client can quote (`traceId` option): a W3C trace id or a request id, checked
   * well-formed. The built-in envelopes put it at the top level as `traceId`; a custom one places it.
   */
  readonly traceId?: string;
  /** A URI documenting the code (`typeBase` + the code in kebab case), for a code the app defined. */
  readonly type?: string;
  /** A URI identifying this occurrence (the `instance` option). */
  readonly instance?: string;
  /** Present only with `debug: true`. */
  readonly stack?: string;
  readonly cause?: JsonValue;
}

/** An envelope style: how a fault becomes a body. Pure data in, data out; no framework. */
export interface Envelope {
  readonly name: string;
  readonly contentType: string;
  body(fault: PublicFault): unknown;
}

/** The built-in styles: four from documented APIs, and RFC 9457. */
export type EnvelopeName = 'reason-details' | 'error-message-code' | 'status-object' | 'numeric-code' | 'problem-details';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A custom envelope: `defineEnvelope({ name: 'mine', body: (f) => ({ ok: false, error: f.code }) })`.
 * The body must be JSON-serialisable; faultline serialises it and falls back to a plain 500 if not.
 */
export function defineEnvelope(definition: {
  readonly name: string;
  readonly contentType?: string;
  readonly body: (fault: PublicFault) => unknown;
}): Envelope {
  return { name: definition.name, contentType: definition.contentType ?? JSON_CONTENT_TYPE, body: definition.body };
}
