import type { JsonValue } from '../fault/fault.js';
import type { IssueLocation, IssueParam } from '../fault/field-issue.js';

/**
 * One field-level problem read back from an error body. Only `pointer` and `message` are carried by
 * every envelope that carries issues; `keyword`, `location` and `params` are there when the envelope has them.
 */
export interface ClientIssue {
  /** An RFC 6901 JSON pointer into the request part (`/pins/0/cid`), `''` for the part as a whole. */
  readonly pointer: string;
  readonly message: string;
  /** The rule that failed, as the body names it (`required`; numeric-code sends it in UPPER_SNAKE). */
  readonly keyword?: string;
  /** Where in the request: faultline's `body`, `query`, `params`, `headers`, or what another API says. */
  readonly location?: IssueLocation | (string & {});
  /** The rule's parameters, as ajv names them (`{ limit: 1 }` for minLength), for a message of the client's own. */
  readonly params?: Readonly<Record<string, IssueParam>>;
}

/**
 * Which body style was recognised. The IPFS pinning service variants keep the preset's envelope names; `unknown`
 * is a JSON body of no known style (read leniently), `none` is no body or a body that is not JSON.
 */
export type DetectedEnvelope =
  | 'reason-details'
  | 'reason-details/flat-code'
  | 'reason-details/flat-rate-limit'
  | 'reason-details/x402'
  | 'error-message-code'
  | 'status-object'
  | 'numeric-code'
  | 'problem-details'
  | 'unknown'
  | 'none';

/** Everything a `ClientError` is made of. */
export interface ClientErrorInit {
  readonly status: number;
  readonly code: string;
  readonly numericCode?: number;
  readonly message: string;
  readonly title: string;
  readonly issues: readonly ClientIssue[];
  readonly retryAfter?: number;
  readonly envelope: DetectedEnvelope;
  readonly extras: Readonly<Record<string, JsonValue>>;
  readonly body: unknown;
  /** What the response came wrapped in (ky's `HTTPError`, axios' error), kept as the error's `cause`. */
  readonly cause?: unknown;
}

/** The brand: `Symbol.for`, so two copies of the package (ESM and CJS) recognise each other's errors. */
const CLIENT_ERROR: unique symbol = Symbol.for('faultline.client-error') as never;

/**
 * An error response as the client sees it, whatever envelope the server chose. An `Error`, so a
 * caller can `throw await parseErrorResponse(res)` and get a stack pointing at its own code, and
 * `catch` sites can tell it apart from network failures (`TypeError` from fetch).
 *
 * Thrown inside a faultline server (a backend calling another API), it is status-bearing like any
 * `http-errors` error: the upstream's 4xx passes through with its message. Map it
 * (`map(isClientError, 502)`) if your API should answer for its upstream instead.
 */
export class ClientError<C extends string = string, X = unknown> extends Error {
  declare readonly [CLIENT_ERROR]: true;
  /** The HTTP status of the response (the status line wins over any status the body repeats). */
  readonly status: number;
  /** The machine code: the body's, or the status's default (`NOT_FOUND`) when the envelope carries none. */
  readonly code: C;
  /** numeric-code's `code` (`50014`); undefined for the other envelopes. */
  readonly numericCode: number | undefined;
  /** The reason phrase, as the body gives it (`error`, `text`, `title`) or the status catalog's. */
  readonly title: string;
  readonly issues: readonly ClientIssue[];
  /** Seconds to wait, from `Retry-After` (delay-seconds or HTTP-date) or the body's `retry_after`/`retryAfter`. */
  readonly retryAfter: number | undefined;
  readonly envelope: DetectedEnvelope;
  /**
   * Top-level members the envelope does not define (`required`, `accepts`, `x402Version`, …); typed
   * as the catalog entry declares them once `isClientError(error, entry)` has checked them.
   */
  readonly extras: Readonly<Record<string, JsonValue>> & Readonly<X>;
  /** The body as received: parsed JSON, the text when it was not JSON, or null for none. */
  readonly body: unknown;

  constructor(init: ClientErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code as C;
    this.numericCode = init.numericCode;
    this.title = init.title;
    this.issues = init.issues;
    this.retryAfter = init.retryAfter;
    this.envelope = init.envelope;
    this.extras = init.extras as Readonly<Record<string, JsonValue>> & Readonly<X>;
    this.body = init.body;
  }
}

Object.defineProperty(ClientError.prototype, CLIENT_ERROR, { value: true });
Object.defineProperty(ClientError.prototype, 'name', { value: 'ClientError', writable: true, configurable: true });

/**
 * What `isClientError` reads of a catalog entry (a `defineErrors()` factory): its code, its status
 * and the extras its definition declares (`extras: { required: 'pins:write' }` declares a string).
 */
export interface ClientErrorEntry<C extends string = string, X = unknown> {
  readonly code: C;
  readonly status: number;
  readonly definition: { readonly extras?: X };
}

/**
 * True for a `ClientError` from any copy of faultline. Given a catalog entry, true only for that
 * error (its code and status) carrying every extra the entry declares, each of the declared JSON
 * type, and typed so: `if (isClientError(error, AppErrors.MISSING_SCOPE)) error.extras.required`
 * is a `string`, no cast. The envelope must carry the machine code (reason-details,
 * error-message-code, problem-details); status-object and numeric-code bodies never match an entry.
 */
export function isClientError(value: unknown): value is ClientError;
export function isClientError<C extends string, X>(value: unknown, entry: ClientErrorEntry<C, X>): value is ClientError<C, X>;
export function isClientError(value: unknown, entry?: ClientErrorEntry): boolean {
  if (typeof value !== 'object' || value === null || (value as { [CLIENT_ERROR]?: unknown })[CLIENT_ERROR] !== true) return false;
  if (entry === undefined) return true;
  const error = value as ClientError;
  if (error.code !== entry.code || error.status !== entry.status) return false;
  const declared = entry.definition.extras;
  if (declared === null || typeof declared !== 'object') return true;
  return Object.entries(declared).every(([name, example]) => Object.hasOwn(error.extras, name) && jsonKind(error.extras[name]) === jsonKind(example));
}

function jsonKind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
