import type { IssueParam } from '../../fault/field-issue.js';
import { read } from '../read.js';

/**
 * A failed rule in JSON Schema's words: the keyword ajv would report and the params ajv would give
 * it. Every schema library's issues are mapped onto these, so a client reads one vocabulary (the
 * one ajv-i18n and most form libraries translate) whichever library the API validates with.
 */
export interface Rule {
  readonly keyword: string;
  readonly params?: Readonly<Record<string, IssueParam>>;
}

/** The JSON Schema type names (`integer` included); anything else a library names is kept as it is. */
export function jsonType(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  switch (name) {
    case 'int':
    case 'integer':
    case 'safeint':
      return 'integer';
    case 'float':
    case 'number':
      return 'number';
    case 'bool':
    case 'boolean':
      return 'boolean';
    default:
      return name;
  }
}

export const typeRule = (type: unknown): Rule => {
  const name = jsonType(type);
  return name === undefined ? { keyword: 'type' } : { keyword: 'type', params: { type: name } };
};

/** What a size limit applies to: characters, items, members or a number's value. */
export type Measured = 'string' | 'array' | 'object' | 'number';

const SIZE_KEYWORDS: Record<Measured, readonly [string, string]> = {
  string: ['minLength', 'maxLength'],
  array: ['minItems', 'maxItems'],
  object: ['minProperties', 'maxProperties'],
  number: ['minimum', 'maximum'],
};

/** A lower (`min`) or upper bound: minLength, maxItems, minimum, exclusiveMaximum, … with ajv's params. */
export function boundRule(measured: Measured, side: 'min' | 'max', limit: unknown, inclusive = true): Rule {
  const [min, max] = SIZE_KEYWORDS[measured];
  const value = typeof limit === 'number' || typeof limit === 'string' ? limit : undefined;
  if (measured !== 'number') {
    return value === undefined ? { keyword: side === 'min' ? min : max } : { keyword: side === 'min' ? min : max, params: { limit: value } };
  }
  const keyword = inclusive ? (side === 'min' ? 'minimum' : 'maximum') : side === 'min' ? 'exclusiveMinimum' : 'exclusiveMaximum';
  const comparison = side === 'min' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  return value === undefined ? { keyword } : { keyword, params: { comparison, limit: value } };
}

/** What a value measured by a size rule was: from the library's own word, else from the value. */
export function measuredOf(origin: unknown, value?: unknown): Measured {
  switch (origin) {
    case 'string':
      return 'string';
    case 'array':
    case 'set':
      return 'array';
    case 'object':
    case 'map':
      return 'object';
    case 'number':
    case 'int':
    case 'bigint':
    case 'date':
    case 'value':
      return 'number';
    default:
      if (typeof value === 'string') return 'string';
      if (Array.isArray(value)) return 'array';
      return 'number';
  }
}

/** `enum` with `allowedValues`, or `const` with `allowedValue` for a single one. */
export function valuesRule(values: unknown): Rule {
  if (!Array.isArray(values)) return { keyword: 'enum' };
  if (values.length === 1) return { keyword: 'const', params: { allowedValue: values[0] as IssueParam } };
  return { keyword: 'enum', params: { allowedValues: values as IssueParam } };
}

// Format names as JSON Schema (and ajv-formats) spell them, from each library's own names.
const FORMATS: Record<string, string> = {
  datetime: 'date-time',
  iso_timestamp: 'date-time',
  iso_date_time: 'date-time',
  iso_date: 'date',
  iso_time: 'time',
  iso_time_second: 'time',
  url: 'uri',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  ip: 'ip',
  cidrv4: 'cidr',
  cidrv6: 'cidr',
  guid: 'uuid',
};

/** `format`, named as JSON Schema names formats (`date-time`, `uri`, `email`, `uuid`). */
export function formatRule(name: unknown): Rule {
  if (typeof name !== 'string') return { keyword: 'format' };
  return { keyword: 'format', params: { format: FORMATS[name] ?? name } };
}

/** `pattern`, with the regular expression's source. */
export function patternRule(pattern: unknown): Rule {
  const source = pattern instanceof RegExp ? pattern.source : typeof pattern === 'string' ? pattern : undefined;
  return source === undefined ? { keyword: 'pattern' } : { keyword: 'pattern', params: { pattern: source } };
}

// The ajv params each keyword's rule is described by; others (`missingProperty`, `additionalProperty`,
// `i`/`j` of uniqueItems) repeat the pointer or the request's own data, and are not kept.
const AJV_PARAMS: Record<string, readonly string[]> = {
  type: ['type'],
  minLength: ['limit'],
  maxLength: ['limit'],
  minItems: ['limit'],
  maxItems: ['limit'],
  minProperties: ['limit'],
  maxProperties: ['limit'],
  minimum: ['comparison', 'limit'],
  maximum: ['comparison', 'limit'],
  exclusiveMinimum: ['comparison', 'limit'],
  exclusiveMaximum: ['comparison', 'limit'],
  multipleOf: ['multipleOf'],
  enum: ['allowedValues'],
  const: ['allowedValue'],
  format: ['format'],
  pattern: ['pattern'],
};

/** The params of an ajv error worth a client's reading, for the keywords whose rule they describe. */
export function ajvParams(keyword: string, params: unknown): Record<string, IssueParam> | undefined {
  const names = Object.hasOwn(AJV_PARAMS, keyword) ? AJV_PARAMS[keyword] : undefined;
  if (names === undefined) return undefined;
  let out: Record<string, IssueParam> | undefined;
  for (const name of names) {
    const value = read(params, name);
    if (value !== undefined) (out ??= {})[name] = value as IssueParam;
  }
  return out;
}
