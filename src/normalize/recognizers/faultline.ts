import { DOCUMENTED_CODE } from '../../errors/define-errors.js';
import { isHttpError } from '../../errors/http-error.js';
import { checkRateLimitState } from '../../rate-limit/state.js';
import type { FaultInput, FaultPolicy } from '../fault-input.js';
import { read } from '../read.js';

/** faultline's own errors, from any copy of the package (recognised by brand, not `instanceof`). */
export function fromFaultlineError(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  if (!isHttpError(thrown)) return undefined;
  // Set by validate() when it was given no status: the handler's validationStatus decides, and the
  // code is that status's default (`UNPROCESSABLE_ENTITY` for a 422), not the 400's it was made with.
  const validation = read(thrown, 'validation') === true;
  return {
    status: read(thrown, 'status'),
    code: validation ? undefined : read(thrown, 'code'),
    numericCode: read(thrown, 'numericCode'),
    message: read(thrown, 'message'),
    expose: read(thrown, 'expose'),
    headers: read(thrown, 'headers'),
    retryAfter: read(thrown, 'retryAfter'),
    rateLimit: checkRateLimitState(read(thrown, 'rateLimit')),
    issues: read(thrown, 'issues') as FaultInput['issues'],
    validation,
    documented: read(thrown, DOCUMENTED_CODE) === true,
    extras: read(thrown, 'extras'),
    // Only when it can be shown (debug): formatting a 5xx's stack costs more than the rest of the
    // error path. Without a policy, as before: read.
    stack: policy === undefined || policy.keepDebug ? read(thrown, 'stack') : undefined,
    cause: read(thrown, 'cause'),
  };
}
