import type { FieldIssue, IssueLocation } from '../../fault/field-issue.js';
import { read, readString } from '../read.js';
import { pointerFromPath } from './path-pointer.js';
import { boundRule, measuredOf, patternRule, typeRule, type Rule } from './rule.js';

/**
 * arktype's errors (`ArkError`: `code`, `path`, `rule`, `message`) as field issues, their codes
 * mapped onto JSON Schema's keywords: `domain` → `type`, `divisor` 1 → `type: integer`, an
 * undeclared key refused by `'+': 'reject'` → `additionalProperties`. arktype's message is kept.
 */
export function issueFromArktype(issue: unknown, location: IssueLocation): FieldIssue {
  const message = readString(issue, 'message') ?? 'is invalid';
  const pointer = pointerFromPath(read(issue, 'path')) ?? '';
  const rule = arktypeRule(issue);
  return rule.params === undefined ? { location, pointer, keyword: rule.keyword, message } : { location, pointer, keyword: rule.keyword, message, params: rule.params };
}

function arktypeRule(issue: unknown): Rule {
  const code = readString(issue, 'code');
  const rule = read(issue, 'rule');
  const data = read(issue, 'data');
  switch (code) {
    case 'required':
      return { keyword: 'required' };
    case 'domain':
      return typeRule(read(issue, 'domain'));
    case 'proto':
      return { keyword: 'type' };
    case 'minLength':
    case 'maxLength':
      return boundRule(measuredOf(undefined, data), code === 'minLength' ? 'min' : 'max', rule);
    case 'exactLength':
      return boundRule(measuredOf(undefined, data), 'min', rule);
    case 'min':
    case 'max':
    case 'after':
    case 'before':
      return boundRule('number', code === 'min' || code === 'after' ? 'min' : 'max', rule instanceof Date ? rule.toISOString() : rule, read(issue, 'exclusive') !== true);
    case 'divisor':
      return rule === 1 ? typeRule('integer') : typeof rule === 'number' ? { keyword: 'multipleOf', params: { multipleOf: rule } } : { keyword: 'multipleOf' };
    case 'pattern':
      return patternRule(rule);
    case 'unit':
      return { keyword: 'const' };
    case 'union':
      return { keyword: 'anyOf' };
    case 'predicate':
      // `'+': 'reject'` reports an undeclared key as a predicate expecting its removal.
      return read(issue, 'expected') === 'removed' ? { keyword: 'additionalProperties' } : { keyword: 'predicate' };
    default:
      return { keyword: code ?? 'invalid' };
  }
}

export const ARKTYPE_VENDOR = 'arktype';
