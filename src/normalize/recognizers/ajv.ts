import type { FieldIssue, IssueLocation } from '../../fault/field-issue.js';
import { MAX_ISSUES } from '../../fault/field-issue.js';
import { childPointer, isJsonPointer } from '../../fault/json-pointer.js';
import type { FaultInput } from '../fault-input.js';
import { ajvParams } from '../issues/rule.js';
import { read, readString } from '../read.js';

/**
 * ajv's `ValidationError` (thrown by async schemas: `ajv: true`, `validation: true`, `errors`) and
 * a raw array of ajv error objects, as `validate.errors` holds them.
 */
export function fromAjv(thrown: unknown): FaultInput | undefined {
  let list: unknown = undefined;
  if (Array.isArray(thrown)) list = thrown;
  else if (read(thrown, 'ajv') === true && read(thrown, 'validation') === true) list = read(thrown, 'errors');
  if (!Array.isArray(list) || list.length === 0 || !list.every(isAjvError)) return undefined;
  return { validation: true, message: 'Request validation failed', issues: issuesFromAjv(list, 'body') };
}

/** One ajv error object, as much of it as faultline reads. */
export interface AjvErrorLike {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

function isAjvError(value: unknown): value is AjvErrorLike {
  return typeof read(value, 'instancePath') === 'string' && typeof read(value, 'keyword') === 'string';
}

/**
 * ajv errors as field issues. `required`, `dependentRequired` and `additionalProperties` point at
 * the field itself (ajv reports the parent object), and ajv's English message for them (which
 * names the field the pointer now shows) becomes `is required` / `is not allowed`; a message
 * localised before (ajv-i18n) is kept. The pointer's tokens are escaped (RFC 6901). The params that
 * describe the rule (`limit`, `type`, `allowedValues`, `format`, …) are kept, never what came from
 * the request.
 */
export function issuesFromAjv(errors: readonly AjvErrorLike[], location: IssueLocation): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    if (issues.length >= MAX_ISSUES) break;
    const keyword = readString(error, 'keyword') ?? 'invalid';
    let pointer = readString(error, 'instancePath') ?? '';
    // ajv's own paths are pointers; a look-alike's arbitrary text must not leave as one.
    if (!isJsonPointer(pointer)) pointer = '';
    const own = readString(error, 'message');
    let message = own ?? 'is invalid';
    // ajv's own wording is English and starts with "must"; ajv-i18n's is anything else.
    const english = own === undefined || own.startsWith('must ');
    const params = read(error, 'params');
    if (keyword === 'required' || keyword === 'dependentRequired' || keyword === 'dependencies') {
      const missing = readString(params, 'missingProperty');
      if (missing !== undefined) {
        pointer = childPointer(pointer, missing);
        if (english) message = 'is required';
      }
    } else if (keyword === 'additionalProperties' || keyword === 'unevaluatedProperties') {
      const extra = readString(params, keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty');
      if (extra !== undefined) {
        pointer = childPointer(pointer, extra);
        if (english) message = 'is not allowed';
      }
    }
    const kept = ajvParams(keyword, params);
    issues.push(kept === undefined ? { location, pointer, keyword, message } : { location, pointer, keyword, message, params: kept });
  }
  return issues;
}
