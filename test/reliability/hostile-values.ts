import * as fc from 'fast-check';
import { HttpError } from '../../src/index.js';

/**
 * Arbitrary thrown values for the property tests. fast-check generates a *recipe* (plain data it
 * can print and shrink) and `build` turns it into the hostile value at request time, inside the
 * route: a Proxy or a throwing getter would break fast-check's own reporting if it were the value.
 */

/** One character of a hostile string: CR, LF, NUL, lone surrogates, quotes, pointer escapes, anything. */
const hostileChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\r', '\n', '\r\n', '\0', '\ud800', '\udfff', '"', '\\', '~', '/', '\u2028', '\x7f', ' ') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

export const hostileString = fc.string({ unit: hostileChar, maxLength: 40 });

/** Header field names an error might carry: protocol ones, dangerous ones, and nonsense. */
const headerNameArb = fc.oneof(
  fc.constantFrom(
    'WWW-Authenticate', 'Allow', 'Retry-After', 'Content-Range', 'Upgrade', 'Link', 'RateLimit',
    'Set-Cookie', 'Location', 'Content-Length', 'Transfer-Encoding', 'Connection', 'Content-Type',
    'X-Powered-By', 'Access-Control-Allow-Origin', 'retry-after', '__proto__', 'constructor',
  ),
  hostileString,
);

const headerValueArb = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.constant('Bearer\r\nSet-Cookie: pwned=1'),
  fc.constant(null),
);

export type HeaderPairs = [name: string, value: unknown][];
const headersArb: fc.Arbitrary<HeaderPairs> = fc.array(fc.tuple(headerNameArb, headerValueArb), { maxLength: 5 });

/** A status-like value: real error statuses, edges, and garbage. */
const statusArb = fc.oneof(
  fc.integer({ min: 400, max: 599 }),
  fc.constantFrom(0, -1, 99, 100, 200, 204, 304, 399, 600, 1000, 4.5, NaN, Infinity, 2 ** 53),
  fc.constantFrom('404', 'abc', '', null, true),
  fc.integer(),
);

/** Any value an own property may hold: anything fast-check makes (BigInt, Dates, Maps, null-prototype objects, …). */
const anyValue = fc.anything({
  withBigInt: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
  stringUnit: hostileChar,
  maxDepth: 3,
});

/** What a property holds: a plain value, or one of the traps built at request time. */
export type Field =
  | { readonly value: unknown }
  | { readonly trap: 'throwing-getter' | 'circular' | 'revoked-proxy' | 'throwing-proxy' }
  | { readonly symbol: string }
  | { readonly headers: HeaderPairs }
  | { readonly long: string; readonly length: number };

const longArb = fc.record({ long: fc.constantFrom('x', '\r\n', '\ud800', 'é', '\0'), length: fc.integer({ min: 3000, max: 120_000 }) });

const fieldArb: fc.Arbitrary<Field> = fc.oneof(
  { weight: 6, arbitrary: anyValue.map((value) => ({ value })) },
  { weight: 3, arbitrary: statusArb.map((value) => ({ value })) },
  { weight: 3, arbitrary: hostileString.map((value) => ({ value })) },
  { weight: 2, arbitrary: headersArb.map((headers) => ({ headers })) },
  { weight: 1, arbitrary: fc.constantFrom('throwing-getter', 'circular', 'revoked-proxy', 'throwing-proxy').map((trap) => ({ trap: trap as 'circular' })) },
  { weight: 1, arbitrary: hostileString.map((symbol) => ({ symbol })) },
  { weight: 1, arbitrary: longArb },
);

/** The property names errors are read by, and others. */
const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('status', 'statusCode', 'headers', 'expose', 'code', 'details', 'message', 'stack', 'cause', 'name', 'numericCode', 'retryAfter', 'type', 'errors', 'data', 'isBoom', 'output', 'toJSON', 'then', '__proto__', 'constructor', 'instancePath', 'keyword', 'msBeforeNext', 'remainingPoints', 'consumedPoints') },
  { weight: 1, arbitrary: hostileString },
);

export type Wrap = 'freeze' | 'null-prototype' | 'proxy' | 'circular';
const wrapsArb: fc.Arbitrary<Wrap[]> = fc.subarray(['null-prototype', 'circular', 'freeze', 'proxy'] as Wrap[]);

// Names the envelopes use for their own optional members. `extras` are the developer's members (a
// thrown value cannot bring them), and one named like an absent envelope member takes its place
// with another shape (`details: 'x'` where error-message-code puts an issue list); not fuzzed here.
const RESERVED = new Set(['details', 'errors', 'retryAfter', 'retry_after', 'global', 'code', 'violated-policies', 'stack', 'cause', 'instance']);

