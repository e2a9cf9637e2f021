import Boom from '@hapi/boom';
import createError from 'http-errors';
import { defineErrors, errors } from '../../src/index.js';
import { REAL_ERRORS } from './real-errors.js';

/** The text planted in every value that must not leak. */
export const SECRET = 'sk_live_51HxSECRET';

export const AppErrors = defineErrors({
  INSUFFICIENT_FUNDS: { status: 409, message: 'Unable to process request due to the lack of funds' },
});

class DomainNotFound extends Error {}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function leak(): never {
  throw new Error(SECRET);
}

export function hostileProxy(): object {
  const boom = leak;
  return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom });
}

function circular(): object {
  const value: Record<string, unknown> = { status: 400, message: 'circular', details: undefined };
  value.details = value;
  return value;
}

export interface ThrowScenario {
  readonly name: string;
  readonly thrown: () => unknown;
  readonly status: number;
  /** Expected headers (lower-case names); `null` means must be absent. */
  readonly headers?: Readonly<Record<string, string | null>>;
  /** True when the thrown value hides the secret: it must appear nowhere in the response. */
  readonly secret?: boolean;
}

const real = (name: string) => (): unknown => {
  if (!(name in REAL_ERRORS)) throw new Error(`test bug: no real error named ${name}`);
  return REAL_ERRORS[name];
};

const INVALID_TOKEN = 'Bearer error="invalid_token", error_description="The access token expired"';

/**
 * What apps throw, made by the libraries themselves (real-errors.ts): another service's refusal
 * is a 502 (a timeout a 504) without its challenge, a schema library's failure a 400 with field
 * issues, a database conflict a 409, an upload over a limit a 413, a refused token a 401.
 */
const REAL_SCENARIOS: readonly ThrowScenario[] = [
  ...[401, 403, 404, 500].flatMap((status) =>
    ['axios', 'ofetch'].map((client) => ({ name: `${client}-${status}`, thrown: real(`${client}-${status}`), status: 502, headers: { 'www-authenticate': null, 'set-cookie': null }, secret: true })),
  ),
  ...['axios-timeout', 'axios-abort-timeout', 'ofetch-timeout', 'got-timeout', 'ky-timeout', 'fetch-timeout'].map((name) => ({ name, thrown: real(name), status: 504, secret: true })),
  ...['got-404', 'ky-403', 'fetch-refused', 'octokit'].map((name) => ({ name, thrown: real(name), status: 502, headers: { 'www-authenticate': null }, secret: true })),
  ...['zod-4', 'zod-3', 'valibot', 'arktype-assert', 'mongoose-validation', 'openapi-validator-400'].map((name) => ({ name, thrown: real(name), status: 400, secret: true })),
  { name: 'mongoose-cast', thrown: real('mongoose-cast'), status: 400, secret: true },
  ...['sqlite-unique', 'sqlite-foreign-key', 'mongodb-duplicate', 'prisma-unique'].map((name) => ({ name, thrown: real(name), status: 409, secret: true })),
  { name: 'prisma-not-found', thrown: real('prisma-not-found'), status: 404, secret: true },
  { name: 'multer-file-size', thrown: real('multer-file-size'), status: 413 },
  { name: 'multer-unexpected-file', thrown: real('multer-unexpected-file'), status: 400 },
  { name: 'express-jwt-expired', thrown: real('express-jwt-expired'), status: 401, headers: { 'www-authenticate': INVALID_TOKEN } },
  { name: 'jose-expired', thrown: real('jose-expired'), status: 401, headers: { 'www-authenticate': INVALID_TOKEN }, secret: true },
];

