import { checkOptions, checkValue, type OptionRules } from '../checks/check-options.js';
import { describeValue, oneOf, satisfies } from '../checks/rule.js';
import { MAX_ISSUES, type FieldIssue, type IssueLocation } from '../fault/field-issue.js';
import { issuesFromStandard } from '../normalize/issues/standard.js';
import { issuesFromAjv } from '../normalize/recognizers/ajv.js';
import type { CompiledSchema, SchemaInput } from './ajv-like.js';
import type { SchemaCompiler } from './schema-compiler.js';
import { isStandardSchema, looksLikeSchemaLibrary, type StandardSchemaV1 } from './standard-schema.js';
import { RequestValidationError } from './validation-error.js';

/** What checks one part of a request: a JSON Schema (compiled by ajv) or a Standard Schema v1 validator. */
export type PartSchema = SchemaInput | StandardSchemaV1;

/** A schema per part of the request; a part without one is not checked. */
export interface RequestSchemas {
  readonly body?: PartSchema;
  readonly query?: PartSchema;
  readonly params?: PartSchema;
  /** Header names as Node and fetch give them: lower case. */
  readonly headers?: PartSchema;
}

/** The parts of one request, as the framework parsed them. */
export interface RequestParts {
  readonly body?: unknown;
  readonly query?: unknown;
  readonly params?: unknown;
  readonly headers?: unknown;
}

/** What the Standard Schema validators returned, for the parts they checked: the values the route should see. */
export type ValidatedParts = { -readonly [K in keyof RequestParts]?: unknown };

export interface RequestValidatorOptions {
  /** Status of a failure. Absent: the error handler's `validationStatus` (400 unless set to 422). */
  readonly validationStatus?: 400 | 422;
}

/** Request order: the path, then the query, the headers, the body. Issues are listed in this order. */
export const REQUEST_LOCATIONS: readonly IssueLocation[] = ['params', 'query', 'headers', 'body'];

/** The schemas of one `validate()`, compiled when it was made. */
export interface RequestValidator {
  /** The compiled ajv function per part checked by a JSON Schema (for benchmarks against calling ajv directly). */
  readonly compiled: Readonly<Partial<Record<IssueLocation, CompiledSchema>>>;
  /** The parts checked by a Standard Schema validator, whose output replaces what the framework parsed. */
  readonly standard: Readonly<Partial<Record<IssueLocation, StandardSchemaV1>>>;
  /**
   * Checks every part that has a schema (all of them, so one response lists every problem) and
   * throws a `RequestValidationError` with at most `MAX_ISSUES` field issues if any fails (or
   * rejects with it, when a validator answered asynchronously). ajv coerces query and params in
   * place when coercion is on; headers are checked on a copy, so the framework's header object
   * keeps its strings. Returns what the Standard Schema validators output, part by part (their
   * coerced, transformed values), undefined when no part has one; a promise of it when one of
   * them answered asynchronously.
   */
  validateRequest(parts: RequestParts): ValidatedParts | undefined | Promise<ValidatedParts | undefined>;
}

const jsonSchema = /* @__PURE__ */ satisfies(
  'a JSON Schema (an object, or true or false) or a Standard Schema validator (zod, valibot, arktype…)',
  (v) => typeof v === 'boolean' || (v !== null && typeof v === 'object' && !Array.isArray(v)) || isStandardSchema(v),
);

/** `validate()`'s first argument: a schema per part of the request. */
export const REQUEST_SCHEMA_RULES: OptionRules<RequestSchemas> = { body: jsonSchema, query: jsonSchema, params: jsonSchema, headers: jsonSchema };

/** zod's own `safeParse` (3 and 4): the same issues as its Standard Schema interface, without its wrapping. */
type SafeParse = (data: unknown) => { success: boolean; data?: unknown; error?: { issues?: unknown } };

type Check =
  | { readonly location: IssueLocation; readonly ajv: CompiledSchema }
  | { readonly location: IssueLocation; readonly props: StandardSchemaV1.Props; readonly safeParse?: SafeParse };

/** The issues and outputs gathered so far by one `validateRequest`. */
interface Verdict {
  issues: FieldIssue[] | undefined;
  outputs: ValidatedParts | undefined;
}

/**
 * Compiles `schemas` now: an invalid schema throws here, at setup, never at request time. The
 * compiler may be given as a function: it is then made only if a part has a JSON Schema, so an
 * app that validates with zod alone needs no ajv installed. `where` names the entry point in the
 * messages (`@Validate()`).
 */
