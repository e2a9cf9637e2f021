import Boom from '@hapi/boom';
import { Ajv } from 'ajv';
import createError from 'http-errors';
import { describe, expect, it } from 'vitest';
import { createFaultline, errors, HttpError, map, type Fault } from '../../src/index.js';

const fl = createFaultline();
const SECRET = 'sk_live_TOPSECRET';

class InsufficientFunds extends Error {}
class Legacy extends Error {}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
const throwingEverywhere = new Proxy(
  {},
  {
    get() { throw new Error(SECRET); },
    has() { throw new Error(SECRET); },
    ownKeys() { throw new Error(SECRET); },
    getPrototypeOf() { throw new Error(SECRET); },
    getOwnPropertyDescriptor() { throw new Error(SECRET); },
  },
);
const circular: Record<string, unknown> = { status: 400, message: 'bad' };
circular.details = circular;

type Row = [name: string, thrown: () => unknown, expected: Partial<Fault>];

const rows: Row[] = [
  ['faultline helper', () => errors.notFound('No pin 42'), { status: 404, code: 'NOT_FOUND', message: 'No pin 42', expose: true }],
  ['faultline 5xx is unexposed', () => errors.badGateway(SECRET), { status: 502, expose: false }],
  ['faultline 429 with retryAfter', () => errors.tooManyRequests(undefined, { retryAfter: 1.2 }), { status: 429, retryAfter: 2 }],
  ['faultline 405 with allow', () => errors.methodNotAllowed(undefined, { allow: ['GET', 'HEAD'] }), { status: 405, headers: { allow: 'GET, HEAD' } }],
  ['http-errors with code', () => createError(409, 'No funds', { code: 'INSUFFICIENT_FUNDS' }), { status: 409, code: 'INSUFFICIENT_FUNDS', message: 'No funds', expose: true }],
  ['http-errors 500', () => createError(500, SECRET), { status: 500, expose: false, code: 'INTERNAL_SERVER_ERROR' }],
  ['http-errors headers', () => createError(401, 'who?', { headers: { 'WWW-Authenticate': 'Basic realm="x"' } }), { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } }],
  ['boom 4xx', () => Boom.forbidden('Nope'), { status: 403, message: 'Nope', expose: true }],
  ['boom unauthorized challenge', () => Boom.unauthorized('Bad token', 'Bearer'), { status: 401, headers: { 'www-authenticate': 'Bearer error="Bad token"' } }],
  ['boom 5xx', () => Boom.badImplementation(SECRET), { status: 500, expose: false }],
  ['nest-like HttpException', () => nestLike(404, { statusCode: 404, message: 'Pin not found', error: 'Not Found' }), { status: 404, message: 'Pin not found' }],
  ['nest-like ValidationPipe', () => nestLike(400, { statusCode: 400, message: ['name must be a string', 'pins.0.cid should not be empty'], error: 'Bad Request' }), { status: 400 }],
  ['hono-like HTTPException with res', () => honoLike(401, '', new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="secure"' } })), { status: 401, message: 'Unauthorized', headers: { 'www-authenticate': 'Basic realm="secure"' } }],
  ['rate limiter res', () => ({ msBeforeNext: 1500, remainingPoints: 0, consumedPoints: 6, isFirstInDuration: false }), { status: 429, retryAfter: 2, rateLimit: { remaining: 0, resetSeconds: 2 } }],
  ['rate limiter union', () => ({ a: { msBeforeNext: 100, remainingPoints: 0, consumedPoints: 2 }, b: { msBeforeNext: 5200, remainingPoints: 0, consumedPoints: 9 } }), { status: 429, retryAfter: 6 }],
  ['body-parser parse failure', () => Object.assign(createError(400, 'Unexpected token } in JSON'), { type: 'entity.parse.failed' }), { status: 400, message: 'Request body is not valid JSON' }],
  ['body-parser too large', () => Object.assign(createError(413, 'request entity too large'), { type: 'entity.too.large' }), { status: 413, message: 'Request body is too large' }],
  ['plain Error', () => new Error(SECRET), { status: 500, expose: false }],
  ['string', () => SECRET, { status: 500, expose: false }],
  ['null', () => null, { status: 500, expose: false }],
  ['undefined', () => undefined, { status: 500 }],
  ['number', () => 42, { status: 500 }],
  ['symbol', () => Symbol('x'), { status: 500 }],
  ['bigint', () => 10n, { status: 500 }],
  ['status "abc"', () => ({ status: 'abc', message: SECRET, expose: true }), { status: 500, expose: false }],
  ['status 99', () => ({ status: 99, message: SECRET, expose: true }), { status: 500, expose: false }],
  ['status 302', () => ({ status: 302, message: SECRET, expose: true }), { status: 500, expose: false }],
  ['status 1000', () => ({ status: 1000, message: SECRET, expose: true }), { status: 500, expose: false }],
  ['status 404.5', () => ({ status: 404.5, message: SECRET }), { status: 500, expose: false }],
  ['statusCode only', () => ({ statusCode: 410, message: 'gone' }), { status: 410, message: 'gone' }],
  ['getter that throws', () => Object.defineProperty(new Error('x'), 'status', { get() { throw new Error(SECRET); } }), { status: 500 }],
  ['proxy throwing on every trap', () => throwingEverywhere, { status: 500, expose: false }],
  ['revoked proxy', () => revokedProxy(), { status: 500 }],
  ['circular details', () => circular, { status: 400, message: 'bad' }],
  ['CRLF in header value', () => createError(401, 'x', { headers: { 'WWW-Authenticate': 'Bearer\r\nSet-Cookie: a=b' } }), { headers: { 'www-authenticate': 'Bearer Set-Cookie: a=b' } }],
  ['ajv error array', () => [{ instancePath: '/pins/0', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'cid' }, message: "must have required property 'cid'" }], { status: 400 }],
];

