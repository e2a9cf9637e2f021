import { MAX_ISSUES } from '../../fault/field-issue.js';
import { VALIDATION_MESSAGE } from '../../validation/validation-error.js';
import type { FaultInput } from '../fault-input.js';
import { issuesFromStandard } from '../issues/standard.js';
import { ZOD_VENDOR } from '../issues/zod.js';
import { read, readString } from '../read.js';

/**
 * A thrown `ZodError` (zod 3 and 4: `schema.parse(req.body)` in a route): a validation failure,
 * one field issue per zod issue, pointing into the body (where `parse` is mostly pointed).
 */
export function fromZod(thrown: unknown): FaultInput | undefined {
  if (readString(thrown, 'name') !== 'ZodError') return undefined;
  const issues = read(thrown, 'issues');
  if (!Array.isArray(issues)) return undefined;
  return { validation: true, message: VALIDATION_MESSAGE, issues: issuesFromStandard(ZOD_VENDOR, issues, 'body', MAX_ISSUES) };
}