export function createRequestValidator(
  compiler: SchemaCompiler | (() => SchemaCompiler),
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
  let made: SchemaCompiler | undefined;
  const compilerNow = (): SchemaCompiler => (made ??= typeof compiler === 'function' ? compiler() : compiler);
  const compiled: Partial<Record<IssueLocation, CompiledSchema>> = {};
  const standard: Partial<Record<IssueLocation, StandardSchemaV1>> = {};
  const checks: Check[] = [];
  for (const location of REQUEST_LOCATIONS) {
    const schema = schemas[location];
    if (schema === undefined) continue;
    if (isStandardSchema(schema)) {
      standard[location] = schema;
      // Read once: some libraries make `~standard` a getter that builds a new object.
      const props = schema['~standard'];
      const safeParse = (schema as { safeParse?: unknown }).safeParse;
      // zod's `~standard.validate` wraps `safeParse` in a result of its own: calling `safeParse`
      // keeps validate() as fast as zod itself (an async refinement makes it throw: then `validate`).
      if (props.vendor === 'zod' && typeof safeParse === 'function') {
        checks.push({ location, props, safeParse: (data) => (safeParse as SafeParse).call(schema, data) });
      } else {
        checks.push({ location, props });
      }
      continue;
    }
    if (looksLikeSchemaLibrary(schema)) {
      throw new TypeError(
        `faultline: the ${location} schema is neither a JSON Schema nor a Standard Schema v1 validator (\`~standard\`); ` +
          'zod needs 3.24 or later, valibot 1.0, arktype 2.0',
      );
    }
    const fn = compilerNow().compile(schema as SchemaInput, location);
    compiled[location] = fn;
    checks.push({ location, ajv: fn });
  }

  const fail = (verdict: Verdict): never => {
    const issues = verdict.issues as FieldIssue[];
    throw new RequestValidationError(issues.length > MAX_ISSUES ? issues.slice(0, MAX_ISSUES) : issues, status);
  };

  /** The rest of a request's checks once a validator answered with a promise: each awaited in turn. */
  const finishAsync = async (pending: Promise<unknown>, index: number, verdict: Verdict, parts: RequestParts): Promise<ValidatedParts | undefined> => {
    record(checks[index] as Check, await pending, dataOf(parts, (checks[index] as Check).location), verdict);
    for (let i = index + 1; i < checks.length; i++) {
      const check = checks[i] as Check;
      const data = dataOf(parts, check.location);
      record(check, await run(check, data), data, verdict);
    }
    if (verdict.issues !== undefined) fail(verdict);
    return verdict.outputs;
  };

  return {
    compiled,
    standard,
    validateRequest(parts) {
      const verdict: Verdict = { issues: undefined, outputs: undefined };
      for (let i = 0; i < checks.length; i++) {
        const check = checks[i] as Check;
        const data = dataOf(parts, check.location);
        const result = run(check, data);
        if (!('ajv' in check) && isThenable(result)) return finishAsync(Promise.resolve(result), i, verdict, parts);
        record(check, result, data, verdict);
      }
      if (verdict.issues !== undefined) fail(verdict);
      return verdict.outputs;
    },
  };
}

function dataOf(parts: RequestParts, location: IssueLocation): unknown {
  return location === 'headers' ? copyOf(parts.headers) : parts[location];
}

/** An ajv verdict (true/false), a zod `safeParse` result, or a Standard Schema result (or a promise of one). */
function run(check: Check, data: unknown): unknown {
  if ('ajv' in check) return check.ajv(data);
  if (check.safeParse !== undefined) {
    try {
      return check.safeParse(data);
    } catch {
      // zod refuses to run an async refinement synchronously; its Standard Schema `validate` awaits it.
      return check.props.validate(data);
    }
  }
  return check.props.validate(data);
}

function record(check: Check, result: unknown, data: unknown, verdict: Verdict): void {
  const { location } = check;
  if ('ajv' in check) {
    if (result === true) return;
    if (result !== false) throw new TypeError(`faultline: the ${location} schema did not answer true or false`);
    if (verdict.issues !== undefined && verdict.issues.length >= MAX_ISSUES) return;
    const found = issuesFromAjv(check.ajv.errors ?? [], location);
    addIssues(verdict, found, location);
    return;
  }
  if (result === null || typeof result !== 'object') {
    throw new TypeError(`faultline: the ${location} validator's ~standard.validate() returned no result`);
  }
  if (typeof (result as { success?: unknown }).success === 'boolean') {
    // zod's safeParse result.
    const parsed = result as { success: boolean; data?: unknown; error?: { issues?: unknown } };
    if (parsed.success) {
      (verdict.outputs ??= {})[location] = parsed.data;
      return;
    }
    recordIssues(check, parsed.error?.issues, data, verdict);
    return;
  }
  recordStandard(check, result, data, verdict);
}

function recordStandard(check: Check & { props: StandardSchemaV1.Props }, result: object, data: unknown, verdict: Verdict): void {
  const { location } = check;
  const issues = (result as { issues?: unknown }).issues;
  if (issues === undefined || issues === null) {
    (verdict.outputs ??= {})[location] = (result as { value?: unknown }).value;
    return;
  }
  recordIssues(check, issues, data, verdict);
}

function recordIssues(check: Check & { props: StandardSchemaV1.Props }, issues: unknown, data: unknown, verdict: Verdict): void {
  if (verdict.issues !== undefined && verdict.issues.length >= MAX_ISSUES) return;
  const room = MAX_ISSUES - (verdict.issues?.length ?? 0);
  const found = Array.isArray(issues) ? issuesFromStandard(check.props.vendor, issues, check.location, room, data) : [];
  addIssues(verdict, found, check.location);
}

function addIssues(verdict: Verdict, found: FieldIssue[], location: IssueLocation): void {
  // A failure reported without issues (an ajv look-alike, a library's bare failure) still fails.
  if (found.length === 0) found.push({ location, pointer: '', keyword: 'invalid', message: 'is invalid' });
  verdict.issues = verdict.issues === undefined ? found : verdict.issues.concat(found);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}

function copyOf(headers: unknown): unknown {
  return headers !== null && typeof headers === 'object' ? { ...headers } : headers;
}
