import type { IssueLocation } from '../fault/field-issue.js';
import type { AjvLike, CompiledSchema, SchemaInput } from './ajv-like.js';
import { withListing } from './listing.js';

/**
 * Compiles schemas with one Ajv for bodies and one for the string-valued parts of a request
 * (query, params, headers), which coerces types when coercion is on (ajv's `coerceTypes` belongs
 * to an instance, not a schema).
 */
export interface SchemaCompiler {
  readonly ajv: AjvLike;
  /** The instance for query, params and headers: `ajv` itself when coercion is off. */
  readonly stringAjv: AjvLike;
  /** With a fail-fast `ajv`: the instance (with `allErrors`) that lists every problem of a small body. */
  readonly listingAjv?: AjvLike;
  /** Compiled once per (Ajv instance, schema object); throws a setup-time TypeError for a bad schema. */
  compile(schema: SchemaInput, location: IssueLocation): CompiledSchema;
}

// Keyed by the Ajv instance, then by schema identity: every compiler over the same instance shares
// one cache, so a schema object passed on every request is compiled once in the process.
const compiledByAjv = new WeakMap<AjvLike, WeakMap<object, CompiledSchema>>();
const booleanByAjv = new WeakMap<AjvLike, Map<boolean, CompiledSchema>>();

// A body validator with listing, per fail-fast function: one wrapper however often it is asked for.
const listedByFailFast = new WeakMap<CompiledSchema, CompiledSchema>();

export function createSchemaCompiler(ajv: AjvLike, stringAjv: AjvLike = ajv, listingAjv?: AjvLike): SchemaCompiler {
  checkAjv(ajv, 'ajv');
  checkAjv(stringAjv, 'the query Ajv');
  if (listingAjv !== undefined) checkAjv(listingAjv, 'the listing Ajv');
  return {
    ajv,
    stringAjv,
    ...(listingAjv === undefined ? {} : { listingAjv }),
    compile(schema, location) {
      if (location !== 'body') return compileCached(stringAjv, schema, location);
      const failFast = compileCached(ajv, schema, location);
      if (listingAjv === undefined) return failFast;
      let listed = listedByFailFast.get(failFast);
      if (listed === undefined) {
        // The listing instance compiles the schema on the first small body, not at startup.
        listed = withListing(failFast, () => compileCached(listingAjv, schema, location));
        listedByFailFast.set(failFast, listed);
      }
      return listed;
    },
  };
}

/** `ajv.compile(schema)`, once per instance and schema object. */
export function compileCached(ajv: AjvLike, schema: SchemaInput, location: IssueLocation): CompiledSchema {
  if (typeof schema === 'boolean') {
    let cache = booleanByAjv.get(ajv);
    if (cache === undefined) booleanByAjv.set(ajv, (cache = new Map()));
    let compiled = cache.get(schema);
    if (compiled === undefined) cache.set(schema, (compiled = compileNow(ajv, schema, location)));
    return compiled;
  }
  if (schema === null || typeof schema !== 'object') {
    throw new TypeError(`faultline: the ${location} schema must be a JSON Schema object (or true/false)`);
  }
  let cache = compiledByAjv.get(ajv);
  if (cache === undefined) compiledByAjv.set(ajv, (cache = new WeakMap()));
  let compiled = cache.get(schema);
  if (compiled === undefined) cache.set(schema, (compiled = compileNow(ajv, schema, location)));
  return compiled;
}

function compileNow(ajv: AjvLike, schema: SchemaInput, location: IssueLocation): CompiledSchema {
  // An async schema returns a promise instead of a verdict; a request validator needs the verdict now.
  if (typeof schema === 'object' && (schema as { $async?: unknown }).$async === true) {
    throw new TypeError(`faultline: the ${location} schema is async ($async: true); validate() takes synchronous schemas`);
  }
  let compiled: unknown;
  try {
    compiled = ajv.compile(schema as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (forbidsCodeGeneration(error, reason)) {
      throw new TypeError(
        `faultline: this runtime forbids generating code (${reason}), which ajv needs to compile the ${location} schema; ` +
          'compile your schemas ahead of time with ajv standalone code and pass validate(schemas, { ajv: precompiledValidators(module) })',
        { cause: error },
      );
    }
    throw new TypeError(`faultline: the ${location} schema is invalid: ${reason}`, { cause: error });
  }
  if (typeof compiled !== 'function') {
    throw new TypeError(`faultline: ajv.compile() returned no function for the ${location} schema`);
  }
  return compiled as CompiledSchema;
}

// workerd: "EvalError: Code generation from strings disallowed for this context"; CSP: "unsafe-eval".
function forbidsCodeGeneration(error: unknown, reason: string): boolean {
  return error instanceof EvalError || /code generation from strings|unsafe-eval/i.test(reason);
}

function checkAjv(ajv: AjvLike, name: string): void {
  if (ajv === null || typeof ajv !== 'object' || typeof ajv.compile !== 'function') {
    throw new TypeError(`faultline: ${name} must be an Ajv instance (an object with compile(schema))`);
  }
}
