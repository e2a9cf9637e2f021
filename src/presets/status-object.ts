import { defineErrors } from '../errors/define-errors.js';
import type { Preset } from '../options.js';

/*
 * An "HTTP Status Codes" reference whose errors are a status object: `{"status":{"code":401,"text":"Unauthorized","message":"Invalid token."}}`.
 * `text` is the page's status text (the catalog's phrase: they agree for every status it lists).
 * Default messages are the page's descriptions, without their "Example messages include …" and
 * "See … for details" asides; a 401's is the example body's "Invalid token." (with the body's
 * period, where the table quotes it without one).
 */

/** The example messages the page lists, as typed errors (the body shows no code; `onError` and `.is()` do). */
export const statusObjectErrors = /* @__PURE__ */ defineErrors({
  INVALID_TOKEN: { status: 401, message: 'Invalid token.' },
  ACCOUNT_DISABLED: { status: 403, message: 'Account is disabled' },
  INSUFFICIENT_BALANCE: { status: 403, message: 'Insufficient balance' },
  TOKEN_DISABLED: { status: 403, message: 'Token is disabled' },
  INSUFFICIENT_PERMISSIONS: { status: 403, message: 'Insufficient permissions' },
  ENDPOINT_DEPRECATED: { status: 410, message: 'The requested endpoint has been deprecated and is no longer available.' },
});

/** The status-object reference: the status object, with the page's texts and messages for every status it lists. */
export const statusObjectPreset: Preset = /* @__PURE__ */ (() => Object.freeze({
  name: 'status-object',
  envelope: 'status-object',
  messages: Object.freeze({
    400: 'The parameter you submitted is not valid. Please recheck request body before submitting the request.',
    401: 'Invalid token.',
    403: "The operation is not allowed, permission can't be given.",
    404: 'The data you requested does not exist or cannot be found.',
    405: 'The HTTP method used is not allowed for this endpoint.',
    410: 'The requested endpoint has been deprecated and is no longer available.',
    429: 'The request limit has been exceeded. Try again later.',
    500: 'There is an error on the server. Contact support if this keeps happening.',
    502: 'The server received an invalid response from an upstream server.',
    503: 'The server is temporarily unavailable, usually due to maintenance or overload.',
    504: 'The server did not receive a timely response from an upstream server.',
  }),
  challenge: 'Bearer',
}))();