export type Recipe =
  | { readonly kind: 'value'; readonly field: Field }
  | { readonly kind: 'error' | 'object'; readonly props: [string, Field][]; readonly wraps: Wrap[] }
  | { readonly kind: 'http-error'; readonly status: number; readonly message: string; readonly init: Record<string, unknown>; readonly headers: HeaderPairs }
  | { readonly kind: 'ajv'; readonly items: { instancePath: string; keyword: string; message: unknown; params: unknown }[] }
  | { readonly kind: 'rate-limiter'; readonly ms: number; readonly remaining: number; readonly consumed: number; readonly union: boolean }
  | { readonly kind: 'boom'; readonly status: unknown; readonly message: unknown; readonly headers: HeaderPairs }
  | { readonly kind: 'nest'; readonly status: Field; readonly response: Field }
  | { readonly kind: 'hono'; readonly status: number; readonly message: string; readonly headers: [string, string][] }
  | { readonly kind: 'family'; readonly fields: Record<string, unknown> };

// Half the objects carry a real error status (and maybe headers and expose), so the exposed path,
// where a thrown value's own headers and code can reach the response, is fuzzed as hard as the hidden one.
const propsArb: fc.Arbitrary<[string, Field][]> = fc
  .tuple(
    fc.option(fc.tuple(fc.constantFrom('status', 'statusCode'), fc.integer({ min: 400, max: 599 }).map((value): Field => ({ value }))), { freq: 2 }),
    fc.option(fc.tuple(fc.constant('headers'), headersArb.map((headers): Field => ({ headers })))),
    fc.option(fc.tuple(fc.constant('expose'), fc.boolean().map((value): Field => ({ value })))),
    fc.array(fc.tuple(keyArb, fieldArb), { maxLength: 8 }),
  )
  .map(([status, headers, expose, rest]) => [status, headers, expose, ...rest].filter((p): p is [string, Field] => p !== null));

// A path as schema libraries write it: keys, indexes, `{ key }` segments, and anything else.
const pathArb = fc.array(fc.oneof(hostileString, fc.nat(), fc.record({ key: fc.oneof(hostileString, fc.nat(), anyValue) }), anyValue), { maxLength: 4 });

/**
 * The markers of the families faultline recognises by name and code (what apps throw), with the
 * rest of each error hostile: the recogniser is chosen, then must cope with what it reads.
 */
const familyArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ isAxiosError: fc.constant(true), code: fc.oneof(hostileString, fc.constantFrom('ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED')), config: anyValue, response: fc.record({ status: statusArb, headers: anyValue, data: anyValue }) }),
  fc.record({ name: fc.constant('FetchError'), cause: anyValue, type: fc.oneof(hostileString, fc.constant('request-timeout')), status: statusArb }),
  fc.record({ name: fc.constantFrom('HTTPError', 'TimeoutError'), request: fc.record({ url: hostileString }), options: anyValue, timings: anyValue, response: anyValue }),
  fc.record({ name: fc.constant('HttpError'), status: statusArb, request: fc.record({ url: hostileString, headers: anyValue }) }),
  fc.record({ code: fc.oneof(fc.constantFrom('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_SOCKET'), hostileString.map((s) => `UND_ERR_${s}`)), statusCode: statusArb }),
  fc.record({ name: fc.constant('ZodError'), issues: fc.array(fc.record({ code: fc.oneof(hostileString, fc.constantFrom('invalid_type', 'too_small', 'too_big', 'unrecognized_keys', 'invalid_value', 'invalid_format', 'custom')), path: pathArb, message: fc.oneof(hostileString, anyValue), keys: fc.oneof(fc.array(hostileString), anyValue), minimum: anyValue, values: anyValue, origin: anyValue, format: anyValue }), { maxLength: 4 }) }),
  fc.record({ name: fc.constant('ValiError'), issues: fc.array(fc.record({ kind: fc.constantFrom('schema', 'validation'), type: fc.oneof(hostileString, fc.constantFrom('min_length', 'strict_object', 'regex', 'picklist')), path: fc.array(fc.record({ key: anyValue, origin: fc.constantFrom('key', 'value') }), { maxLength: 3 }), message: hostileString, requirement: anyValue, input: anyValue, expected: anyValue }), { maxLength: 4 }) }),
  fc.record({ issues: fc.array(fc.record({ message: fc.oneof(hostileString, anyValue), path: pathArb, code: anyValue }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ code: fc.oneof(fc.constantFrom('23505', '23503', '22P02'), hostileString), severity: fc.constant('ERROR'), detail: fc.oneof(hostileString, hostileString.map((s) => `Key (${s})=(${s}) already exists.`)), constraint: hostileString, table: hostileString }),
  fc.record({ code: fc.constantFrom('ER_DUP_ENTRY', 'ER_NO_REFERENCED_ROW_2', 'ER_ROW_IS_REFERENCED_2'), errno: fc.constantFrom(1062, 1452, 1451, 1216, 1217), sqlMessage: fc.oneof(hostileString, hostileString.map((s) => `FOREIGN KEY (\`${s}\`) REFERENCES`)), sql: hostileString }),
  fc.record({ code: fc.constantFrom('SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_FOREIGNKEY', 'SQLITE_CONSTRAINT', 'ERR_SQLITE_ERROR'), errcode: fc.constantFrom(2067, 1555, 787, 19), message: fc.oneof(hostileString, hostileString.map((s) => `UNIQUE constraint failed: ${s}`)) }),
  fc.record({ name: fc.constantFrom('MongoServerError', 'MongoBulkWriteError'), code: fc.constantFrom(11000, 11001), keyValue: fc.oneof(fc.dictionary(hostileString, anyValue, { maxKeys: 3 }), anyValue) }),
  fc.record({ name: fc.constantFrom('ValidationError', 'CastError'), kind: hostileString, path: hostileString, errors: fc.dictionary(hostileString, fc.record({ kind: hostileString, path: hostileString, name: fc.constantFrom('ValidatorError', 'CastError'), properties: anyValue }), { maxKeys: 3 }) }),
  fc.record({ name: fc.constant('PrismaClientKnownRequestError'), code: fc.constantFrom('P2002', 'P2003', 'P2025', 'P2000'), meta: fc.record({ target: fc.oneof(fc.array(hostileString, { maxLength: 3 }), hostileString, anyValue) }) }),
  fc.record({ name: fc.constant('MulterError'), code: fc.oneof(fc.constantFrom('LIMIT_FILE_SIZE', 'LIMIT_UNEXPECTED_FILE', 'LIMIT_PART_COUNT'), hostileString), field: fc.oneof(hostileString, anyValue) }),
  fc.record({ name: fc.constant('UnauthorizedError'), status: fc.constant(401), code: fc.oneof(fc.constantFrom('invalid_token', 'credentials_required', 'credentials_bad_format', 'revoked_token'), hostileString), inner: fc.record({ name: hostileString, message: hostileString }) }),
  fc.record({ code: fc.oneof(fc.constantFrom('ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWKS_TIMEOUT', 'ERR_JOSE_GENERIC'), hostileString.map((s) => `ERR_JW${s}`)), claim: fc.oneof(hostileString, fc.constantFrom('aud', 'nbf')) }),
  fc.record({ status: statusArb, errors: fc.array(fc.record({ path: fc.oneof(hostileString, hostileString.map((s) => `/body/${s}`)), message: hostileString, errorCode: fc.oneof(hostileString, fc.constant('type.openapi.validation')) }), { minLength: 1, maxLength: 4 }), headers: headersArb.map((pairs) => Object.fromEntries(pairs)) }),
);

export const recipeArb: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 3, arbitrary: familyArb.map((fields) => ({ kind: 'family' as const, fields })) },
  { weight: 3, arbitrary: fieldArb.map((field) => ({ kind: 'value' as const, field })) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('error' as const), props: propsArb, wraps: wrapsArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('object' as const), props: propsArb, wraps: wrapsArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('http-error' as const),
      status: fc.oneof(fc.integer({ min: 400, max: 599 }), fc.integer()),
      message: hostileString,
      headers: headersArb,
      init: fc.record(
        {
          code: hostileString,
          numericCode: fc.oneof(fc.integer(), fc.double()),
          expose: fc.boolean(),
          retryAfter: fc.oneof(fc.nat(), fc.double()),
          allow: fc.array(hostileString, { maxLength: 3 }),
          issues: fc.array(
            fc.record({
              location: fc.constantFrom('body', 'query', 'params', 'headers'),
              pointer: fc.array(hostileString, { maxLength: 3 }).map((tokens) => tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')),
              keyword: hostileString,
              message: hostileString,
            }),
            { maxLength: 4 },
          ),
          extras: fc.dictionary(hostileString.filter((k) => !RESERVED.has(k)), anyValue, { maxKeys: 3 }),
          stack: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('ajv' as const),
      items: fc.array(
        fc.record({
          instancePath: fc.oneof(hostileString, fc.constantFrom('', '/pins/0', '/a~1b')),
          keyword: fc.oneof(hostileString, fc.constantFrom('required', 'additionalProperties', 'unevaluatedProperties', 'type')),
          message: fc.oneof(hostileString, anyValue),
          params: fc.oneof(fc.record({ missingProperty: hostileString }), fc.record({ additionalProperty: hostileString }), anyValue),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rate-limiter' as const),
      ms: fc.oneof(fc.double(), fc.integer({ min: 0, max: 10 ** 9 })),
      remaining: fc.double(),
      consumed: fc.double(),
      union: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('boom' as const), status: statusArb, message: fc.oneof(hostileString, anyValue), headers: headersArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), status: fieldArb, response: fieldArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hono' as const),
      status: statusArb.filter((s): s is number => typeof s === 'number'),
      message: hostileString,
      headers: fc.array(fc.tuple(fc.constantFrom('WWW-Authenticate', 'Set-Cookie', 'Retry-After', 'X-Anything'), hostileString), { maxLength: 3 }),
    }),
  },
);

function leak(): never {
  throw new Error('trap sprung');
}

function fieldValue(field: Field, owner: object): unknown {
  if ('value' in field) return field.value;
  if ('symbol' in field) return Symbol(field.symbol);
  if ('long' in field) return field.long.repeat(Math.ceil(field.length / field.long.length));
  if ('headers' in field) return Object.fromEntries(field.headers);
  switch (field.trap) {
    case 'circular':
      return owner;
    case 'revoked-proxy': {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 'throwing-proxy':
      return new Proxy({}, { get: leak, has: leak, ownKeys: leak, getPrototypeOf: leak, getOwnPropertyDescriptor: leak });
    case 'throwing-getter':
      return undefined;
  }
}

function withProps(target: object, props: [string, Field][]): object {
  for (const [key, field] of props) {
    try {
      if ('trap' in field && field.trap === 'throwing-getter') {
        Object.defineProperty(target, key, { get: leak, enumerable: true, configurable: true });
      } else {
        Object.defineProperty(target, key, { value: fieldValue(field, target), enumerable: true, configurable: true, writable: true });
      }
    } catch {
      // A frozen value or a non-configurable own property: keep what could be set.
    }
  }
  return target;
}

function wrap(value: object, wraps: Wrap[]): object {
  let out = value;
  if (wraps.includes('circular')) (out as Record<string, unknown>).self = out;
  if (wraps.includes('freeze')) Object.freeze(out);
  // A transparent Proxy: every read goes through a trap, as with ORMs' lazy entities.
  if (wraps.includes('proxy')) out = new Proxy(out, {});
  return out;
}

/** The hostile value a recipe describes, made fresh at request time. */
export function build(recipe: Recipe): unknown {
  switch (recipe.kind) {
    case 'value':
      return fieldValue(recipe.field, {});
    case 'error':
    case 'object': {
      const base: object =
        recipe.kind === 'error' ? new Error('generated') : recipe.wraps.includes('null-prototype') ? (Object.create(null) as object) : {};
      return wrap(withProps(base, recipe.props), recipe.wraps);
    }
    case 'http-error':
      return new HttpError(recipe.status, recipe.message, { ...recipe.init, headers: Object.fromEntries(recipe.headers) as Record<string, string> });
    case 'ajv':
      return recipe.items.map((item) => ({ ...item, schemaPath: '#/x' }));
    case 'rate-limiter': {
      const res = { msBeforeNext: recipe.ms, remainingPoints: recipe.remaining, consumedPoints: recipe.consumed, isFirstInDuration: false };
      return recipe.union ? { burst: res, daily: { ...res, msBeforeNext: recipe.ms * 2 } } : res;
    }
    case 'boom':
      return Object.assign(new Error('boom'), {
        isBoom: true,
        output: { statusCode: recipe.status, payload: { message: recipe.message }, headers: Object.fromEntries(recipe.headers) },
      });
    case 'nest': {
      const error = new Error('nest');
      return Object.assign(error, { getStatus: () => fieldValue(recipe.status, error), getResponse: () => fieldValue(recipe.response, error) });
    }
    case 'hono': {
      const headers = new Headers();
      for (const [name, value] of recipe.headers) {
        try {
          headers.append(name, value);
        } catch {
          // Headers refuses CR/LF itself; the recogniser must cope with what it accepted.
        }
      }
      return Object.assign(new Error(recipe.message), { status: recipe.status, res: { headers }, getResponse: () => ({}) });
    }
    case 'family':
      // Own properties over Error's: `name` and `message` as the family has them.
      return Object.defineProperties(new Error('generated'), Object.fromEntries(Object.entries(recipe.fields).map(([key, value]) => [key, { value, enumerable: true, configurable: true, writable: true }])));
  }
}
