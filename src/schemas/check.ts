import type { JsonSchema } from './schema.js';
import { isUriReference } from './uri-reference.js';

/** One way a value breaks a schema: where (a JSON pointer into the value) and what, in ajv's words. */
export interface SchemaViolation {
  readonly pointer: string;
  readonly message: string;
}

/**
 * Checks a JSON value against a JSON Schema (draft 2020-12) written with the keywords faultline's
 * envelope schemas use, and reports every violation. Not a general validator: a keyword outside
 * that set throws (a schema it cannot fully check is never passed silently). It needs no code
 * generation and no dependency, so `faultline/testing` runs on any runtime a test runner does.
 * test/schemas agrees it with ajv on every body the suite renders and on mutations of them.
 */
export function checkSchema(schema: JsonSchema, value: unknown): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  check(schema, value, '', schema, violations);
  return violations;
}

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs', '$comment', 'examples', 'default']);
const APPLIED_WITH_IF = new Set(['then', 'else']);

type Json = Record<string, unknown>;

function check(schema: JsonSchema | boolean, value: unknown, pointer: string, root: JsonSchema, out: SchemaViolation[]): void {
  if (schema === true) return;
  if (schema === false) {
    out.push({ pointer, message: 'boolean schema is false' });
    return;
  }
  const fail = (message: string) => out.push({ pointer, message });
  for (const keyword of Object.keys(schema)) {
    if (ANNOTATIONS.has(keyword) || APPLIED_WITH_IF.has(keyword)) continue;
    const rule: unknown = schema[keyword];
    switch (keyword) {
      case '$ref':
        check(resolveRef(rule as string, root), value, pointer, root, out);
        break;
      case 'type':
        if (!hasType(value, rule as string | string[])) fail(`must be ${Array.isArray(rule) ? rule.join(',') : String(rule)}`);
        break;
      case 'enum':
        if (!(rule as unknown[]).some((allowed) => deepEqual(allowed, value))) fail('must be equal to one of the allowed values');
        break;
      case 'const':
        if (!deepEqual(rule, value)) fail('must be equal to constant');
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) fail(`must be >= ${String(rule)}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) fail(`must be <= ${String(rule)}`);
        break;
      case 'minLength':
        if (typeof value === 'string' && codePoints(value) < (rule as number)) fail(`must NOT have fewer than ${String(rule)} characters`);
        break;
      case 'maxLength':
        if (typeof value === 'string' && codePoints(value) > (rule as number)) fail(`must NOT have more than ${String(rule)} characters`);
        break;
      case 'pattern':
        // ajv compiles patterns with the `u` flag: lengths and classes count code points.
        if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) fail(`must match pattern "${String(rule)}"`);
        break;
      case 'format':
        if (typeof value === 'string' && !checkFormat(rule as string, value)) fail(`must match format "${String(rule)}"`);
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (rule as number)) fail(`must NOT have fewer than ${String(rule)} items`);
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (rule as number)) fail(`must NOT have more than ${String(rule)} items`);
        break;
      case 'minProperties':
        if (isObject(value) && Object.keys(value).length < (rule as number)) fail(`must NOT have fewer than ${String(rule)} properties`);
        break;
      case 'maxProperties':
        if (isObject(value) && Object.keys(value).length > (rule as number)) fail(`must NOT have more than ${String(rule)} properties`);
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => check(rule as JsonSchema, item, `${pointer}/${i}`, root, out));
        break;
      case 'required':
        if (isObject(value)) {
          for (const name of rule as string[]) if (!has(value, name)) fail(`must have required property '${name}'`);
        }
        break;
      case 'dependentRequired':
        if (isObject(value)) {
          for (const [name, needs] of Object.entries(rule as Record<string, string[]>)) {
            if (!has(value, name)) continue;
            for (const other of needs) if (!has(value, other)) fail(`must have property ${other} when property ${name} is present`);
          }
        }
        break;
      case 'properties':
        if (isObject(value)) {
          for (const [name, sub] of Object.entries(rule as Record<string, JsonSchema | boolean>)) {
            if (has(value, name)) check(sub, value[name], `${pointer}/${escape(name)}`, root, out);
          }
        }
        break;
      case 'additionalProperties':
        if (isObject(value)) {
          const declared = (schema.properties ?? {}) as Json;
          for (const name of Object.keys(value)) {
            if (Object.hasOwn(declared, name)) continue;
            if (rule === false) fail(`must NOT have additional properties (${name})`);
            else check(rule as JsonSchema | boolean, value[name], `${pointer}/${escape(name)}`, root, out);
          }
        }
        break;
      case 'anyOf':
        if (!(rule as (JsonSchema | boolean)[]).some((sub) => isValid(sub, value, root))) fail('must match a schema in anyOf');
        break;
      case 'oneOf':
        if ((rule as (JsonSchema | boolean)[]).filter((sub) => isValid(sub, value, root)).length !== 1) fail('must match exactly one schema in oneOf');
        break;
      case 'allOf':
        for (const sub of rule as (JsonSchema | boolean)[]) check(sub, value, pointer, root, out);
        break;
      case 'not':
        if (isValid(rule as JsonSchema, value, root)) fail('must NOT be valid');
        break;
      case 'if': {
        const branch = isValid(rule as JsonSchema, value, root) ? 'then' : 'else';
        const applied = schema[branch];
        if (applied === undefined) break;
        const before = out.length;
        check(applied as JsonSchema, value, pointer, root, out);
        if (out.length > before) fail(`must match "${branch}" schema`);
        break;
      }
      default:
        throw new TypeError(`faultline: checkSchema does not know the JSON Schema keyword "${keyword}" (at ${pointer || 'the root'})`);
    }
  }
}

function isValid(schema: JsonSchema | boolean, value: unknown, root: JsonSchema): boolean {
  const out: SchemaViolation[] = [];
  check(schema, value, '', root, out);
  return out.length === 0;
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (!ref.startsWith('#/')) throw new TypeError(`faultline: checkSchema resolves only local references, not "${ref}"`);
  let node: unknown = root;
  for (const token of ref.slice(2).split('/')) {
    node = isObject(node) ? node[token.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
  }
  if (!isObject(node) && typeof node !== 'boolean') throw new TypeError(`faultline: checkSchema cannot resolve "${ref}"`);
  return node as JsonSchema;
}

function hasType(value: unknown, type: string | string[]): boolean {
  if (Array.isArray(type)) return type.some((t) => hasType(value, t));
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new TypeError(`faultline: checkSchema does not know the type "${type}"`);
  }
}

function checkFormat(format: string, value: string): boolean {
  if (format === 'uri-reference') return isUriReference(value);
  throw new TypeError(`faultline: checkSchema does not know the format "${format}"`);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => has(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(value: Json, name: string): boolean {
  return Object.hasOwn(value, name) && value[name] !== undefined;
}

function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function escape(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}
