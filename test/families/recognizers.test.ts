import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';
import { isAxiosError } from 'axios';
import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createFaultline, normalize, type Fault } from '../../src/index.js';
import { RECOGNIZER_FAMILIES } from '../../src/kit.js';
import { REAL_ERRORS, UPSTREAM_SECRET } from '../scenarios/real-errors.js';

const real = (name: string): unknown => REAL_ERRORS[name];
const body = (thrown: unknown, options = {}): unknown => JSON.parse(createFaultline({ envelope: 'problem-details', ...options }).handle(thrown, { method: 'GET', path: '/x' }).body as string);

describe('upstream: another service refused, or did not answer', () => {
  it.each([
    ...[401, 403, 404, 500].flatMap((s) => [`axios-${s}`, `ofetch-${s}`]),
    'got-404',
    'ky-403',
    'fetch-refused',
    'octokit',
  ])('%s → 502, hidden, nothing of the call kept even for debug', (name) => {
    const fault = normalize(real(name));
    expect(fault).toEqual({ status: 502, code: 'BAD_GATEWAY', message: 'A request to an upstream service failed', expose: false });
    const debug = normalize(real(name), { debug: true });
    expect(debug.cause).toBeUndefined();
    expect(debug.stack).toBeUndefined();
    expect(body(real(name), { debug: true })).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'A request to an upstream service failed' });
    expect(JSON.stringify(body(real(name)))).toBe('{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Bad Gateway"}');
  });

  it.each(['axios-timeout', 'axios-abort-timeout', 'ofetch-timeout', 'got-timeout', 'ky-timeout', 'fetch-timeout'])('%s → 504', (name) => {
    expect(normalize(real(name))).toMatchObject({ status: 504, code: 'GATEWAY_TIMEOUT', expose: false });
  });

  it('the generic status reader no longer takes another service\'s status for the API\'s', () => {
    expect(normalize({ status: 401, message: 'x', response: { status: 401 } }).status).toBe(500);
    expect(normalize({ statusCode: 404, message: 'x', response: { statusCode: 404 } }).status).toBe(500);
    expect(normalize({ status: 403, config: { url: 'https://api.example' } }).status).toBe(500);
    expect(normalize({ status: 404, request: { path: '/x' } }).status).toBe(500);
    expect(normalize({ status: 404, message: 'No pin' })).toMatchObject({ status: 404, message: 'No pin' });
  });

  it('the upstream family turned off: an axios 401 is a hidden 500, never a 401 with a challenge', () => {
    const faultline = createFaultline({ disableRecognizers: ['upstream'] });
    const response = faultline.handle(real('axios-401'), { method: 'GET', path: '/x' });
    expect(response.status).toBe(500);
    expect(response.headers['www-authenticate']).toBeUndefined();
  });
});

describe('schema libraries: thrown failures are field issues in JSON Schema words', () => {
  it('zod 4', () => {
    expect(normalize(real('zod-4'))).toMatchObject({
      status: 400,
      message: 'Request validation failed',
      issues: [
        { location: 'body', pointer: '/cid', keyword: 'minLength', message: 'Too small: expected string to have >=1 characters', params: { limit: 1 } },
        { location: 'body', pointer: '/size', keyword: 'type', message: 'Invalid input: expected int, received number', params: { type: 'integer' } },
        { location: 'body', pointer: '/admin', keyword: 'additionalProperties', message: 'Unrecognized key: "admin"' },
      ],
    });
  });

  it('zod 3: a missing member is required', () => {
    expect(normalize(real('zod-3')).issues).toEqual([
      { location: 'body', pointer: '/cid', keyword: 'required', message: 'Required' },
      { location: 'body', pointer: '/admin', keyword: 'additionalProperties', message: "Unrecognized key(s) in object: 'admin'" },
    ]);
  });

  it('valibot and arktype', () => {
    expect(normalize(real('valibot')).issues).toEqual([
      { location: 'body', pointer: '/cid', keyword: 'type', message: 'Invalid type: Expected string but received 7', params: { type: 'string' } },
    ]);
    expect(normalize(real('arktype-assert')).issues).toEqual([{ location: 'body', pointer: '/cid', keyword: 'required', message: 'cid must be a string (was missing)' }]);
  });

  it('any Standard Schema failure: messages and paths, its own code as the keyword', () => {
    const thrown = Object.assign(new Error('invalid'), { issues: [{ message: 'Expected a number', path: [{ key: 'items' }, { key: 0 }, 'qty'], code: 'not_a_number' }, { message: 'Too long' }] });
    expect(normalize(thrown).issues).toEqual([
      { location: 'body', pointer: '/items/0/qty', keyword: 'not_a_number', message: 'Expected a number' },
      { location: 'body', pointer: '', keyword: 'invalid', message: 'Too long' },
    ]);
  });

  it('the zod family turned off: the generic Standard Schema reader keeps zod\'s own codes', () => {
    expect(normalize(real('zod-4'), { disableRecognizers: ['zod'] }).issues?.[0]).toMatchObject({ pointer: '/cid', keyword: 'too_small' });
  });
});

