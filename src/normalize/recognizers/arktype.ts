import { MAX_ISSUES } from '../../fault/field-issue.js';
import { VALIDATION_MESSAGE } from '../../validation/validation-error.js';
import type { FaultInput } from '../fault-input.js';
import { ARKTYPE_VENDOR } from '../issues/arktype.js';
import { issuesFromStandard } from '../issues/standard.js';
import { read, readString } from '../read.js';

/**
 * arktype's failures: `ArkErrors` (what a type returns on failure, thrown as is) and the
 * `TraversalError` that `type.assert(data)` throws, which carries them as `arkErrors`.
 */
export function fromArktype(thrown: unknown): FaultInput | undefined {
  const errors = readString(thrown, 'name') === 'TraversalError' ? read(thrown, 'arkErrors') : thrown;
  // ArkErrors is an array subclass that marks itself with a ` arkKind` of `'errors'`.
  if (!Array.isArray(errors) || read(errors, ' arkKind') !== 'errors') return undefined;
  return { validation: true, message: VALIDATION_MESSAGE, issues: issuesFromStandard(ARKTYPE_VENDOR, errors, 'body', MAX_ISSUES) };
}
