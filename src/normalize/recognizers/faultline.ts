import { DOCUMENTED_CODE } from '../../errors/define-errors.js';
import { isHttpError } from '../../errors/http-error.js';
import { checkRateLimitState } from '../../rate-limit/state.js';
import type { FaultInput, FaultPolicy } from '../fault-input.js';
import { read } from '../read.js';

/** faultline's own errors, from any copy of the package (recognised by brand, not `instanceof`). */
export function fromFaultlineError(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  if (!isHttpError(thrown)) return undefined;
  try {
    return readAll(thrown as unknown as Readonly<Record<PropertyKey, unknown>>, policy, (value, key) => value[key]);
  } catch {
    // A member whose getter throws (a subclass's, a Proxy's): read each one on its own, so the
    // others still count.
    return readAll(thrown as unknown as Readonly<Record<PropertyKey, unknown>>, policy, read);
  }
}

// Every member an HttpError carries, in one pass: the common case (plain data members) costs plain
// property reads; `get` decides what a read that throws does.
function readAll(
  thrown: Readonly<Record<PropertyKey, unknown>>,
  policy: FaultPolicy | undefined,
  get: (value: Readonly<Record<PropertyKey, unknown>>, key: PropertyKey) => unknown,
): FaultInput {
  // Set by validate() when it was given no status: the handler's validationStatus decides, and the
  // code is that status's default (`UNPROCESSABLE_ENTITY` for a 422), not the 400's it was made with.
  const validation = get(thrown, 'validation') === true;
  const rateLimit = get(thrown, 'rateLimit');
  return {
    status: get(thrown, 'status'),
    code: validation ? undefined : get(thrown, 'code'),
    numericCode: get(thrown, 'numericCode'),
    message: get(thrown, 'message'),
    expose: get(thrown, 'expose'),
    headers: get(thrown, 'headers'),
    retryAfter: get(thrown, 'retryAfter'),
    rateLimit: rateLimit === undefined ? undefined : checkRateLimitState(rateLimit),
    issues: get(thrown, 'issues') as FaultInput['issues'],
    validation,
    documented: get(thrown, DOCUMENTED_CODE) === true,
    extras: get(thrown, 'extras'),
    // Only when it can be shown (debug): formatting a 5xx's stack costs more than the rest of the
    // error path. Without a policy, as before: read.
    stack: policy === undefined || policy.keepDebug ? get(thrown, 'stack') : undefined,
    cause: get(thrown, 'cause'),
  };
}
