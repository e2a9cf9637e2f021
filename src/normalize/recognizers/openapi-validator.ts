import type { FieldIssue, IssueLocation } from '../../fault/field-issue.js';
import { MAX_ISSUES } from '../../fault/field-issue.js';
import { isJsonPointer } from '../../fault/json-pointer.js';
import { VALIDATION_MESSAGE } from '../../validation/validation-error.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { read, readNumber, readString } from '../read.js';

const LOCATIONS: Record<string, IssueLocation> = { body: 'body', query: 'query', params: 'params', path: 'params', headers: 'headers' };
const ERROR_CODE = /^([A-Za-z]+)\.openapi\.(validation|requestValidation)$/;

/**
 * express-openapi-validator's errors (`BadRequest`, `NotFound`, `MethodNotAllowed`,
 * `UnsupportedMediaType`, …: a `status` and an `errors` list of `{ path, message, errorCode }`).
 * A request that fails the document's schemas is a validation failure: each error becomes a field
 * issue, its path (`/body/pins/0/cid`) split into the location and a JSON pointer, its
 * `errorCode` (`type.openapi.validation`) giving the keyword. The rest keep their status, message
 * and headers (`Allow` of a 405). A response that failed validation is a hidden 500.
 */
export function fromOpenApiValidator(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  const status = readNumber(thrown, 'status');
  const errors = read(thrown, 'errors');
  if (status === undefined || !Array.isArray(errors) || errors.length === 0 || !errors.every(isValidatorError)) return undefined;
  const stack = debugStack(thrown, policy);
  if (status === 400) {
    const issues: FieldIssue[] = [];
    for (const error of errors) {
      if (issues.length >= MAX_ISSUES) break;
      const issue = issueOf(error);
      if (issue !== undefined) issues.push(issue);
    }
    if (issues.length > 0) return { validation: true, message: VALIDATION_MESSAGE, issues, stack };
  }
  return { status, message: read(thrown, 'message'), headers: read(thrown, 'headers'), stack };
}

function isValidatorError(value: unknown): boolean {
  return typeof read(value, 'path') === 'string' && typeof read(value, 'message') === 'string';
}

function issueOf(error: unknown): FieldIssue | undefined {
  let path = readString(error, 'path') ?? '';
  // Older versions wrote `.body.cid`.
  if (path.startsWith('.')) path = path.replace(/\./g, '/');
  const slash = path.indexOf('/', 1);
  const location = LOCATIONS[slash === -1 ? path.slice(1) : path.slice(1, slash)];
  if (location === undefined) return undefined;
  const pointer = slash === -1 ? '' : path.slice(slash);
  if (!isJsonPointer(pointer)) return undefined;
  const keyword = ERROR_CODE.exec(readString(error, 'errorCode') ?? '')?.[1] ?? 'invalid';
  const message = keyword === 'required' ? 'is required' : keyword === 'additionalProperties' ? 'is not allowed' : (readString(error, 'message') as string);
  return { location, pointer, keyword, message };
}
