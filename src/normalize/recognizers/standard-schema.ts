import { MAX_ISSUES } from '../../fault/field-issue.js';
import { VALIDATION_MESSAGE } from '../../validation/validation-error.js';
import type { FaultInput } from '../fault-input.js';
import { issuesFromStandard } from '../issues/standard.js';
import { read } from '../read.js';

/**
 * Any other thrown Standard Schema failure: an object whose `issues` are Standard Schema issues
 * (each a `message`, with a `path` on at least one), as a library that throws its validator's
 * result does. The issues keep their messages and paths; their own code, where they carry one.
 */
export function fromStandardSchema(thrown: unknown): FaultInput | undefined {
  const issues = read(thrown, 'issues');
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  let withPath = false;
  for (let i = 0; i < issues.length && i < MAX_ISSUES; i++) {
    const issue: unknown = issues[i];
    if (typeof read(issue, 'message') !== 'string') return undefined;
    const path = read(issue, 'path');
    if (path !== undefined && !Array.isArray(path)) return undefined;
    if (Array.isArray(path)) withPath = true;
  }
  if (!withPath) return undefined;
  return { validation: true, message: VALIDATION_MESSAGE, issues: issuesFromStandard(undefined, issues, 'body', MAX_ISSUES) };
}
