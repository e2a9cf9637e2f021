import { checkOptions, checkValue, type OptionRules } from '../checks/check-options.js';
import { describeValue, oneOf, satisfies } from '../checks/rule.js';
import { MAX_ISSUES, type FieldIssue, type IssueLocation } from '../fault/field-issue.js';
import { issuesFromAjv } from '../normalize/recognizers/ajv.js';
import type { CompiledSchema, SchemaInput } from './ajv-like.js';
import type { SchemaCompiler } from './schema-compiler.js';
import { RequestValidationError } from './validation-error.js';

/** A JSON Schema per part of the request; a part without one is not checked. */
export interface RequestSchemas {
  readonly body?: SchemaInput;
  readonly query?: SchemaInput;
  readonly params?: SchemaInput;
  /** Header names as Node and fetch give them: lower case. */
  readonly headers?: SchemaInput;
}

/** The parts of one request, as the framework parsed them. */
export interface RequestParts {
  readonly body?: unknown;
  readonly query?: unknown;
  readonly params?: unknown;
  readonly headers?: unknown;
}

export interface RequestValidatorOptions {
  /** Status of a failure. Absent: the error handler's `validationStatus` (400 unless set to 422). */
  readonly validationStatus?: 400 | 422;
}

/** Request order: the path, then the query, the headers, the body. Issues are listed in this order. */
export const REQUEST_LOCATIONS: readonly IssueLocation[] = ['params', 'query', 'headers', 'body'];

/** The schemas of one `validate()`, compiled when it was made. */
export interface RequestValidator {
  /** The compiled ajv function per checked part (for benchmarks against calling ajv directly). */
  readonly compiled: Readonly<Partial<Record<IssueLocation, CompiledSchema>>>;
  /**
   * Checks every part that has a schema (all of them, so one response lists every problem) and
   * throws a `RequestValidationError` with at most `MAX_ISSUES` field issues if any fails. ajv
   * coerces query and params in place when coercion is on; headers are checked on a copy, so the
   * framework's header object keeps its strings.
   */
  validateRequest(parts: RequestParts): void;
}

const jsonSchema = satisfies('a JSON Schema (an object, or true or false)', (v) => typeof v === 'boolean' || (v !== null && typeof v === 'object' && !Array.isArray(v)));

/** `validate()`'s first argument: a schema per part of the request. */
export const REQUEST_SCHEMA_RULES: OptionRules<RequestSchemas> = { body: jsonSchema, query: jsonSchema, params: jsonSchema, headers: jsonSchema };

/**
 * Compiles `schemas` now: an invalid schema throws here, at setup, never at request time. `where`
 * names the entry point in the messages (`@Validate()`).
 */
export function createRequestValidator(
  compiler: SchemaCompiler,
  schemas: RequestSchemas,
  options: RequestValidatorOptions = {},
  where = 'validate()',
): RequestValidator {
  if (schemas === null || typeof schemas !== 'object' || Array.isArray(schemas)) {
    throw new TypeError(`faultline: ${where} takes { body?, query?, params?, headers? } schemas, not ${describeValue(schemas)}`);
  }
  checkOptions(schemas, REQUEST_SCHEMA_RULES, where, 'schema');
  const status = options?.validationStatus;
  if (status !== undefined) checkValue(status, oneOf([400, 422]), `${where} option "validationStatus"`);
  const compiled: Partial<Record<IssueLocation, CompiledSchema>> = {};
  const checks: [IssueLocation, CompiledSchema][] = [];
  for (const location of REQUEST_LOCATIONS) {
    const schema = schemas[location];
    if (schema === undefined) continue;
    const fn = compiler.compile(schema, location);
    compiled[location] = fn;
    checks.push([location, fn]);
  }
  return {
    compiled,
    validateRequest(parts) {
      let issues: FieldIssue[] | undefined;
      for (const [location, fn] of checks) {
        const data = location === 'headers' ? copyOf(parts.headers) : parts[location];
        const verdict = fn(data);
        if (verdict === true) continue;
        if (verdict !== false) throw new TypeError(`faultline: the ${location} schema did not answer true or false`);
        if (issues !== undefined && issues.length >= MAX_ISSUES) continue;
        const found = issuesFromAjv(fn.errors ?? [], location);
        // ajv reports at least one error for a failure; a look-alike that reports none still fails.
        if (found.length === 0) found.push({ location, pointer: '', keyword: 'invalid', message: 'is invalid' });
        issues = issues === undefined ? found : issues.concat(found);
      }
      if (issues === undefined) return;
      throw new RequestValidationError(issues.length > MAX_ISSUES ? issues.slice(0, MAX_ISSUES) : issues, status);
    },
  };
}

function copyOf(headers: unknown): unknown {
  return headers !== null && typeof headers === 'object' ? { ...headers } : headers;
}
