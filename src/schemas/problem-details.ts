import { QUOTA_EXCEEDED } from '../envelopes/problem-details.js';
import { DEBUG_MEMBERS, DRAFT_2020_12, ERROR_STATUS, ISSUE_LOCATION, ISSUE_PARAMS, MACHINE_CODE, type JsonSchema } from './schema.js';

/**
 * RFC 9457 problem details as faultline writes them: `type`, `title`, `status` and `detail` always;
 * the `code` extension member; field issues as the `errors` array of RFC 9457 §3 (`detail` and a
 * `pointer` into the request, `in` when not the body); a 429 is the RateLimit draft's
 * `quota-exceeded` problem with `violated-policies`. Extension members are open (RFC 9457 §3.2).
 * Without `typeBase`: with it, `problemDetailsSchemaFor(typeBase)`.
 */
export const problemDetailsSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: DRAFT_2020_12,
  $id: 'urn:faultline:envelope:problem-details',
  title: 'faultline problem details (RFC 9457)',
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string', minLength: 1 },
    status: ERROR_STATUS,
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference' },
    code: MACHINE_CODE,
    'violated-policies': { type: 'array', minItems: 1, items: { type: 'string' } },
    errors: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['detail', 'pointer', 'code', 'params'],
        properties: {
          detail: { type: 'string' },
          pointer: { type: 'string', pattern: '^#(/([^~/]|~[01])*)*$' },
          in: ISSUE_LOCATION,
          code: { type: 'string' },
          params: ISSUE_PARAMS,
        },
        additionalProperties: false,
      },
    },
    ...DEBUG_MEMBERS,
  },
  additionalProperties: true,
  if: { properties: { status: { const: 429 } } },
  // oxlint-disable-next-line unicorn/no-thenable -- `then` is the JSON Schema keyword, not a Promise method
  then: {
    required: ['violated-policies'],
    properties: { type: { const: QUOTA_EXCEEDED.type }, title: { const: QUOTA_EXCEEDED.title } },
  },
  else: { properties: { type: { const: 'about:blank' } }, not: { required: ['violated-policies'] } },
}))();

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const byBase = new Map<string, JsonSchema>();

/**
 * The schema of problem details written with `typeBase`: `type` is also `typeBase` followed by a
 * documented code's slug (`https://docs.example.com/errors/insufficient-funds`), which a 429 may
 * carry instead of the quota-exceeded type (with the status's title). One object per base.
 */
export function problemDetailsSchemaFor(typeBase?: string): JsonSchema {
  if (typeBase === undefined) return problemDetailsSchema;
  let schema = byBase.get(typeBase);
  if (schema === undefined) {
    const documented: JsonSchema = { type: 'string', pattern: `^${typeBase.replace(REGEX_SPECIAL, '\\$&')}[a-z0-9]+(-[a-z0-9]+)*$` };
    schema = {
      ...problemDetailsSchema,
      // oxlint-disable-next-line unicorn/no-thenable -- `then` is the JSON Schema keyword, not a Promise method
      then: {
        required: ['violated-policies'],
        anyOf: [{ properties: { type: { const: QUOTA_EXCEEDED.type }, title: { const: QUOTA_EXCEEDED.title } } }, { properties: { type: documented } }],
      },
      else: { properties: { type: { anyOf: [{ const: 'about:blank' }, documented] } }, not: { required: ['violated-policies'] } },
    };
    byBase.set(typeBase, schema);
  }
  return schema;
}
