import { DEBUG_MEMBERS, DELAY_SECONDS, DRAFT_2020_12, ISSUE_LIST, MACHINE_CODE, type JsonSchema } from './schema.js';

/** `{"error":"Unauthorized","message":"…","code":"INVALID_API_KEY"}`, with `details` and `retryAfter`. */
export const errorMessageCodeSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:error-message-code',
  title: 'faultline error-message-code error',
  type: 'object',
  required: ['error', 'message', 'code'],
  properties: {
    error: { type: 'string', minLength: 1, description: 'The reason phrase of the status' },
    message: { type: 'string' },
    code: MACHINE_CODE,
    details: ISSUE_LIST,
    retryAfter: DELAY_SECONDS,
    ...DEBUG_MEMBERS,
  },
  additionalProperties: true,
}))();
