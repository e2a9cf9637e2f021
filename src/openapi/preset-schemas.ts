import type { Envelope } from '../envelopes/envelope.js';
import { flatCodeEnvelope, flatRateLimitEnvelope, x402Envelope } from '../presets/reason-details.js';
import { numericCodeFormEnvelope } from '../presets/numeric-code.js';
import { numericCodeSchema } from '../schemas/numeric-code.js';
import { DEBUG_MEMBERS, DELAY_SECONDS, DRAFT_2020_12, MACHINE_CODE, type JsonSchema } from '../schemas/schema.js';

/*
 * The presets' own envelopes are custom envelopes: `envelopeSchemas` has no entry for them, so
 * their schemas live here, beside the only code that needs them. test/openapi validates every
 * body the presets render against these.
 */

/** The IPFS pinning service's 413: `{"error":"PAYLOAD_TOO_LARGE"}`. */
export const flatCodeSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:reason-details:flat-code',
  title: 'faultline reason-details error, flat (the machine code alone)',
  type: 'object',
  required: ['error'],
  properties: { error: MACHINE_CODE, ...DEBUG_MEMBERS },
  additionalProperties: true,
}))();

/** The IPFS pinning service's 429: `{"error":"RATE_LIMITED","retry_after":60}`. */
export const flatRateLimitSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:reason-details:flat-rate-limit',
  title: 'faultline reason-details rate-limit refusal, flat',
  type: 'object',
  required: ['error'],
  properties: { error: MACHINE_CODE, retry_after: DELAY_SECONDS, ...DEBUG_MEMBERS },
  additionalProperties: true,
}))();

/** The IPFS pinning service's x402 gateway 402, an x402 v1 `PaymentRequiredResponse`: `{"x402Version":1,"accepts":[...],"error":"Payment Required"}`. */
export const x402Schema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:reason-details:x402',
  title: 'x402 (v1) PaymentRequiredResponse',
  type: 'object',
  required: ['x402Version', 'accepts', 'error'],
  properties: {
    x402Version: { type: 'integer', minimum: 1 },
    accepts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['scheme', 'network', 'maxAmountRequired', 'resource', 'description', 'mimeType', 'payTo', 'maxTimeoutSeconds', 'asset'],
        properties: {
          scheme: { type: 'string' },
          network: { type: 'string' },
          maxAmountRequired: { type: 'string', pattern: '^[0-9]+$' },
          resource: { type: 'string' },
          description: { type: 'string' },
          mimeType: { type: 'string' },
          payTo: { type: 'string' },
          maxTimeoutSeconds: { type: 'integer', minimum: 0 },
          asset: { type: 'string' },
          outputSchema: { type: 'object' },
          extra: { type: 'object' },
        },
      },
    },
    error: { type: 'string' },
    ...DEBUG_MEMBERS,
  },
  additionalProperties: true,
}))();

/** The schema of each preset envelope, by identity. */
export const PRESET_ENVELOPE_SCHEMAS: ReadonlyMap<Envelope, JsonSchema> = /* @__PURE__ */ new Map<Envelope, JsonSchema>([
  [flatCodeEnvelope, flatCodeSchema],
  [flatRateLimitEnvelope, flatRateLimitSchema],
  [x402Envelope, x402Schema],
  // The numeric-code reference's envelope writes numeric-code bodies, with its own message for form errors.
  [numericCodeFormEnvelope, numericCodeSchema],
]);
