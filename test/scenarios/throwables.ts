import Boom from '@hapi/boom';
import createError from 'http-errors';
import { defineErrors, errors } from '../../src/index.js';

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

function hostileProxy(): object {
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

/** Every family normalize recognises, and the hostile values it must survive. */
export const THROW_SCENARIOS: readonly ThrowScenario[] = [
  { name: 'faultline-404', thrown: () => errors.notFound('No pin with that id'), status: 404 },
  { name: 'catalog-409', thrown: () => AppErrors.INSUFFICIENT_FUNDS(), status: 409 },
  { name: 'faultline-401', thrown: () => errors.unauthorized('Token expired'), status: 401, headers: { 'www-authenticate': 'Bearer' } },
  { name: 'faultline-405', thrown: () => errors.methodNotAllowed(undefined, { allow: ['GET', 'HEAD'] }), status: 405, headers: { allow: 'GET, HEAD' } },
  // Upgrade is connection-specific: with `Connection: upgrade` over HTTP/1.1, never sent over HTTP/2.
  { name: 'faultline-426-upgrade', thrown: () => errors.upgradeRequired('Use TLS', { headers: { Upgrade: 'TLS/1.3, HTTP/1.1' } }), status: 426 },
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
];

/** Throwers by name, as the harnesses take them. */
export const THROWERS: Readonly<Record<string, () => unknown>> = Object.fromEntries(
  THROW_SCENARIOS.map((s) => [s.name, s.thrown]),
);