function nestLike(status: number, response: unknown) {
  return Object.assign(new Error('Http Exception'), { getStatus: () => status, getResponse: () => response, response, status });
}
function honoLike(status: number, message: string, res?: Response) {
  return Object.assign(new Error(message), { status, res, getResponse: () => res });
}

describe('normalize', () => {
  it.each(rows)('%s', (_name, thrown, expected) => {
    const fault = fl.normalize(thrown());
    expect(fault).toMatchObject(expected);
    expect(fault.status).toBeGreaterThanOrEqual(400);
    expect(fault.status).toBeLessThanOrEqual(599);
  });

  it('drops headers an error may not set (Set-Cookie, Location)', () => {
    const fault = fl.normalize(createError(400, 'x', { headers: { 'Set-Cookie': 'a=b', Location: 'http://evil' } }));
    expect(fault.status).toBe(400);
    expect(fault.headers).toBeUndefined();
  });

  it('never throws, even when a domain mapping does', () => {
    const bad = createFaultline({ map: [map(() => { throw new Error('boom'); }, 400)] });
    expect(bad.normalize(new Error('x')).status).toBe(500);
  });

  it('ajv required and additionalProperties point at the field, escaped', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile({
      type: 'object',
      properties: { pins: { type: 'array', items: { type: 'object', required: ['cid'], properties: { cid: { type: 'string' } } } } },
      required: ['a/b~c'],
      additionalProperties: false,
    });
    validate({ pins: [{}], extra: 1 });
    const fault = fl.normalize(validate.errors);
    expect(fault.issues).toEqual([
      { location: 'body', pointer: '/a~1b~0c', keyword: 'required', message: 'is required' },
      { location: 'body', pointer: '/extra', keyword: 'additionalProperties', message: 'is not allowed' },
      { location: 'body', pointer: '/pins/0/cid', keyword: 'required', message: 'is required' },
    ]);
  });

  it('ajv ValidationError from an async schema', async () => {
    const ajv = new Ajv();
    const validate = ajv.compile({ $async: true, type: 'object', required: ['name'] });
    const thrown = await (validate({}) as Promise<unknown>).catch((e: unknown) => e);
    expect(fl.normalize(thrown)).toMatchObject({ status: 400, issues: [{ pointer: '/name', keyword: 'required' }] });
    expect(createFaultline({ validationStatus: 422 }).normalize(thrown).status).toBe(422);
  });

  it('Nest ValidationPipe messages become issues with pointers', () => {
    const fault = fl.normalize(nestLike(400, { statusCode: 400, message: ['name must be a string', 'pins.0.cid should not be empty', '??'], error: 'Bad Request' }));
    expect(fault.issues?.map((i) => i.pointer)).toEqual(['/name', '/pins/0/cid', '']);
  });

  it('maps domain errors by class, predicate and function', () => {
    const custom = createFaultline({
      map: [
        map(InsufficientFunds, { status: 409, code: 'INSUFFICIENT_FUNDS' }),
        map((e) => (e as { kind?: string }).kind === 'timeout', 504),
        map(Legacy, (e) => errors.gone(`gone: ${e.message}`)),
      ],
    });
    expect(custom.normalize(new InsufficientFunds('Unable'))).toMatchObject({ status: 409, code: 'INSUFFICIENT_FUNDS', message: 'Unable' });
    expect(custom.normalize({ kind: 'timeout' })).toMatchObject({ status: 504, expose: false });
    expect(custom.normalize(new Legacy('v1'))).toMatchObject({ status: 410, message: 'gone: v1' });
  });

  it('recognises errors of another faultline copy by brand, not instanceof', () => {
    const foreign = Object.assign(Object.create(null) as object, {
      [Symbol.for('faultline.error')]: true,
      status: 418,
      code: 'TEAPOT',
      message: 'short and stout',
      expose: true,
    });
    expect(fl.normalize(foreign)).toMatchObject({ status: 418, code: 'TEAPOT', message: 'short and stout' });
  });

  it('keeps stack and cause only in debug mode', () => {
    const thrown = errors.internalServerError('x', { cause: new Error('root') });
    expect(fl.normalize(thrown).stack).toBeUndefined();
    const debug = createFaultline({ debug: true }).normalize(thrown);
    expect(debug.stack).toContain('HttpError: x');
    expect(debug.cause).toMatchObject({ message: 'root' });
  });
});

