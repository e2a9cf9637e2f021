import type { BodyInput } from './body.js';
import type { HeadersInput } from './headers.js';
import { parseErrorBody } from './parse.js';

/** What the hook reads of ofetch's context: the response (with the body ofetch read) and the retry options. */
export interface OfetchErrorContext {
  readonly response: { readonly status: number; readonly headers: HeadersInput; readonly _data?: unknown };
  readonly options: {
    readonly method?: string;
    readonly retry?: number | false;
    readonly retryStatusCodes?: readonly number[];
  };
}

// ofetch's documented retry rules: these statuses, once for a GET-like request, never for a
// request with a payload unless `retry` says so.
const OFETCH_RETRY_STATUSES: readonly number[] = [408, 409, 425, 429, 500, 502, 503, 504];
const PAYLOAD_METHODS = new Set(['PATCH', 'POST', 'PUT', 'DELETE']);

/**
 * An ofetch `onResponseError` hook: an error response becomes a thrown `ClientError` (code,
 * message, field issues, `retryAfter`), whatever envelope the server chose, instead of ofetch's
 * `FetchError`. A response ofetch is going to retry (its `retry` and `retryStatusCodes`) is left
 * to the retry; the last attempt's is thrown. It parses the body ofetch already read (`_data`).
 *
 * ```ts
 * const api = ofetch.create({ baseURL: 'https://api.example', onResponseError: ofetchOnResponseError });
 * ```
 */
export function ofetchOnResponseError(context: OfetchErrorContext): void {
  const { response, options } = context;
  if (willRetry(response.status, options)) return;
  throw parseErrorBody({ status: response.status, headers: response.headers, body: response._data as BodyInput });
}

function willRetry(status: number, options: OfetchErrorContext['options']): boolean {
  if (options.retry === false) return false;
  const retries = typeof options.retry === 'number' ? options.retry : PAYLOAD_METHODS.has((options.method ?? 'GET').toUpperCase()) ? 0 : 1;
  const statuses = Array.isArray(options.retryStatusCodes) ? options.retryStatusCodes : OFETCH_RETRY_STATUSES;
  return retries > 0 && statuses.includes(status);
}
