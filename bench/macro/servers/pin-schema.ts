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