/** Every family normalize recognises, and the hostile values it must survive. */
export const THROW_SCENARIOS: readonly ThrowScenario[] = [
  { name: 'faultline-404', thrown: () => errors.notFound('No pin with that id'), status: 404 },
  { name: 'catalog-409', thrown: () => AppErrors.INSUFFICIENT_FUNDS(), status: 409 },
  { name: 'faultline-401', thrown: () => errors.unauthorized('Token expired'), status: 401, headers: { 'www-authenticate': 'Bearer' } },
  { name: 'faultline-405', thrown: () => errors.methodNotAllowed(undefined, { allow: ['GET', 'HEAD'] }), status: 405, headers: { allow: 'GET, HEAD' } },
  { name: 'faultline-429', thrown: () => errors.tooManyRequests(undefined, { retryAfter: 30 }), status: 429, headers: { 'retry-after': '30' } },
  { name: 'faultline-503', thrown: () => errors.serviceUnavailable(SECRET, { retryAfter: 120 }), status: 503, headers: { 'retry-after': '120' }, secret: true },
  { name: 'faultline-499', thrown: () => errors.clientClosedRequest(), status: 499 },
  { name: 'faultline-599', thrown: () => errors.networkConnectTimeoutError(SECRET), status: 599, secret: true },
  { name: 'http-errors-409', thrown: () => createError(409, 'Duplicate name', { code: 'DUPLICATE' }), status: 409 },
  { name: 'http-errors-500', thrown: () => createError(500, SECRET), status: 500, secret: true },
  { name: 'http-errors-401-header', thrown: () => createError(401, 'no', { headers: { 'WWW-Authenticate': 'Basic realm="pins"' } }), status: 401, headers: { 'www-authenticate': 'Basic realm="pins"' } },
  { name: 'boom-403', thrown: () => Boom.forbidden('Token is disabled'), status: 403 },
  { name: 'boom-500', thrown: () => Boom.badImplementation(SECRET), status: 500, secret: true },
  { name: 'nest-like-404', thrown: () => Object.assign(new Error('x'), { getStatus: () => 404, getResponse: () => ({ statusCode: 404, message: 'Pin not found', error: 'Not Found' }) }), status: 404 },
  { name: 'hono-like-401-res', thrown: () => Object.assign(new Error(''), { status: 401, res: new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="secure"' } }), getResponse: () => new Response() }), status: 401, headers: { 'www-authenticate': 'Basic realm="secure"' } },
  { name: 'rate-limiter-res', thrown: () => ({ msBeforeNext: 4200, remainingPoints: 0, consumedPoints: 5, isFirstInDuration: false }), status: 429, headers: { 'retry-after': '5' } },
  { name: 'ajv-errors', thrown: () => [{ instancePath: '/pins/0', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'cid' }, message: 'x' }], status: 400 },
  { name: 'domain-error', thrown: () => new DomainNotFound('No such account'), status: 500 },
  { name: 'plain-error', thrown: () => new Error(SECRET), status: 500, secret: true },
  { name: 'error-with-secret-fields', thrown: () => Object.assign(new Error(SECRET), { code: SECRET, details: SECRET, extras: { SECRET }, cause: new Error(SECRET) }), status: 500, secret: true },
  { name: 'string', thrown: () => SECRET, status: 500, secret: true },
  { name: 'null', thrown: () => null, status: 500 },
  { name: 'undefined', thrown: () => undefined, status: 500 },
  { name: 'number', thrown: () => 42, status: 500 },
  { name: 'bigint', thrown: () => 42n, status: 500 },
  { name: 'symbol', thrown: () => Symbol(SECRET), status: 500, secret: true },
  { name: 'status-abc', thrown: () => ({ status: 'abc', message: SECRET, expose: true }), status: 500, secret: true },
  { name: 'status-99', thrown: () => ({ status: 99, message: SECRET, expose: true }), status: 500, secret: true },
  { name: 'status-302', thrown: () => ({ status: 302, message: SECRET, expose: true }), status: 500, secret: true },
  { name: 'status-1000', thrown: () => ({ status: 1000, message: SECRET, expose: true }), status: 500, secret: true },
  { name: 'throwing-getter', thrown: () => Object.defineProperty(new Error(SECRET), 'status', { get() { throw new Error(SECRET); } }), status: 500, secret: true },
  { name: 'hostile-proxy', thrown: hostileProxy, status: 500, secret: true },
  { name: 'revoked-proxy', thrown: revokedProxy, status: 500 },
  { name: 'circular-details', thrown: circular, status: 400 },
  { name: 'header-injection', thrown: () => createError(401, 'x', { headers: { 'WWW-Authenticate': 'Bearer\r\nSet-Cookie: pwned=1', 'Set-Cookie': 'pwned=2' } }), status: 401, headers: { 'set-cookie': null, 'www-authenticate': 'Bearer Set-Cookie: pwned=1' } },
  { name: 'frozen-null-proto', thrown: () => Object.freeze(Object.assign(Object.create(null) as object, { status: 404, message: 'frozen' })), status: 404 },
  ...REAL_SCENARIOS,
];

/** Throwers by name, as the harnesses take them. */
export const THROWERS: Readonly<Record<string, () => unknown>> = Object.fromEntries(
  THROW_SCENARIOS.map((s) => [s.name, s.thrown]),
);
