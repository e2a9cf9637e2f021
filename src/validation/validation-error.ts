import { HttpError } from '../errors/http-error.js';
import type { FieldIssue } from '../fault/field-issue.js';

export const VALIDATION_MESSAGE = 'Request validation failed';

/**
 * A request that failed its schemas: a faultline `HttpError` carrying field issues. When
 * `validate()` was not told a status, `validation` is true and the error handler's own
 * `validationStatus` decides (set once, in `errorHandler`); `status` is then 400, which is what a
 * framework's default handler, without faultline, answers.
 */
export class RequestValidationError extends HttpError {
  readonly validation: boolean;

  constructor(issues: readonly FieldIssue[], status?: 400 | 422) {
    super(status ?? 400, VALIDATION_MESSAGE, { issues });
    this.validation = status === undefined;
  }
}
