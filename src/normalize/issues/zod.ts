import type { FieldIssue, IssueLocation } from '../../fault/field-issue.js';
import { read, readString } from '../read.js';
import { isMissingMember, pointerFromPath } from './path-pointer.js';
import { boundRule, formatRule, measuredOf, patternRule, typeRule, valuesRule, type Rule } from './rule.js';
import { childPointer } from '../../fault/json-pointer.js';

/**
 * zod's issues (v3 and v4) as field issues. zod's codes are mapped onto JSON Schema's keywords
 * (`too_small` of a string → `minLength` with `{ limit }`), so a zod route answers as the same
 * route with a JSON Schema would; zod's own message is kept. `unrecognized_keys` becomes one issue
 * per extra key, pointing at it. `data` (the validated value, when known) tells a missing member
 * (`required`) from one of the wrong type: zod 4 reports both as `invalid_type`.
 */
export function issuesFromZod(issue: unknown, location: IssueLocation, data?: unknown): FieldIssue[] {
  const message = readString(issue, 'message') ?? 'is invalid';
  const path = read(issue, 'path');
  const pointer = pointerFromPath(path) ?? '';
  const code = readString(issue, 'code');
  if (code === 'unrecognized_keys') {
    const keys = read(issue, 'keys');
    if (Array.isArray(keys) && keys.length > 0 && keys.every((k) => typeof k === 'string')) {
      return keys.map((key: string) => ({ location, pointer: childPointer(pointer, key), keyword: 'additionalProperties', message }));
    }
  }
  // A member the request left out: zod 4 reports it as `invalid_type` (or `invalid_value` for an
  // enum), zod 3 with `received: 'undefined'`. The validated data tells for sure; without it, the words do.
  if (Array.isArray(path) && path.length > 0) {
    const missing =
      data !== undefined
        ? isMissingMember(data, path)
        : code === 'invalid_type' && (read(issue, 'received') === 'undefined' || message.endsWith('received undefined'));
    if (missing) return [{ location, pointer, keyword: 'required', message }];
  }
  const rule = zodRule(issue, code);
  return [rule.params === undefined ? { location, pointer, keyword: rule.keyword, message } : { location, pointer, keyword: rule.keyword, message, params: rule.params }];
}

function zodRule(issue: unknown, code: string | undefined): Rule {
  switch (code) {
    case 'invalid_type':
      return typeRule(read(issue, 'expected'));
    case 'too_small':
    case 'too_big': {
      // zod 4 names what was measured `origin`; zod 3 `type`.
      const measured = measuredOf(read(issue, 'origin') ?? read(issue, 'type'));
      const side = code === 'too_small' ? 'min' : 'max';
      const limit = read(issue, side === 'min' ? 'minimum' : 'maximum');
      return boundRule(measured, side, typeof limit === 'bigint' ? String(limit) : limit, read(issue, 'inclusive') !== false);
    }
    case 'not_multiple_of': {
      const divisor = read(issue, 'divisor') ?? read(issue, 'multipleOf');
      return typeof divisor === 'number' ? { keyword: 'multipleOf', params: { multipleOf: divisor } } : { keyword: 'multipleOf' };
    }
    case 'invalid_format':
    case 'invalid_string': {
      // zod 4: `format`; zod 3: `validation`, a name or `{ includes | startsWith | endsWith }`.
      const format = read(issue, 'format') ?? read(issue, 'validation');
      if (format === 'regex') return patternRule(read(issue, 'pattern'));
      if (typeof format !== 'string') return { keyword: 'pattern' };
      if (format === 'starts_with' || format === 'ends_with' || format === 'includes') return { keyword: 'pattern' };
      return formatRule(format);
    }
    case 'invalid_value':
      return valuesRule(read(issue, 'values'));
    case 'invalid_enum_value':
      return valuesRule(read(issue, 'options'));
    case 'invalid_literal':
      return valuesRule([read(issue, 'expected')]);
    case 'invalid_union':
    case 'invalid_union_discriminator':
      return { keyword: 'anyOf' };
    case 'invalid_date':
      return typeRule('date');
    case 'not_finite':
      return typeRule('number');
    default:
      // `custom` (refinements) and the rest: zod's own code is the keyword.
      return { keyword: code ?? 'invalid' };
  }
}

/** zod's schemas and errors say who made them: `~standard.vendor` is `'zod'`; a ZodError is named so. */
export const ZOD_VENDOR = 'zod';