describe('HttpError', () => {
  it('looks like an http-errors error', () => {
    const e = errors.notFound();
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toMatchObject({ status: 404, statusCode: 404, expose: true, message: 'Not Found', code: 'NOT_FOUND', name: 'HttpError' });
    expect(createError.isHttpError(e)).toBe(true);
  });

  it('captures no stack for a 4xx unless asked, and one for a 5xx', () => {
    expect(errors.notFound().stack?.split('\n')).toHaveLength(1);
    expect(errors.notFound(undefined, { stack: true }).stack?.split('\n').length).toBeGreaterThan(1);
    expect(errors.internalServerError().stack?.split('\n').length).toBeGreaterThan(1);
  });

  it('puts Retry-After and Allow in headers for frameworks that read err.headers', () => {
    expect(errors.serviceUnavailable(undefined, { retryAfter: 30 }).headers).toEqual({ 'Retry-After': '30' });
    expect(errors.methodNotAllowed(undefined, { allow: ['GET'] }).headers).toEqual({ Allow: 'GET' });
  });

  it('turns an invalid status into 500', () => {
    expect(new HttpError(302).status).toBe(500);
  });
});

describe('normalize: developer-supplied issues', () => {
  it('are checked like any other input: pointer, location, bounds', () => {
    const fault = createFaultline().normalize(
      errors.badRequest('bad', {
        issues: [
          { location: 'body', pointer: 'cid', keyword: 'format', message: 'not a pointer' },
          { location: 'cookies' as 'body', pointer: '/a~2b', keyword: 7 as unknown as string, message: 'odd location and escape' },
          { location: 'query', pointer: '/limit', keyword: 'maximum', message: 'too big' },
          { location: 'body', pointer: '/x' } as never,
        ],
      }),
    );
    expect(fault.issues).toEqual([
      { location: 'body', pointer: '', keyword: 'format', message: 'not a pointer' },
      { location: 'body', pointer: '', keyword: 'invalid', message: 'odd location and escape' },
      { location: 'query', pointer: '/limit', keyword: 'maximum', message: 'too big' },
    ]);
  });
});
