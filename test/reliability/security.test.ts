// The security review of what a thrown value can put on the wire, on every adapter: prototype keys
// anywhere in what was thrown, hostile names and values in every standard error header, and the
// quoting of challenge parameters. (The issue flood is in test/validation/contract.ts.)
import createError from 'http-errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultline, errors, type EnvelopeName } from '../../src/index.js';
import { authChallenge } from '../../src/kit.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { rawRequest, type RawResponse } from './raw-request.js';

const POLLUTED = ['polluted', 'isAdmin', 'status', 'expose'] as const;

/** The prototype every object in this process inherits from: nothing may have been added to it. */
function expectCleanPrototype(): void {
  for (const key of POLLUTED) expect(Object.hasOwn(Object.prototype, key), key).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Thrown values with `__proto__`, `constructor` and `prototype` keys, as JSON.parse makes them (own properties). */
const PROTOTYPE_THROWERS: Readonly<Record<string, () => unknown>> = {
  // A plain object whose own `__proto__` says 200 and unexposed: its own status and expose win.
  'own-members': () => JSON.parse('{"status":409,"message":"Duplicate","expose":true,"__proto__":{"status":200,"expose":false,"polluted":true}}'),
  extras: () =>
    errors.conflict('Duplicate', {
      extras: JSON.parse('{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},"kept":1}'),
    }),
  issues: () =>
    errors.badRequest('Invalid', {
      issues: JSON.parse(
        '[{"location":"body","pointer":"/__proto__/polluted","keyword":"type","message":"must be string","__proto__":{"location":"headers"}},' +
          '{"location":"body","pointer":"/constructor/prototype","keyword":"type","message":"must be string"}]',
      ),
    }),
  'ajv-errors': () => JSON.parse('[{"instancePath":"/__proto__/polluted","keyword":"type","params":{"__proto__":{"missingProperty":"x"}},"message":"must be string"}]'),
  headers: () =>
    createError(401, 'No token', {
      headers: JSON.parse('{"__proto__":{"www-authenticate":"Injected","set-cookie":"a=b"},"constructor":"x","WWW-Authenticate":"Bearer realm=\\"pins\\""}'),
    }),
};

describe.each(HARNESSES.flatMap((h) => (['problem-details', 'numeric-code'] as EnvelopeName[]).map((envelope) => [h.framework, envelope, h] as const)))(
  '%s (%s): prototype keys in what was thrown',
  (_name, envelope, harness) => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await harness.start({ options: { envelope }, throwers: PROTOTYPE_THROWERS });
    });
    afterAll(() => app.close());

    it.each(Object.keys(PROTOTYPE_THROWERS))('%s: status and expose unchanged, the prototype clean, the body the core renders', async (name) => {
      const expected = createFaultline({ envelope }).handle((PROTOTYPE_THROWERS[name] as () => unknown)(), { method: 'GET', path: `/throw/${name}` });
      for (const route of ['throw', 'async']) {
        const res = await rawRequest(`${app.url}/${route}/${name}`);
        expect(res.status).toBe(expected.status);
        expect(res.body).toBe(expected.body);
        expectCleanPrototype();
      }
    });

    it('what each one renders', () => {
      const core = createFaultline({ envelope });
      const request = { method: 'GET', path: '/x' };
      expect(core.handle(PROTOTYPE_THROWERS['own-members']?.(), request).status).toBe(409);
      expect(core.normalize(PROTOTYPE_THROWERS['own-members']?.())).toMatchObject({ status: 409, expose: true, message: 'Duplicate' });
      const extras = JSON.parse(core.handle(PROTOTYPE_THROWERS.extras?.(), request).body as string) as Record<string, unknown>;
      expect(Object.getPrototypeOf(extras)).toBe(Object.prototype);
      expect(Object.hasOwn(extras, '__proto__')).toBe(false);
      expect(extras.kept).toBe(1);
      const headers = core.handle(PROTOTYPE_THROWERS.headers?.(), request).headers;
      expect(headers['www-authenticate']).toBe('Bearer realm="pins"');
      expect(headers['set-cookie']).toBeUndefined();
      expect(core.handle(PROTOTYPE_THROWERS['ajv-errors']?.(), request).status).toBe(400);
      expectCleanPrototype();
    });
  },
);

// Hostile values for every standard header a thrown error may set (ALLOWED_ERROR_HEADERS).
const STANDARD_HEADERS = [
  'WWW-Authenticate',
  'Proxy-Authenticate',
  'Allow',
  'Retry-After',
  'Content-Range',
  'Accept-Ranges',
  'Accept',
  'Accept-Encoding',
  'Accept-Patch',
  'Accept-Post',
  'Link',
  'Content-Language',
  'RateLimit',
  'RateLimit-Policy',
  'X-Payment-Response',
];

