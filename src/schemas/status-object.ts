import { DEBUG_MEMBERS, DRAFT_2020_12, ERROR_STATUS, ISSUE_LIST, type JsonSchema } from './schema.js';

/** `{"status":{"code":401,"text":"Unauthorized","message":"…"}}`, field issues in a top-level `errors`. */
export const statusObjectSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:status-object',
  title: 'faultline status-object error',
  type: 'object',
  required: ['status'],
  properties: {
    status: {
      type: 'object',
      required: ['code', 'text', 'message'],
      properties: {
        code: ERROR_STATUS,
        text: { type: 'string', minLength: 1 },
        message: { type: 'string' },
      },
      additionalProperties: false,
    },
    errors: ISSUE_LIST,
    ...DEBUG_MEMBERS,
  },
  additionalProperties: true,
}))();
