import { errors, HttpError } from '../../src/index.js';

/**
 * What the route throws for request `i`: a 404, a hidden 500, a validation error, a 429 in turn,
 * each with its own message, pointer or retry time, so that whatever is cached per value would grow.
 */
export function thrownAt(i: number): unknown {
  switch (i % 4) {
    case 0:
      return errors.notFound(`No pin ${i}`);
    case 1:
      return new Error(`db-7 refused connection ${i}`);
    case 2:
      return errors.badRequest('Invalid request', { issues: [{ location: 'body', pointer: `/pins/${i % 1000}/cid`, keyword: 'type', message: 'must be string' }] });
    default:
      return new HttpError(429, undefined, { retryAfter: i % 60 });
  }
}

export const EXPECTED_STATUS = [404, 500, 400, 429] as const;

/** The request number a path `/pins/<i>` stands for. */
export function indexOf(path: string): number {
  return Number(path.slice(path.lastIndexOf('/') + 1).split('?')[0]);
}
