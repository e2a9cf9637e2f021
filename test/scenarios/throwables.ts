import Boom from '@hapi/boom';
import createError from 'http-errors';
import { CONTRACT_SCENARIOS, SECRET, throwersOf, type ThrowScenario } from '../../src/contract/index.js';

export { SECRET };

/**
 * Errors made by the libraries faultline recognises, which the published contract cannot make
 * without them installed: this suite adds them to every contract and parity run.
 */
export const LIBRARY_SCENARIOS: readonly ThrowScenario[] = [
  { name: 'http-errors-409', thrown: () => createError(409, 'Duplicate name', { code: 'DUPLICATE' }), status: 409 },
  { name: 'http-errors-500', thrown: () => createError(500, SECRET), status: 500 },
  { name: 'http-errors-401-header', thrown: () => createError(401, 'no', { headers: { 'WWW-Authenticate': 'Basic realm="pins"' } }), status: 401, headers: { 'www-authenticate': 'Basic realm="pins"' } },
  { name: 'http-errors-header-injection', thrown: () => createError(401, 'x', { headers: { 'WWW-Authenticate': 'Bearer\r\nSet-Cookie: pwned=1', 'Set-Cookie': 'pwned=2' } }), status: 401, headers: { 'set-cookie': null, 'www-authenticate': 'Bearer Set-Cookie: pwned=1' } },
  { name: 'boom-403', thrown: () => Boom.forbidden('Token is disabled'), status: 403 },
  { name: 'boom-500', thrown: () => Boom.badImplementation(SECRET), status: 500 },
];

/** Every family normalize recognises, and the hostile values it must survive: the contract's own and the libraries'. */
export const THROW_SCENARIOS: readonly ThrowScenario[] = [...CONTRACT_SCENARIOS, ...LIBRARY_SCENARIOS];

/** Throwers by name, as the harnesses take them. */
export const THROWERS: Readonly<Record<string, () => unknown>> = throwersOf(THROW_SCENARIOS);
