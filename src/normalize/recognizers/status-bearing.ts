import type { FaultInput } from '../fault-input.js';
import { read } from '../read.js';

/**
 * Anything with a numeric `status` or `statusCode`: `http-errors` (and so Koa's `ctx.throw`),
 * plain objects, other libraries' HTTP errors. A string `code` becomes the machine code when the
 * error is exposed (`createError(409, msg, { code: 'INSUFFICIENT_FUNDS' })`).
 *
 * Not an error that carries another service's HTTP response (`response.status`) or the request
 * made to it (`config`, `request`): its status is the other service's answer to this API, not
 * this API's answer to its client. An HTTP client the upstream recogniser does not know, or that
 * family turned off, leaves such an error unrecognised: a hidden 500.
 */
export function fromStatusBearing(thrown: unknown): FaultInput | undefined {
  const status = read(thrown, 'status') ?? read(thrown, 'statusCode');
  if (status === undefined || carriesUpstreamCall(thrown)) return undefined;
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

function carriesUpstreamCall(thrown: unknown): boolean {
  const response = read(thrown, 'response');
  if (isObject(response) && (typeof read(response, 'status') === 'number' || typeof read(response, 'statusCode') === 'number')) {
    return true;
  }
  return isObject(read(thrown, 'config')) || isObject(read(thrown, 'request'));
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}
