import type { BodyInput } from '../client/body.js';
import type { HeadersInput } from '../client/headers.js';
import { headerReader } from '../client/headers.js';

/** A fetch `Response` (fetch, Hono's `app.request()`, undici): read through a clone. */
export interface FetchResponseInput {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly bodyUsed: boolean;
  clone(): { text(): Promise<string> };
}

/** A response already read: faultline's `ErrorResponse`, supertest's, `fastify.inject()`'s, or your own. */
export interface ReadResponseInput {
  /** The status; `statusCode` (Node, light-my-request) is read when there is no `status`. */
  readonly status?: number;
  readonly statusCode?: number;
  readonly headers?: HeadersInput;
  /** The body as text or bytes, or already parsed (supertest's `body`, when it has no `text`). */
  readonly body?: BodyInput;
  /** The raw text, preferred over `body` when present (supertest, superagent). */
  readonly text?: string;
}

/** What the matchers accept: `await` the assertion when it is a fetch `Response`. */
export type TestedResponse = FetchResponseInput | ReadResponseInput;

/** A response as the matchers judge it. */
export interface ReadResponse {
  readonly status: number;
  /** Undefined when the value had no headers (a bare `{ status, body }`): header checks are skipped. */
  readonly headers: HeadersInput | undefined;
  readonly contentType: string | undefined;
  readonly body: BodyInput;
}

/**
 * Reads what a test passed: a fetch `Response` asynchronously, through a clone, so the test can
 * still read the body itself; anything else at once. Throws a TypeError naming what it accepts.
 */
export function readReceived(value: unknown, matcher: string): ReadResponse | Promise<ReadResponse> {
  if (isFetchResponse(value)) {
    if (value.bodyUsed) {
      throw new TypeError(
        `${matcher}: the Response's body was already read, so it cannot be read again; assert before reading it, or pass { status, headers, body }`,
      );
    }
    return value
      .clone()
      .text()
      .then((text) => finish(value.status, value.headers, text));
  }
  if (typeof value === 'object' && value !== null) {
    const read = value as ReadResponseInput;
    const status = typeof read.status === 'number' ? read.status : read.statusCode;
    if (typeof status === 'number' && Number.isInteger(status)) {
      return finish(status, read.headers, typeof read.text === 'string' ? read.text : read.body);
    }
  }
  throw new TypeError(
    `${matcher} expects a response: a fetch Response, a supertest response or { status, headers, body }; received ${describe(value)}`,
  );
}

/**
 * A promise from any realm: jest runs tests in a vm context whose `Promise` is not the one fetch
 * (undici) resolves with, so `instanceof Promise` would miss it.
 */
export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function finish(status: number, headers: HeadersInput | undefined, body: BodyInput): ReadResponse {
  return { status, headers, contentType: headers === undefined ? undefined : headerReader(headers)('content-type'), body };
}

function isFetchResponse(value: unknown): value is FetchResponseInput {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof FetchResponseInput, unknown>>;
  return typeof candidate.clone === 'function' && typeof candidate.status === 'number' && typeof (candidate.headers as { get?: unknown } | undefined)?.get === 'function';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const keys = Object.keys(value).slice(0, 6);
  return keys.length === 0 ? 'an object without members' : `an object with ${keys.join(', ')}`;
}
