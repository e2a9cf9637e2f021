import type { FieldIssue, IssueLocation } from '../../fault/field-issue.js';
import { read, readString } from '../read.js';
import { isMissingMember, pointerFromPath } from './path-pointer.js';
import { boundRule, formatRule, measuredOf, patternRule, typeRule, valuesRule, type Rule } from './rule.js';

// valibot's schema types that check a JavaScript type, and the JSON Schema type each is.
const TYPES: Record<string, string> = {
  string: 'string',
  number: 'number',
  bigint: 'integer',
  boolean: 'boolean',
  array: 'array',
  tuple: 'array',
  strict_tuple: 'array',
  loose_tuple: 'array',
  object: 'object',
  strict_object: 'object',
  loose_object: 'object',
  object_with_rest: 'object',
  record: 'object',
  null: 'null',
  date: 'date',
  integer: 'integer',
  safe_integer: 'integer',
};

// valibot's string validations that are formats, as JSON Schema names them.
const FORMATS: Record<string, string> = {
  email: 'email',
  rfc_email: 'email',
  url: 'uri',
  uuid: 'uuid',
  ulid: 'ulid',
  cuid2: 'cuid2',
  ip: 'ip',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  iso_timestamp: 'iso_timestamp',
  iso_date_time: 'iso_date_time',
  iso_date: 'iso_date',
  iso_time: 'iso_time',
  iso_time_second: 'iso_time_second',
  base64: 'base64',
  hexadecimal: 'hexadecimal',
};

/**
 * valibot's issues as field issues: its `type` (`min_length`, `email`, `strict_object`, …) mapped
 * onto JSON Schema's keywords, its `requirement` as ajv's params, its own message kept. A key an
 * object schema expected and did not find is `required`; a key a strict object refused is
 * `additionalProperties`, pointing at the key.
 */
export function issueFromValibot(issue: unknown, location: IssueLocation, data?: unknown): FieldIssue {
  const message = readString(issue, 'message') ?? 'is invalid';
  const path = read(issue, 'path');
  const pointer = pointerFromPath(path) ?? '';
  const rule = valibotRule(issue, path, data);
  return rule.params === undefined ? { location, pointer, keyword: rule.keyword, message } : { location, pointer, keyword: rule.keyword, message, params: rule.params };
}

function valibotRule(issue: unknown, path: unknown, data: unknown): Rule {
  const type = readString(issue, 'type') ?? '';
  const kind = readString(issue, 'kind');
  const input = read(issue, 'input');
  const requirement = read(issue, 'requirement');
  if (Array.isArray(path) && path.length > 0) {
    // The last path item of a key issue has `origin: 'key'`: a missing key, or an unknown one.
    const origin = read(path[path.length - 1], 'origin');
    if (origin === 'key') return read(issue, 'expected') === 'never' ? { keyword: 'additionalProperties' } : { keyword: 'required' };
    if (kind === 'schema' && input === undefined && (data === undefined || isMissingMember(data, path))) return { keyword: 'required' };
  }
  switch (type) {
    case 'min_length':
    case 'max_length':
    case 'min_size':
    case 'max_size':
    case 'min_entries':
    case 'max_entries':
      return boundRule(measuredOf(Array.isArray(input) ? 'array' : typeof input === 'string' ? 'string' : type.endsWith('entries') ? 'object' : 'array', input), type.startsWith('min') ? 'min' : 'max', requirement);
    case 'min_value':
    case 'max_value':
      return boundRule('number', type === 'min_value' ? 'min' : 'max', requirement instanceof Date ? requirement.toISOString() : requirement);
    case 'gt_value':
    case 'lt_value':
      return boundRule('number', type === 'gt_value' ? 'min' : 'max', requirement instanceof Date ? requirement.toISOString() : requirement, false);
    case 'multiple_of':
      return typeof requirement === 'number' ? { keyword: 'multipleOf', params: { multipleOf: requirement } } : { keyword: 'multipleOf' };
    case 'regex':
      return patternRule(requirement);
    case 'picklist':
    case 'enum':
      return valuesRule(optionsOf(requirement));
    case 'literal':
      return { keyword: 'const' };
    case 'union':
    case 'variant':
      return { keyword: 'anyOf' };
    default:
      if (Object.hasOwn(TYPES, type) && kind !== 'validation') return typeRule(TYPES[type]);
      if (type === 'integer' || type === 'safe_integer') return typeRule('integer');
      if (Object.hasOwn(FORMATS, type)) return formatRule(FORMATS[type]);
      return { keyword: type === '' ? 'invalid' : type };
  }
}

function optionsOf(requirement: unknown): unknown {
  return Array.isArray(requirement) ? requirement : undefined;
}

export const VALIBOT_VENDOR = 'valibot';
