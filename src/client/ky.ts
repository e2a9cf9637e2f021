import type { ClientError } from './client-error.js';
import type { BodyInput } from './body.js';
import type { HeadersInput } from './headers.js';
import { parseErrorBody } from './parse.js';

/** What the hook reads of ky's `beforeError` state: the error, and on an `HTTPError` its response and `data`. */
export interface KyBeforeErrorState {
  readonly error: Error;
}

interface KyHttpErrorLike extends Error {
  readonly response: { readonly status: number; readonly headers: HeadersInput };
  readonly data?: unknown;
}

/**
 * A ky (v2) `beforeError` hook: an error response becomes a `ClientError` (code, message, field
 * issues, `retryAfter`), whatever envelope the server chose, with ky's `HTTPError` as its `cause`.
 * Network errors and timeouts pass through unchanged. ky reads the body before its hooks run
 * (`error.data`), so this parses what ky read: nothing is read twice.
 *
 * ```ts
 * const api = ky.create({ prefixUrl: 'https://api.example', hooks: { beforeError: [kyBeforeError] } });
 * ```
 */
export function kyBeforeError(state: KyBeforeErrorState): Error | ClientError {
  const error = state.error;
  if (!isKyHttpError(error)) return error;
  return parseErrorBody({ status: error.response.status, headers: error.response.headers, body: error.data as BodyInput }, { cause: error });
}

function isKyHttpError(error: unknown): error is KyHttpErrorLike {
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name !== 'HTTPError') return false;
  const response = (error as { response?: unknown }).response;
  return typeof response === 'object' && response !== null && typeof (response as { status?: unknown }).status === 'number';
}
