import { MAX_ISSUES } from '../../fault/field-issue.js';
import { VALIDATION_MESSAGE } from '../../validation/validation-error.js';
import type { FaultInput } from '../fault-input.js';
import { issuesFromStandard } from '../issues/standard.js';
import { VALIBOT_VENDOR } from '../issues/valibot.js';
import { read, readString } from '../read.js';

/** A thrown valibot `ValiError` (`v.parse(schema, body)`): a validation failure with field issues. */
export function fromValibot(thrown: unknown): FaultInput | undefined {
  if (readString(thrown, 'name') !== 'ValiError') return undefined;
  const issues = read(thrown, 'issues');
  if (!Array.isArray(issues)) return undefined;
  return { validation: true, message: VALIDATION_MESSAGE, issues: issuesFromStandard(VALIBOT_VENDOR, issues, 'body', MAX_ISSUES) };
}
