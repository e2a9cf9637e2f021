import { DEBUG_MEMBERS, DELAY_SECONDS, DRAFT_2020_12, MACHINE_CODE, type JsonSchema } from './schema.js';

/**
 * `{"error":{"reason":"UNAUTHORIZED","details":"…"}}`. Every body this accepts is a valid IPFS
 * Pinning Service API `Failure` (`error` required, `error.reason` a required string,
 * `error.details` a string); it is stricter: `details` is always present, `reason` is a machine
 * code, and `error` has no other member. A rate-limit refusal's `retry_after` and extra members
 * sit beside `error`, where `Failure` (an OpenAPI object, open by default) allows them.
 */
export const reasonDetailsSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:reason-details',
  title: 'faultline reason-details error (IPFS Pinning Service API Failure)',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['reason', 'details'],
      properties: {
        reason: MACHINE_CODE,
        details: { type: 'string' },
      },
      additionalProperties: false,
    },
    retry_after: DELAY_SECONDS,
    ...DEBUG_MEMBERS,
  },
  additionalProperties: true,
}))();
