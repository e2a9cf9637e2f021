// class-validator's structured errors, kept: Nest's ValidationPipe turns them into message strings
// ("pins.0.cid must be a string"), from which a constraint's name cannot be read back. This pipe
// hands them to faultline instead: one field issue per failed constraint, its name as the keyword,
// the nested property path as the pointer, the part of the request (body, query, path) it checked.
import { ValidationPipe, type ArgumentMetadata, type ValidationPipeOptions } from '@nestjs/common';
import { childPointer, MAX_ISSUES, RequestValidationError, type FieldIssue, type IssueLocation } from '../../src/kit.js';

/** class-validator's `ValidationError`, as much of it as faultline reads (no import of class-validator). */
export interface ClassValidatorError {
  readonly property: string;
  readonly constraints?: Readonly<Record<string, string>>;
  readonly children?: readonly ClassValidatorError[];
}

const LOCATIONS: Partial<Record<ArgumentMetadata['type'], IssueLocation>> = { body: 'body', query: 'query', param: 'params' };

/**
 * class-validator's errors as a faultline validation failure: `isString` on `pins[0].cid` becomes
 * `{ pointer: '/pins/0/cid', keyword: 'isString', message: 'cid must be a string' }`. Use it as
 * any `ValidationPipe`'s `exceptionFactory`; its issues point into the body (the pipe does not say
 * which part it checked: `FaultlineValidationPipe` does).
 */
export function classValidatorFailure(errors: readonly ClassValidatorError[]): RequestValidationError {
  const issues: FieldIssue[] = [];
  const walk = (list: readonly ClassValidatorError[], parent: string): void => {
    for (const error of list) {
      if (issues.length >= MAX_ISSUES) return;
      const pointer = typeof error.property === 'string' ? childPointer(parent, error.property) : parent;
      for (const [keyword, message] of Object.entries(error.constraints ?? {})) {
        if (issues.length >= MAX_ISSUES) return;
        issues.push({ location: 'body', pointer, keyword, message });
      }
      if (Array.isArray(error.children)) walk(error.children, pointer);
    }
  };
  walk(Array.isArray(errors) ? errors : [], '');
  return new RequestValidationError(issues);
}

/**
 * Nest's `ValidationPipe` (every option kept: `whitelist`, `transform`, …) whose failures are
 * faultline field issues with class-validator's constraint names as keywords and nested paths as
 * JSON pointers, located in the part of the request the pipe checked:
 * `app.useGlobalPipes(new FaultlineValidationPipe({ whitelist: true }))`.
 */
export class FaultlineValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions = {}) {
    super({ ...options, exceptionFactory: options.exceptionFactory ?? ((errors) => classValidatorFailure(errors as readonly ClassValidatorError[])) });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const location = LOCATIONS[metadata.type];
      if (!(error instanceof RequestValidationError) || location === undefined || location === 'body') throw error;
      throw new RequestValidationError((error.issues ?? []).map((issue) => ({ ...issue, location })));
    }
  }
}
