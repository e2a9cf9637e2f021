// The client side: reading any faultline envelope (and the preset APIs' bodies) back into one error.
// Imports nothing from the server path but the status catalog and JSON pointer helpers, so it can
// become its own entry point (`faultline/client`) for browser bundles.

export {
  ClientError,
  isClientError,
  type ClientErrorEntry,
  type ClientErrorInit,
  type ClientIssue,
  type DetectedEnvelope,
} from './client-error.js';
export type { HeadersInput } from './headers.js';
export type { BodyInput } from './body.js';
export { MAX_CLIENT_ISSUES } from './issues.js';
export {
  parseErrorBody,
  parseErrorResponse,
  type ErrorResponseInput,
  type FetchResponseLike,
  type ParseOptions,
} from './parse.js';
export { retryDelay, RETRY_STATUSES, type RetryableError, type RetryOptions } from './retry.js';
export { kyBeforeError, type KyBeforeErrorState } from './ky.js';
export { ofetchOnResponseError, type OfetchErrorContext } from './ofetch.js';
