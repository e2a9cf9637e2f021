import { defineEnvelope, type Envelope } from '../envelopes/envelope.js';
import { withMembers } from '../envelopes/members.js';
import { defineErrors } from '../errors/define-errors.js';
import { HttpError } from '../errors/http-error.js';
import type { JsonValue } from '../fault/fault.js';
import type { Preset } from '../options.js';

/*
 * An IPFS pinning service whose Pinning API, x402 gateway
 * and WebUI share one page. Errors are the Pinning Service API's `Failure`
 * (`{"error":{"reason","details"}}`), except three bodies the page documents flat: 402 (x402),
 * 413 and 429.
 */

/** The page's 413: `{"error":"PAYLOAD_TOO_LARGE"}`, the machine code alone. */
export const flatCodeEnvelope: Envelope = /* @__PURE__ */ defineEnvelope({
  name: 'reason-details/flat-code',
  body: (fault) => withMembers({ error: fault.code }, fault),
});

/** The page's 429: `{"error":"RATE_LIMITED","retry_after":60}`; `retry_after` when the wait is known. */
export const flatRateLimitEnvelope: Envelope = /* @__PURE__ */ defineEnvelope({
  name: 'reason-details/flat-rate-limit',
  body: (fault) => withMembers(fault.retryAfter === undefined ? { error: fault.code } : { error: fault.code, retry_after: fault.retryAfter }, fault),
});

/** The x402 protocol version the page documents (`"x402Version": 1`). */
export const X402_VERSION = 1;

/**
 * The page's 402, an x402 (v1) `PaymentRequiredResponse`: `{"x402Version":1,"accepts":[...],"error":"Payment Required"}`.
 * `accepts` and `x402Version` come from `x402PaymentRequired()`; `error` is the message.
 */
export const x402Envelope: Envelope = /* @__PURE__ */ defineEnvelope({
  name: 'reason-details/x402',
  body(fault) {
    const version = fault.extras?.x402Version;
    const accepts = fault.extras?.accepts;
    return withMembers(
      {
        x402Version: typeof version === 'number' ? version : X402_VERSION,
        accepts: Array.isArray(accepts) ? accepts : [],
        error: fault.message,
      },
      fault,
    );
  },
});

/** One x402 v1 `PaymentRequirements` entry of `accepts`: how the client may pay. */
export interface X402PaymentRequirements {
  readonly scheme: string;
  readonly network: string;
  readonly maxAmountRequired: string;
  readonly resource: string;
  readonly description: string;
  readonly mimeType: string;
  readonly payTo: string;
  readonly maxTimeoutSeconds: number;
  readonly asset: string;
  readonly outputSchema?: { readonly [key: string]: JsonValue };
  readonly extra?: { readonly [key: string]: JsonValue };
}

export interface X402PaymentRequiredInit {
  /**
   * The request's `X-PAYMENT` header, as the framework gives it (`req.get('x-payment')`,
   * `c.req.header('x-payment')`). Absent or empty: the client asked for the requirements
   * (`PAYMENT_REQUIRED`); present: its payment was rejected (`PAYMENT_REJECTED`).
   */
  readonly payment?: string | readonly string[] | null;
  /** Why a payment was rejected (`insufficient_funds`); becomes `error`. Default `Payment Required`. */
  readonly reason?: string;
}

/**
 * The x402 gateway's 402. The page documents one body for both situations, so both leave as
 * `{"x402Version":1,"accepts":[...],"error":"Payment Required"}` unless a rejection `reason` is
 * given; the header decides the machine code, which `onError` and `.is()` checks see.
 */
export function x402PaymentRequired(
  accepts: readonly X402PaymentRequirements[],
  init: X402PaymentRequiredInit = {},
): HttpError<'PAYMENT_REQUIRED' | 'PAYMENT_REJECTED'> {
  const sent = Array.isArray(init.payment) ? init.payment.length > 0 : typeof init.payment === 'string' && init.payment !== '';
  return new HttpError(402, sent && init.reason !== undefined && init.reason !== '' ? init.reason : 'Payment Required', {
    code: sent ? 'PAYMENT_REJECTED' : 'PAYMENT_REQUIRED',
    extras: { x402Version: X402_VERSION, accepts },
  });
}

/** The documented details texts, the page's codes and descriptions. */
export const reasonDetailsErrors = /* @__PURE__ */ defineErrors({
  BAD_REQUEST: { status: 400, message: 'Bad Request', description: 'Invalid request format.' },
  UNAUTHORIZED: { status: 401, message: 'Access token is missing or invalid', description: 'Authentication failed.' },
  FORBIDDEN: { status: 403, message: 'Forbidden', description: 'No permission (WebUI).' },
  NOT_FOUND: { status: 404, message: 'The specified resource was not found', description: 'Resource doesn’t exist.' },
  INSUFFICIENT_FUNDS: {
    status: 409,
    message: 'Unable to process request due to the lack of funds',
    description: 'State conflict (usually insufficient funds): storage exceeds free tier without credits.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Payload Too Large', description: 'Request body too big.' },
  RATE_LIMITED: { status: 429, message: 'Too Many Requests', description: 'Rate limited.' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'An unexpected error occurred', description: 'Unexpected error.' },
  /**
   * The x402 gateway's 500 code. Exposed so its code shows, with the page's generic details: pass
   * no message of your own unless it is safe for clients.
   */
  INTERNAL_ERROR: { status: 500, message: 'An unexpected error occurred', expose: true, description: 'Server error (x402 gateway).' },
});

/** The IPFS pinning service: reason/details bodies, the flat 413 and 429, the x402 402. */
export const reasonDetailsPreset: Preset = /* @__PURE__ */ (() => Object.freeze({
  name: 'reason-details',
  envelope: 'reason-details',
  variants: Object.freeze({ 402: x402Envelope, 413: flatCodeEnvelope, 429: flatRateLimitEnvelope }),
  codes: Object.freeze({ 429: 'RATE_LIMITED' }),
  messages: Object.freeze({
    401: 'Access token is missing or invalid',
    404: 'The specified resource was not found',
    500: 'An unexpected error occurred',
  }),
  challenge: 'Bearer',
}))();
