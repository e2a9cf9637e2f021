import type { ErrorObject } from 'ajv';

/** The body the ok-path benchmark posts and validates: a pin, as the example API takes it. */
export const PIN_SCHEMA = {
  type: 'object',
  required: ['cid', 'name'],
  additionalProperties: false,
  properties: {
    cid: { type: 'string', minLength: 1, maxLength: 128 },
    name: { type: 'string', maxLength: 255 },
    meta: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

export const PIN_BODY = JSON.stringify({ cid: 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', name: 'pin-42', meta: { app: 'bench' } });

/** A pin the schema refuses twice: a number for a cid, and a member it does not allow. */
export const BAD_PIN_BODY = JSON.stringify({ cid: 42, name: 'pin-42', color: 'red' });

/**
 * What a hand-written ajv → 400 handler sends: the problem-details body faultline sends for the
 * same failure (the benchmark checks the bytes are equal), built straight from ajv's errors.
 */
export function validationBody(errors: readonly ErrorObject[]): string {
  return JSON.stringify({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'Request validation failed',
    // The keyword and its parameters, as faultline lists them: only the schema's values (the name of
    // a member that is not allowed comes from the request, and is in the pointer).
    errors: errors.map((error) =>
      error.keyword === 'additionalProperties'
        ? {
            detail: 'is not allowed',
            pointer: `#${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`,
            code: error.keyword,
            params: {},
          }
        : { detail: error.message, pointer: `#${error.instancePath}`, code: error.keyword, params: error.params },
    ),
  });
}
