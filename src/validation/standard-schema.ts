// The Standard Schema v1 interface (standard-schema/standard-schema, packages/spec/src/v1.ts), as
// its authors ask libraries to copy it rather than depend on it: zod (3.24+, 4), valibot (1),
// arktype (2), effect's Schema.standardSchemaV1 and others implement it. Duck-typed on `~standard`.

/** A validator that implements Standard Schema v1. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** True for a Standard Schema v1 validator: `~standard` with `version: 1` and a `validate` function. */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  let props: unknown;
  try {
    props = (value as { '~standard'?: unknown })['~standard'];
  } catch {
    return false;
  }
  return (
    props !== null &&
    typeof props === 'object' &&
    (props as { version?: unknown }).version === 1 &&
    typeof (props as { validate?: unknown }).validate === 'function'
  );
}

/**
 * A schema library's object that is not a Standard Schema (zod before 3.24 has no `~standard`):
 * told apart from a JSON Schema so the setup error says what to do, instead of ajv's complaint
 * about unknown keywords.
 */
export function looksLikeSchemaLibrary(value: unknown): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.safeParse === 'function' || typeof candidate.parse === 'function' || ('_def' in candidate && typeof candidate._def === 'object');
}
