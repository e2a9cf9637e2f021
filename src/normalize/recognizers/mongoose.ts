import type { FieldIssue } from '../../fault/field-issue.js';
import { MAX_ISSUES } from '../../fault/field-issue.js';
import { escapePointerToken } from '../../fault/json-pointer.js';
import { VALIDATION_MESSAGE } from '../../validation/validation-error.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { boundRule, typeRule, valuesRule, type Rule } from '../issues/rule.js';
import { STORED } from '../issues/stored-fields.js';
import { ownKeys, read, readString } from '../read.js';

// A schema path as Mongoose reports it: `email`, `tags.0.name`.
const PATH = /^[A-Za-z0-9_$-]{1,64}(\.[A-Za-z0-9_$-]{1,64}){0,15}$/;

/**
 * Mongoose's errors: a document's `ValidationError` is a validation failure with one field issue
 * per failing path (its validator's kind mapped onto JSON Schema's keywords: `minlength` →
 * `minLength` with `{ limit }`); a `CastError` (an id that is not an ObjectId) is a 400. Mongoose's
 * own messages quote the rejected value and name the model: faultline words them itself.
 */
export function fromMongoose(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  const name = readString(thrown, 'name');
  if (name === 'CastError' && isMongooseError(thrown)) return { status: 400, message: STORED.malformed.message, stack: debugStack(thrown, policy) };
  if (name !== 'ValidationError') return undefined;
  const errors = read(thrown, 'errors');
  if (errors === null || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
  const paths = ownKeys(errors);
  if (paths.length === 0 || !paths.every((path) => isMongooseError(read(errors, path)))) return undefined;
  const issues: FieldIssue[] = [];
  for (const path of paths) {
    if (issues.length >= MAX_ISSUES) break;
    if (!PATH.test(path)) continue;
    const error = read(errors, path);
    const rule = ruleOf(error);
    const pointer = path.split('.').map((token) => `/${escapePointerToken(token)}`).join('');
    const message = messageOf(rule);
    issues.push(rule.params === undefined ? { location: 'body', pointer, keyword: rule.keyword, message } : { location: 'body', pointer, keyword: rule.keyword, message, params: rule.params });
  }
  return { validation: true, message: VALIDATION_MESSAGE, issues, stack: debugStack(thrown, policy) };
}

// ValidatorError and CastError both carry the validator's `kind` and the schema `path`.
function isMongooseError(value: unknown): boolean {
  return typeof read(value, 'kind') === 'string' && typeof read(value, 'path') === 'string';
}

function ruleOf(error: unknown): Rule {
  const kind = readString(error, 'kind') ?? '';
  const props = read(error, 'properties');
  if (readString(error, 'name') === 'CastError') return typeRule(kind.toLowerCase());
  switch (kind) {
    case 'required':
      return { keyword: 'required' };
    case 'minlength':
    case 'maxlength':
      return boundRule('string', kind === 'minlength' ? 'min' : 'max', read(props, kind));
    case 'min':
    case 'max':
      return boundRule('number', kind, limitOf(read(props, kind)));
    case 'enum':
      return valuesRule(read(props, 'enumValues'));
    case 'regexp':
      return { keyword: 'pattern' };
    default:
      return { keyword: /^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(kind) ? kind : 'custom' };
  }
}

function limitOf(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function messageOf(rule: Rule): string {
  const limit = rule.params?.limit;
  switch (rule.keyword) {
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${String(rule.params?.type ?? 'of the schema type')}`;
    case 'minLength':
      return `must NOT have fewer than ${String(limit)} characters`;
    case 'maxLength':
      return `must NOT have more than ${String(limit)} characters`;
    case 'minimum':
      return `must be >= ${String(limit)}`;
    case 'maximum':
      return `must be <= ${String(limit)}`;
    case 'enum':
    case 'const':
      return 'must be equal to one of the allowed values';
    case 'pattern':
      return 'must match the required pattern';
    default:
      return 'is invalid';
  }
}