const HOSTILE_VALUES: Readonly<Record<string, unknown>> = {
  crlf: 'Bearer\r\nSet-Cookie: pwned=1\r\nX-Injected: 1',
  lf: 'a\nX-Injected: 1',
  nul: 'a\u0000b',
  'non-ascii': 'réalm 📌 \u2028',
  long: 'x'.repeat(10_000),
  array: ['GET', 'POST\r\nX-Injected: 1', { toString: () => 'x' }],
  number: Number.NaN,
  object: { value: 'Bearer' },
};

const HOSTILE_NAMES = ['X-Evil\r\nSet-Cookie', 'WWW-Authenticate ', 'Set-Cookie', 'Location', 'Content-Length', '', 'x'.repeat(300)];

function headerThrower(value: unknown): () => unknown {
  const headers: Record<string, unknown> = {};
  for (const name of STANDARD_HEADERS) headers[name] = value;
  for (const name of HOSTILE_NAMES) headers[name] = 'evil';
  return () => Object.assign(new Error('Unauthorized'), { status: 401, expose: true, headers });
}

function raw(res: RawResponse): [string, string][] {
  return [...res.rawHeaders];
}

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: hostile names and values in every standard error header', (_name, harness) => {
  let app: RunningApp;
  beforeAll(async () => {
    const throwers = Object.fromEntries(Object.entries(HOSTILE_VALUES).map(([name, value]) => [name, headerThrower(value)]));
    app = await harness.start({ options: { challenge: { scheme: 'Bearer', params: { realm: 'pins "API"', error_description: 'Token\\expired\r\nSet-Cookie: x' } } }, throwers });
  });
  afterAll(() => app.close());

  it.each(Object.keys(HOSTILE_VALUES))('%s: no header injected, every value printable and bounded, the status kept', async (name) => {
    const res = await rawRequest(`${app.url}/throw/${name}`);
    expect(res.status).toBe(401);
    const headers = raw(res);
    for (const [header, value] of headers) {
      expect(header).not.toMatch(/injected|^set-cookie$|^location$/);
      expect(value, header).toMatch(/^[\t\x20-\x7e]*$/);
      expect(value.length, header).toBeLessThanOrEqual(4096);
    }
    expect(headers.filter(([header]) => header === 'content-length')).toHaveLength(headers.some(([h]) => h === 'transfer-encoding') ? 0 : 1);
    // The error's own fields stay within what any client parses: 8 KB together.
    const own = headers.filter(([header]) => STANDARD_HEADERS.some((standard) => standard.toLowerCase() === header));
    expect(own.reduce((total, [header, value]) => total + header.length + value.length + 4, 0)).toBeLessThanOrEqual(8192);
    expect(() => JSON.parse(res.body) as unknown).not.toThrow();
  });

  it('a configured challenge: each parameter a quoted-string, quotes and backslashes escaped, no line break', async () => {
    const plain = await rawRequest(`${app.url}/throw/object`);
    // `object` is no header value: the 401 falls back to the configured challenge.
    expect(raw(plain).find(([h]) => h === 'www-authenticate')?.[1]).toBe('Bearer realm="pins \\"API\\"", error_description="Token\\\\expired  Set-Cookie: x"');
  });
});

describe('authChallenge: RFC 9110 §11.2 auth-params', () => {
  it.each([
    [['Bearer'], 'Bearer'],
    [['Bearer', { realm: 'pins' }], 'Bearer realm="pins"'],
    [['Bearer', { error: 'invalid_token', error_description: 'The "token" expired' }], 'Bearer error="invalid_token", error_description="The \\"token\\" expired"'],
    [['Basic', { realm: 'a\\b' }], 'Basic realm="a\\\\b"'],
    [['Bearer', { realm: 'x\r\nSet-Cookie: y' }], 'Bearer realm="x  Set-Cookie: y"'],
    [['Bearer', { realm: 'réalm' }], 'Bearer realm="r alm"'],
  ] as const)('%j → %s', (args, expected) => {
    expect(authChallenge(...(args as unknown as [string, Record<string, string>]))).toBe(expected);
  });

  it('a scheme or parameter name that is not a token throws', () => {
    expect(() => authChallenge('Bearer realm')).toThrow(/scheme must be a token/);
    expect(() => authChallenge('Bearer', { 'a b': 'x' })).toThrow(/parameter name must be a token/);
    expect(() => authChallenge('Bearer', { 'a=': 'x' })).toThrow(/parameter name must be a token/);
  });

  it('a value is bounded', () => {
    expect(authChallenge('Bearer', { realm: 'x'.repeat(5000) }).length).toBeLessThan(1100);
  });
});
