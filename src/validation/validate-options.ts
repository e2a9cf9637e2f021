import { checkOptions, type OptionRules } from '../checks/check-options.js';
import { instanceWith } from '../checks/common-rules.js';
import { isBoolean, oneOf } from '../checks/rule.js';
import type { AjvLike } from './ajv-like.js';
import type { RequestValidatorOptions } from './request-validator.js';
import { createSchemaCompiler, type SchemaCompiler } from './schema-compiler.js';

/** The options every adapter's `validate(schemas, options)` takes. */
export interface ValidateOptions extends RequestValidatorOptions {
  /**
   * Your own Ajv instance, used as you configured it (`allErrors`, formats, keywords, strictness):
   * with `allErrors`, a body's validation costs as much as it has problems (see `MAX_LISTED_VALUES`).
   * Default: the Ajv instances shared by every `validate()` in the process, with ajv-formats: a small
   * body is checked once and listed in full (`allErrors`), a large one fail-fast.
   */
  readonly ajv?: AjvLike;
  /** With your own `ajv`: the instance for query, params and headers (one with `coerceTypes`). Default: `ajv`. */
  readonly queryAjv?: AjvLike;
  /**
   * With the shared instances: coerce query, params and header strings to the schema's types
   * (`?limit=10` → `10`, `?tag=a` → `['a']` for an array). Default true.
   */
  readonly coerceTypes?: boolean;
}

/**
 * The options of the shared Ajv for large bodies: fail-fast (no `allErrors`), so a hostile body's
 * cost stops at its first problem; bodies of at most `MAX_LISTED_VALUES` values are checked by a
 * second instance with `LISTING_AJV_OPTIONS` instead, which lists every problem.
 */
export const DEFAULT_AJV_OPTIONS = /* @__PURE__ */ Object.freeze({ allErrors: false });
/** The options of the shared Ajv that lists every problem of a small body. */
export const LISTING_AJV_OPTIONS = /* @__PURE__ */ Object.freeze({ allErrors: true });
/**
 * The options of the shared Ajv for query, params and headers: strings on the wire, every problem
 * listed (Node caps a request's headers at 16 KB, so their problems are few).
 */
export const COERCING_AJV_OPTIONS = /* @__PURE__ */ Object.freeze({ allErrors: true, coerceTypes: 'array' as const });

/** The shared instances an adapter makes (lazily: ajv is an optional peer). */
export interface DefaultAjvs {
  readonly ajv: AjvLike;
  /** Lists every problem of a small body (`allErrors`); absent, bodies report their first problem only. */
  readonly listingAjv?: AjvLike;
  readonly coercingAjv: AjvLike;
}

const ajvInstance = /* @__PURE__ */ instanceWith('compile', 'an Ajv instance (new Ajv(…)) or precompiledValidators(…)');

/** The rules of `validate()`'s options, on every adapter. */
export const VALIDATE_OPTION_RULES: OptionRules<ValidateOptions> = /* @__PURE__ */ (() => ({
  validationStatus: oneOf([400, 422]),
  ajv: ajvInstance,
  queryAjv: ajvInstance,
  coerceTypes: isBoolean,
}))();

/**
 * The compiler one `validate()` uses: the user's Ajv, or the adapter's shared instances. The
 * options are checked now; `where` names the entry point in the message (`@Validate()`). The
 * compiler itself is made on first use, so a `validate()` with Standard Schema validators only
 * never loads ajv (an optional peer).
 */
export function compilerFor(options: ValidateOptions, defaults: () => DefaultAjvs, where = 'validate()'): () => SchemaCompiler {
  checkOptions(options, VALIDATE_OPTION_RULES, where);
  if (options.ajv === undefined && options.queryAjv !== undefined) {
    throw new TypeError(`faultline: ${where} option "queryAjv" needs "ajv" too (your own instance for bodies)`);
  }
  let made: SchemaCompiler | undefined;
  return () => {
    if (made !== undefined) return made;
    if (options.ajv !== undefined) return (made = createSchemaCompiler(options.ajv, options.queryAjv ?? options.ajv));
    const shared = defaults();
    return (made = createSchemaCompiler(shared.ajv, options.coerceTypes === false ? shared.ajv : shared.coercingAjv, shared.listingAjv));
  };
}
