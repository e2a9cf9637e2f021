import { isHttpError } from '../../errors/http-error.js';
import type { FaultInput } from '../fault-input.js';
import { read } from '../read.js';

/** faultline's own errors, from any copy of the package (recognised by brand, not `instanceof`). */
export function fromFaultlineError(thrown: unknown): FaultInput | undefined {
  if (!isHttpError(thrown)) return undefined;
  return {
    status: read(thrown, 'status'),
    code: read(thrown, 'code'),
    numericCode: read(thrown, 'numericCode'),
    message: read(thrown, 'message'),
    expose: read(thrown, 'expose'),
    headers: read(thrown, 'headers'),
    retryAfter: read(thrown, 'retryAfter'),
    issues: read(thrown, 'issues') as FaultInput['issues'],
    extras: read(thrown, 'extras'),
    stack: read(thrown, 'stack'),
    cause: read(thrown, 'cause'),
  };
}
