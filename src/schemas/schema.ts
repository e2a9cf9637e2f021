/** A JSON Schema (draft 2020-12) document or subschema, as plain data. */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/**
 * A machine code as normalize keeps it (`INSUFFICIENT_FUNDS`, `missing_scope`, `2fa_required`):
 * anything else thrown as a code is replaced by the status's default, so a message can never
 * reach a client disguised as a code. Kept in step with `fault-input.ts` by test/schemas.
 */
export const MACHINE_CODE: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$' };

/** An HTTP error status: only 400–599 leave as errors. */
export const ERROR_STATUS: JsonSchema = { type: 'integer', minimum: 400, maximum: 599 };

/** `Retry-After` as delay-seconds (RFC 9110 §10.2.3), repeated in a body. */
export const DELAY_SECONDS: JsonSchema = { type: 'integer', minimum: 0 };

/** An RFC 6901 JSON pointer: `''` (the whole location) or `/token/token`, `~` and `/` escaped. */
export const JSON_POINTER: JsonSchema = { type: 'string', pattern: '^(/([^~/]|~[01])*)*$' };

export const ISSUE_LOCATION: JsonSchema = { enum: ['body', 'query', 'params', 'headers'] };

/**
 * A field issue's `params`: the failed rule's parameters, named as ajv names them (`limit`,
 * `type`, `allowedValues`, `format`, …), each a string, number or boolean or a short list of them.
 * Only keywords OpenAPI 3.0 shares with JSON Schema, as the schema also goes into OpenAPI documents.
 */
const SCALAR: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

export const ISSUE_PARAMS: JsonSchema = {
  type: 'object',
  maxProperties: 8,
  additionalProperties: { anyOf: [SCALAR, { type: 'array', maxItems: 32, items: SCALAR }] },
};

/** The flat issue list of the error-message-code (`details`) and status-object (`errors`) styles. */
export const ISSUE_LIST: JsonSchema = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['field', 'in', 'code', 'message', 'params'],
    properties: {
      field: JSON_POINTER,
      in: ISSUE_LOCATION,
      code: { type: 'string' },
      message: { type: 'string' },
      params: ISSUE_PARAMS,
    },
    additionalProperties: false,
  },
};

/**
 * Members every envelope may add in debug mode. Extra members (`extras`) are open: each envelope's
 * top level allows additional properties; only the members an envelope defines are constrained.
 */
export const DEBUG_MEMBERS = {
  stack: { type: 'string' },
  cause: true,
} as const satisfies Record<string, JsonSchema | boolean>;
