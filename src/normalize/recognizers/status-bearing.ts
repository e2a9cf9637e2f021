import type { FaultInput } from '../fault-input.js';
import { read } from '../read.js';

/**
 * Anything with a numeric `status` or `statusCode`: `http-errors` (and so Koa's `ctx.throw`),
 * plain objects, other libraries' HTTP errors. A string `code` becomes the machine code when the
 * error is exposed (`createError(409, msg, { code: 'INSUFFICIENT_FUNDS' })`).
 */
export function fromStatusBearing(thrown: unknown): FaultInput | undefined {
  const status = read(thrown, 'status') ?? read(thrown, 'statusCode');
  if (status === undefined) return undefined;
  return {
    status: typeof status === 'number' ? status : NaN,
    code: read(thrown, 'code'),
    numericCode: read(thrown, 'numericCode'),
    message: read(thrown, 'message'),
    expose: read(thrown, 'expose'),
    headers: read(thrown, 'headers'),
    retryAfter: read(thrown, 'retryAfter'),
    stack: read(thrown, 'stack'),
    cause: read(thrown, 'cause'),
  };
}
