import { STATUS_CATALOG, type ErrorStatus, type HelperName, type StatusCode } from '../status/catalog.js';
import { HttpError, type HttpErrorInit } from './http-error.js';

/** One helper per error status: `errors.notFound(message?, init?)`. */
export type ErrorHelpers = {
  readonly [S in ErrorStatus as HelperName<S>]: <C extends string = StatusCode<S>>(
    message?: string,
    init?: HttpErrorInit<C>,
  ) => HttpError<C>;
};

function buildHelpers(): ErrorHelpers {
  const helpers: Record<string, (message?: string, init?: HttpErrorInit) => HttpError> = {};
  for (const [key, entry] of Object.entries(STATUS_CATALOG)) {
    if (!('helper' in entry)) continue;
    const status = Number(key);
    helpers[entry.helper] = (message, init) => new HttpError(status, message, init);
  }
  return Object.freeze(helpers) as unknown as ErrorHelpers;
}

/**
 * `errors.notFound()`, `errors.tooManyRequests('Slow down', { retryAfter: 30 })`, … one per 4xx and
 * 5xx status in the catalog, 499 and 599 included.
 */
export const errors: ErrorHelpers = /* @__PURE__ */ buildHelpers();
