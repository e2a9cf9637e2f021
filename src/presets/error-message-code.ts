import { defineErrors } from '../errors/define-errors.js';
import type { HttpError } from '../errors/http-error.js';
import type { Preset } from '../options.js';

/*
 * The Pinarkive API's error reference: `{"error":"Unauthorized","message":"Invalid or missing API key","code":"INVALID_API_KEY"}`.
 * `error` is the reason phrase, `code` the machine code; a missing scope adds `required`, a rate
 * limit `retryAfter` (and `Retry-After`). Messages are the page's descriptions, cut to what reads
 * as a message to the client.
 */

/** The page's codes reference, one entry per code, plus its 409 (a duplicate name, no code given). */
export const errorMessageCodeErrors = /* @__PURE__ */ defineErrors({
  INVALID_API_KEY: { status: 401, message: 'Invalid or missing API key', description: 'API key is missing, invalid, or expired' },
  UNAUTHORIZED: {
    status: 401,
    message: 'API key or Bearer token is missing, invalid, or expired',
    description: 'Missing or invalid authentication',
  },
  missing_scope: {
    status: 403,
    message: 'Token does not have the required scope',
    description: 'Token does not have the required scope; check required in the body',
  },
  FILE_TOO_LARGE: { status: 413, message: 'Uploaded file exceeds the allowed size for your plan' },
  RATE_LIMIT: {
    status: 429,
    message: 'Too many requests',
    description: 'Too many requests; use retryAfter or Retry-After to retry later',
  },
  '2fa_required': {
    status: 400,
    message: 'TOTP code required',
    description: 'TOTP code required (e.g. when generating/revoking tokens with 2FA enabled)',
  },
  '2fa_invalid': { status: 400, message: 'TOTP code missing or incorrect' },
  CONFLICT: { status: 409, message: 'A token with this name already exists', description: 'Conflict (e.g. duplicate token name)' },
});

/**
 * The page's 403 for a token without the scope a route needs:
 * `{"error":"Forbidden","message":"Token does not have the required scope","code":"missing_scope","required":"files:write"}`.
 */
export function missingScope(required: string, message?: string): HttpError<'missing_scope'> {
  return errorMessageCodeErrors.missing_scope(message, { extras: { required } });
}

/** The Pinarkive API: error/message/code; rate-limit refusals are `RATE_LIMIT`, oversized bodies `FILE_TOO_LARGE`. */
export const errorMessageCodePreset: Preset = /* @__PURE__ */ (() => Object.freeze({
  name: 'error-message-code',
  envelope: 'error-message-code',
  codes: Object.freeze({ 413: 'FILE_TOO_LARGE', 429: 'RATE_LIMIT' }),
  messages: Object.freeze({
    401: 'API key or Bearer token is missing, invalid, or expired',
    413: 'Uploaded file exceeds the allowed size for your plan',
    429: 'Too many requests',
  }),
  challenge: 'Bearer',
}))();
