import type { CheckedHeader } from './checked-headers.js';
import { defineErrors, errors } from '../kit.js';

/** The text planted in every value that must not leak: it must appear in no response. */
export const SECRET = 'sk_live_51HxSECRET';

/** One thrown value and what every adapter must answer for it. */
export interface ThrowScenario {
  /** The route segment: `/throw/<name>`, `/async/<name>`. */
  readonly name: string;
  /** Makes the value afresh for each throw. */
  readonly thrown: () => unknown;
  readonly status: number;
  /** Headers the response must carry (lower-case names); `null` means must be absent. */
  readonly headers?: Readonly<Partial<Record<CheckedHeader, string | null>>>;
}

const ContractErrors = defineErrors({
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
  return new Proxy({}, { get: leak, has: leak, ownKeys: leak, getPrototypeOf: leak, getOwnPropertyDescriptor: leak });
}

function circular(): object {
  const value: Record<string, unknown> = { status: 400, message: 'circular', details: undefined };
  value.details = value;
  return value;
}

/**
 * What an app can throw without any library besides faultline: faultline's errors and catalogs,
 * the shapes other frameworks' and libraries' errors have (a Nest `HttpException`, a Hono
 * `HTTPException` with its own response, a rejected `RateLimiterRes`, ajv's `errors` array), and
 * the hostile values an error layer must survive. Library-made errors (http-errors, Boom, …) are
 * for a test suite to add with `scenarios`: this list needs none of them installed.
 */
export const CONTRACT_SCENARIOS: readonly ThrowScenario[] = [
  { name: 'faultline-404', thrown: () => errors.notFound('No pin with that id'), status: 404 },
  { name: 'catalog-409', thrown: () => ContractErrors.INSUFFICIENT_FUNDS(), status: 409 },
  { name: 'faultline-401', thrown: () => errors.unauthorized('Token expired'), status: 401, headers: { 'www-authenticate': 'Bearer' } },
  { name: 'faultline-405', thrown: () => errors.methodNotAllowed(undefined, { allow: ['GET', 'HEAD'] }), status: 405, headers: { allow: 'GET, HEAD' } },
  { name: 'faultline-429', thrown: () => errors.tooManyRequests(undefined, { retryAfter: 30 }), status: 429, headers: { 'retry-after': '30' } },
  { name: 'faultline-503', thrown: () => errors.serviceUnavailable(SECRET, { retryAfter: 120 }), status: 503, headers: { 'retry-after': '120' } },
  { name: 'faultline-499', thrown: () => errors.clientClosedRequest(), status: 499 },
  { name: 'faultline-599', thrown: () => errors.networkConnectTimeoutError(SECRET), status: 599 },
  { name: 'nest-like-404', thrown: () => Object.assign(new Error('x'), { getStatus: () => 404, getResponse: () => ({ statusCode: 404, message: 'Pin not found', error: 'Not Found' }) }), status: 404 },
  { name: 'hono-like-401-res', thrown: () => Object.assign(new Error(''), { status: 401, res: new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="secure"' } }), getResponse: () => new Response() }), status: 401, headers: { 'www-authenticate': 'Basic realm="secure"' } },
  { name: 'rate-limiter-res', thrown: () => ({ msBeforeNext: 4200, remainingPoints: 0, consumedPoints: 5, isFirstInDuration: false }), status: 429, headers: { 'retry-after': '5' } },
  { name: 'ajv-errors', thrown: () => [{ instancePath: '/pins/0', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'cid' }, message: 'x' }], status: 400 },
  { name: 'domain-error', thrown: () => new DomainNotFound('No such account'), status: 500 },
  { name: 'plain-error', thrown: () => new Error(SECRET), status: 500 },
  { name: 'error-with-secret-fields', thrown: () => Object.assign(new Error(SECRET), { code: SECRET, details: SECRET, extras: { SECRET }, cause: new Error(SECRET) }), status: 500 },
  { name: 'string', thrown: () => SECRET, status: 500 },
  { name: 'null', thrown: () => null, status: 500 },
  { name: 'undefined', thrown: () => undefined, status: 500 },
  { name: 'number', thrown: () => 42, status: 500 },
  { name: 'bigint', thrown: () => 42n, status: 500 },
  { name: 'symbol', thrown: () => Symbol(SECRET), status: 500 },
  { name: 'status-abc', thrown: () => ({ status: 'abc', message: SECRET, expose: true }), status: 500 },
  { name: 'status-99', thrown: () => ({ status: 99, message: SECRET, expose: true }), status: 500 },
  { name: 'status-302', thrown: () => ({ status: 302, message: SECRET, expose: true }), status: 500 },
  { name: 'status-1000', thrown: () => ({ status: 1000, message: SECRET, expose: true }), status: 500 },
  { name: 'throwing-getter', thrown: () => Object.defineProperty(new Error(SECRET), 'status', { get: leak }), status: 500 },
  { name: 'hostile-proxy', thrown: hostileProxy, status: 500 },
  { name: 'revoked-proxy', thrown: revokedProxy, status: 500 },
  { name: 'circular-details', thrown: circular, status: 400 },
  { name: 'header-injection', thrown: () => errors.unauthorized('x', { headers: { 'WWW-Authenticate': 'Bearer\r\nSet-Cookie: pwned=1', 'Set-Cookie': 'pwned=2' } }), status: 401, headers: { 'set-cookie': null, 'www-authenticate': 'Bearer Set-Cookie: pwned=1' } },
  { name: 'frozen-null-proto', thrown: () => Object.freeze(Object.assign(Object.create(null) as object, { status: 404, message: 'frozen' })), status: 404 },
];

/** Throwers by name, as a harness's `AppSpec` carries them. */
export function throwersOf(scenarios: readonly ThrowScenario[]): Readonly<Record<string, () => unknown>> {
  const throwers: Record<string, () => unknown> = Object.create(null) as Record<string, () => unknown>;
  for (const scenario of scenarios) throwers[scenario.name] = scenario.thrown;
  return throwers;
}
