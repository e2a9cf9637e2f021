import { DEBUG_MEMBERS, DELAY_SECONDS, DRAFT_2020_12, type JsonSchema } from './schema.js';

/**
 * `{"message":"…","code":50014}`. Field issues are a nested `errors` object: one key per pointer
 * token (array indexes as keys) and an `_errors` array at each failing field.
 */
export const numericCodeSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:numeric-code',
  title: 'faultline numeric-code error',
  type: 'object',
  required: ['message', 'code'],
  properties: {
    message: { type: 'string' },
    code: { type: 'integer' },
    errors: { $ref: '#/$defs/errorNode' },
    retry_after: DELAY_SECONDS,
    global: { type: 'boolean' },
    ...DEBUG_MEMBERS,
  },
  dependentRequired: { retry_after: ['global'] },
  additionalProperties: true,
  $defs: {
    errorNode: {
      type: 'object',
      properties: {
        _errors: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', pattern: '^[A-Z0-9_]*$' },
              message: { type: 'string' },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: { $ref: '#/$defs/errorNode' },
    },
  },
}))();
