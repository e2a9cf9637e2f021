import Boom from '@hapi/boom';
import createError from 'http-errors';
import { CONTRACT_SCENARIOS, SECRET, throwersOf, type ThrowScenario } from '../../src/contract/index.js';
import { errors } from '../../src/index.js';
import { REAL_ERRORS } from './real-errors.js';

export { SECRET };

/**
 * Errors made by the libraries faultline recognises, which the published contract cannot make
 * without them installed: this suite adds them to every contract and parity run.
 */
const INTEROP_SCENARIOS: readonly ThrowScenario[] = [
  { name: 'http-errors-409', thrown: () => createError(409, 'Duplicate name', { code: 'DUPLICATE' }), status: 409 },
  { name: 'http-errors-500', thrown: () => createError(500, SECRET), status: 500 },
  { name: 'http-errors-401-header', thrown: () => createError(401, 'no', { headers: { 'WWW-Authenticate': 'Basic realm="pins"' } }), status: 401, headers: { 'www-authenticate': 'Basic realm="pins"' } },
  { name: 'http-errors-header-injection', thrown: () => createError(401, 'x', { headers: { 'WWW-Authenticate': 'Bearer\r\nSet-Cookie: pwned=1', 'Set-Cookie': 'pwned=2' } }), status: 401, headers: { 'set-cookie': null, 'www-authenticate': 'Bearer Set-Cookie: pwned=1' } },
  { name: 'boom-403', thrown: () => Boom.forbidden('Token is disabled'), status: 403 },
  { name: 'boom-500', thrown: () => Boom.badImplementation(SECRET), status: 500 },
  // Upgrade is connection-specific: with `Connection: upgrade` over HTTP/1.1, never sent over HTTP/2.
  { name: 'faultline-426-upgrade', thrown: () => errors.upgradeRequired('Use TLS', { headers: { Upgrade: 'TLS/1.3, HTTP/1.1' } }), status: 426 },
];

const real = (name: string) => (): unknown => {
  if (!(name in REAL_ERRORS)) throw new Error(`test bug: no real error named ${name}`);
  return REAL_ERRORS[name];
};

const INVALID_TOKEN = 'Bearer error="invalid_token", error_description="The access token expired"';

/**
 * What apps throw, made by the libraries themselves (real-errors.ts): another service's refusal
 * is a 502 (a timeout a 504) without its challenge, a schema library's failure a 400 with field
 * issues, a database conflict a 409, an upload over a limit a 413, a refused token a 401. The
 * contract checks on every response that the planted secret never leaves.
 */
export const REAL_SCENARIOS: readonly ThrowScenario[] = [
  ...[401, 403, 404, 500].flatMap((status) =>
    ['axios', 'ofetch'].map((client) => ({ name: `${client}-${status}`, thrown: real(`${client}-${status}`), status: 502, headers: { 'www-authenticate': null, 'set-cookie': null } })),
  ),
  ...['axios-timeout', 'axios-abort-timeout', 'ofetch-timeout', 'got-timeout', 'ky-timeout', 'fetch-timeout'].map((name) => ({ name, thrown: real(name), status: 504 })),
  ...['got-404', 'ky-403', 'fetch-refused', 'octokit'].map((name) => ({ name, thrown: real(name), status: 502, headers: { 'www-authenticate': null } })),
  ...['zod-4', 'zod-3', 'valibot', 'arktype-assert', 'mongoose-validation', 'openapi-validator-400'].map((name) => ({ name, thrown: real(name), status: 400 })),
  { name: 'mongoose-cast', thrown: real('mongoose-cast'), status: 400 },
  ...['sqlite-unique', 'sqlite-foreign-key', 'mongodb-duplicate', 'prisma-unique'].map((name) => ({ name, thrown: real(name), status: 409 })),
  { name: 'prisma-not-found', thrown: real('prisma-not-found'), status: 404 },
  { name: 'multer-file-size', thrown: real('multer-file-size'), status: 413 },
  { name: 'multer-unexpected-file', thrown: real('multer-unexpected-file'), status: 400 },
  { name: 'express-jwt-expired', thrown: real('express-jwt-expired'), status: 401, headers: { 'www-authenticate': INVALID_TOKEN } },
  { name: 'jose-expired', thrown: real('jose-expired'), status: 401, headers: { 'www-authenticate': INVALID_TOKEN } },
];

function leak(): never {
  throw new Error(SECRET);
}

/** A Proxy whose every trap throws an Error carrying the secret. */
export function hostileProxy(): object {
  return new Proxy({}, { get: leak, has: leak, ownKeys: leak, getPrototypeOf: leak, getOwnPropertyDescriptor: leak });
}

/** What this suite adds to the published contract's scenarios: interop errors and real apps' errors. */
export const LIBRARY_SCENARIOS: readonly ThrowScenario[] = [...INTEROP_SCENARIOS, ...REAL_SCENARIOS];

/** Every family normalize recognises, and the hostile values it must survive: the contract's own and the libraries'. */
export const THROW_SCENARIOS: readonly ThrowScenario[] = [...CONTRACT_SCENARIOS, ...LIBRARY_SCENARIOS];

/** Throwers by name, as the harnesses take them. */
export const THROWERS: Readonly<Record<string, () => unknown>> = throwersOf(THROW_SCENARIOS);
