// The schemas the validation contract routes use: shaped like the example pins API.

export const pinsBody = {
  type: 'object',
  required: ['pins'],
  properties: {
    pins: {
      type: 'array',
      maxItems: 10000,
      items: {
        type: 'object',
        required: ['cid'],
        properties: { cid: { type: 'string', minLength: 1 }, name: { type: 'string', maxLength: 255 } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export const searchQuery = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    tags: { type: 'array', items: { type: 'string' } },
    since: { type: 'string', format: 'date-time' },
  },
  additionalProperties: false,
} as const;

export const itemParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const versionHeaders = {
  type: 'object',
  required: ['x-api-version'],
  properties: { 'x-api-version': { enum: ['1', '2'] } },
} as const;

/** Field names that need escaping in a JSON pointer (`/` → `~1`, `~` → `~0`) and in a URI fragment. */
export const awkwardBody = {
  type: 'object',
  required: ['a/b', 'm~n', 'with space'],
  properties: { 'a/b': { type: 'string' }, 'm~n': { type: 'string' }, 'with space': { type: 'string' } },
} as const;