describe('databases: conflicts name fields, never values', () => {
  it('SQLite (better-sqlite3)', () => {
    expect(normalize(real('sqlite-unique'))).toMatchObject({ status: 409, message: 'A record with the same values already exists', issues: [{ pointer: '/email', keyword: 'unique', message: 'is already taken' }] });
    const fk = normalize(real('sqlite-foreign-key'));
    expect(fk).toMatchObject({ status: 409, message: 'A record this one refers to does not exist' });
    expect(fk.issues).toBeUndefined();
  });

  it('MongoDB (MongoServerError 11000): the keys of keyValue', () => {
    expect(normalize(real('mongodb-duplicate'))).toMatchObject({ status: 409, issues: [{ pointer: '/email', keyword: 'unique' }] });
  });

  it('Mongoose: ValidationError as issues in JSON Schema words, CastError a 400', () => {
    expect(normalize(real('mongoose-validation')).issues).toEqual([
      { location: 'body', pointer: '/age', keyword: 'type', message: 'must be number', params: { type: 'number' } },
      { location: 'body', pointer: '/email', keyword: 'minLength', message: 'must NOT have fewer than 5 characters', params: { limit: 5 } },
    ]);
    expect(normalize(real('mongoose-cast'))).toMatchObject({ status: 400, message: 'A value in the request is not in the expected format' });
  });

  it('Prisma: P2002 names meta.target fields; an index name is not a field; P2025 is a 404', () => {
    expect(normalize(real('prisma-unique'))).toMatchObject({ status: 409, issues: [{ pointer: '/email', keyword: 'unique' }] });
    const byIndex = new PrismaClientKnownRequestError('Unique constraint failed on the constraint: `User_email_key`', { code: 'P2002', clientVersion: '7.10.0', meta: { target: 'User_email_key' } });
    expect(normalize(byIndex)).toMatchObject({ status: 409 });
    expect(normalize(byIndex).issues).toBeUndefined();
    const adapter = new PrismaClientKnownRequestError('x', { code: 'P2002', clientVersion: '7.10.0', meta: { driverAdapterError: { cause: { constraint: { fields: ['orgId', 'slug'] } } } } });
    expect(normalize(adapter).issues?.map((i) => i.pointer)).toEqual(['/orgId', '/slug']);
    expect(normalize(real('prisma-not-found'))).toMatchObject({ status: 404, message: 'The record does not exist' });
    expect(normalize(new PrismaClientKnownRequestError('x', { code: 'P2003', clientVersion: '7.10.0', meta: { field_name: 'Post_authorId_fkey (index)' } }))).toMatchObject({ status: 409 });
  });
});

describe('uploads and tokens', () => {
  it('Multer: a limit is a 413, an unexpected file a 400, naming the form field', () => {
    expect(normalize(real('multer-file-size'))).toMatchObject({ status: 413, issues: [{ pointer: '/avatar', keyword: 'maxFileSize' }] });
    expect(normalize(real('multer-unexpected-file'))).toMatchObject({ status: 400, issues: [{ pointer: '/photos', keyword: 'unexpectedFile' }] });
  });

  it('jose: an expired token and a wrong audience are 401 invalid_token, with a description of faultline\'s own', async () => {
    const jose = createFaultline();
    expect(jose.handle(real('jose-expired'), { method: 'GET', path: '/' }).headers['www-authenticate']).toBe('Bearer error="invalid_token", error_description="The access token expired"');
    const key = new TextEncoder().encode('k'.repeat(32));
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setAudience('other').sign(key);
    const wrongAudience = await jwtVerify(token, key, { audience: 'pins' }).catch((error: unknown) => error);
    const response = jose.handle(wrongAudience, { method: 'GET', path: '/' });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token", error_description="The access token aud claim is invalid"');
  });

  it('jose: a key server that never answers is a hidden 504', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const jwks = createRemoteJWKSet(new URL(`http://127.0.0.1:${(hanging.address() as AddressInfo).port}/jwks?token=${UPSTREAM_SECRET}`), { timeoutDuration: 30 });
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k' }).sign(new TextEncoder().encode('x'.repeat(32))).catch(() => 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.e30.c2ln');
      const thrown = await jwtVerify(token, jwks).catch((error: unknown) => error);
      expect(normalize(thrown)).toMatchObject({ status: 504, expose: false });
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});

describe('disableRecognizers', () => {
  it('an unknown family name throws when the handler is made, listing the families', () => {
    expect(() => createFaultline({ disableRecognizers: ['prisma', 'sequelize' as never] })).toThrow(
      `faultline: option "disableRecognizers" is invalid: item 1 is "sequelize", not`,
    );
    expect(() => createFaultline({ disableRecognizers: ['sequelize' as never] })).toThrow(Object.keys(RECOGNIZER_FAMILIES).join(', '));
    expect(() => createFaultline({ disableRecognizers: 'prisma' as never })).toThrow(/option "disableRecognizers" is "prisma"; allowed: an array of recognizer families/);
  });

  it("faultline's own errors stay recognised with every family off", () => {
    const all = Object.keys(RECOGNIZER_FAMILIES) as (keyof typeof RECOGNIZER_FAMILIES)[];
    const fault: Fault = normalize(real('axios-404'), { disableRecognizers: all });
    expect(fault.status).toBe(500);
    expect(createFaultline({ disableRecognizers: all }).normalize(Object.assign(new Error('x'), { status: 404 })).status).toBe(500);
  });

  it('axios itself is what makes the test errors', () => {
    expect(isAxiosError(real('axios-401'))).toBe(true);
  });
});
