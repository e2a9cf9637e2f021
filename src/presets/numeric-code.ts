import { defineEnvelope, JSON_CONTENT_TYPE, type Envelope, type PublicFault } from '../envelopes/envelope.js';
import { withMembers } from '../envelopes/members.js';
import { INVALID_FORM_BODY_CODE, GENERAL_ERROR_CODE, numericCode } from '../envelopes/numeric-code.js';
import { defineErrors } from '../errors/define-errors.js';
import type { JsonValue } from '../fault/fault.js';
import { toJsonValue } from '../json/to-json-value.js';
import type { Preset } from '../options.js';
import type { ErrorResponse } from '../render/error-response.js';
import { STATUS_CATALOG } from '../status/catalog.js';

/*
 * A Discord-style numeric-code error reference: `{"message":"Invalid authentication token","code":50014}`,
 * field errors in a nested `errors` object. Default messages are the page's descriptions of its
 * status codes, without the page's cross-references ("see Rate Limits") and scope notes ("CDN
 * only", "Rust services only"); every other 5xx gets the page's "5xx (SERVER ERROR)" text.
 */

/** The reference's name for numeric code 50035. */
export const INVALID_FORM_BODY_MESSAGE = 'Invalid Form Body';

/**
 * The numeric-code envelope, with the reference's message for a validation failure that names no
 * numeric code of its own: `{"message":"Invalid Form Body","code":50035,"errors":{…}}`.
 */
export const numericCodeFormEnvelope: Envelope = /* @__PURE__ */ defineEnvelope({
  name: 'numeric-code/form',
  body(fault) {
    const form = fault.issues !== undefined && fault.numericCode === undefined;
    return numericCode.body(form ? { ...fault, message: INVALID_FORM_BODY_MESSAGE } : fault);
  },
});

const SERVER_ERROR = 'The server had an error processing your request';

// Built in a function so that a bundler leaves it out of an app that does not use this preset.
const MESSAGES: Record<number, string> = /* @__PURE__ */ (() => {
  const messages: Record<number, string> = {};
  for (const key of Object.keys(STATUS_CATALOG)) {
    if (Number(key) >= 500) messages[Number(key)] = SERVER_ERROR;
  }
  Object.assign(messages, {
    400: "The request was improperly formatted, or the server couldn't understand it",
    401: 'The Authorization header was missing or invalid',
    403: 'You do not have permission to perform the requested action',
    404: "The resource at the location specified doesn't exist",
    405: 'The HTTP method used is not valid for the location specified',
    409: 'The requested resource update could not be completed due to the current state of the target resource',
    410: 'The resource being accessed is no longer available',
    413: 'The request entity was too large',
    415: 'The requested content type is not supported',
    422: 'The request was well-formed but failed validation',
    423: 'The resource being accessed is transiently locked. Try again later',
    429: 'You are being rate limited',
    501: 'The requested HTTP method is not supported',
    502: 'There was no gateway available to process your request. Wait a bit and retry',
    503: 'The service required to process your request is unavailable. Wait a bit and retry',
    504: 'The gateway processing your request timed out. Wait a bit and retry',
  });
  return messages;
})();

/** The numeric codes the page documents: its example's 50014, and 50035 for form errors. */
export const numericCodeErrors = /* @__PURE__ */ defineErrors({
  INVALID_AUTHENTICATION_TOKEN: { status: 401, message: 'Invalid authentication token', numericCode: 50014 },
  INVALID_FORM_BODY: { status: 400, message: INVALID_FORM_BODY_MESSAGE, numericCode: INVALID_FORM_BODY_CODE },
});

/** What `notReady` answers with. */
export interface NotReadyInit {
  /** Seconds before the resource may be ready: `retry_after` in the body (as given) and `Retry-After` (rounded up). */
  readonly retryAfter: number;
  /** Default `The resource is not ready yet`. */
  readonly message?: string;
  /** Default 0, the reference's general code. */
  readonly numericCode?: number;
  /** More top-level members (`documents_indexed`), after the documented ones and never over them. */
  readonly extras?: Readonly<Record<string, unknown>>;
  /** The request method: a HEAD gets no body. */
  readonly method?: string;
}

/**
 * The page's 202: "The request was accepted but the resource is not ready. A retry_after key
 * should be present in the body". Not an error, so it is not thrown: it is a response in the
 * numeric-code style, the same `{ status, headers, body }` the error path hands adapters, for the
 * route to send (`res.status(r.status).set(r.headers).send(r.body)`,
 * `new Response(r.body, r)`). `{"message":"The resource is not ready yet","code":0,"retry_after":2}`.
 */
export function notReady(init: NotReadyInit): ErrorResponse {
  const wait = typeof init.retryAfter === 'number' && Number.isFinite(init.retryAfter) && init.retryAfter >= 0 ? init.retryAfter : 0;
  const extras = init.extras === undefined ? undefined : toJsonValue(init.extras);
  const shown: PublicFault = {
    status: 202,
    title: 'Accepted',
    code: 'ACCEPTED',
    defaultCode: true,
    message: typeof init.message === 'string' && init.message !== '' ? init.message : 'The resource is not ready yet',
    retryAfter: wait,
    ...(extras !== null && typeof extras === 'object' && !Array.isArray(extras) ? { extras: extras as Record<string, JsonValue> } : {}),
  };
  const code = typeof init.numericCode === 'number' && Number.isSafeInteger(init.numericCode) ? init.numericCode : GENERAL_ERROR_CODE;
  const body = withMembers({ message: shown.message, code, retry_after: wait }, shown);
  return {
    status: 202,
    headers: { 'retry-after': String(Math.ceil(wait)), 'content-type': JSON_CONTENT_TYPE, 'cache-control': 'no-store' },
    body: init.method === 'HEAD' ? null : JSON.stringify(body),
  };
}

/** The numeric-code reference: numeric codes, nested form errors, the page's messages for every status it lists. */
export const numericCodePreset: Preset = /* @__PURE__ */ (() => Object.freeze({
  name: 'numeric-code',
  envelope: numericCodeFormEnvelope,
  messages: Object.freeze(MESSAGES),
  challenge: 'Bearer',
}))();
