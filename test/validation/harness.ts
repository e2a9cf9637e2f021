import type { FaultlineOptions } from '../../src/index.js';
import type { RequestSchemas, ValidateOptions } from '../../src/kit.js';
import type { RunningApp } from '../harness/harness.js';

/**
 * One route guarded by `validate(schemas, options)`. `path` uses `:name` parameters, which every
 * framework's router understands. The route answers 200 with what it sees after validation:
 * `{ "body": …, "query": …, "params": … }`, so coerced values are checked where the user reads them.
 */
export interface ValidatedRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly schemas: RequestSchemas;
  readonly options?: ValidateOptions;
  /** Make the middleware inside the handler, on every request (the pattern the schema cache is for). */
  readonly perRequest?: boolean;
}

export interface ValidationAppSpec {
  /** The error handler's options. */
  readonly handler?: FaultlineOptions;
  readonly routes: readonly ValidatedRoute[];
  /** The JSON body parser's limit in bytes. Default `BODY_LIMIT`. */
  readonly bodyLimit?: number;
}

/**
 * A framework wired as its users wire validation: a JSON body parser limited to `BODY_LIMIT`
 * bytes, then `validate`, then the route; the error handler renders failures.
 */
export interface ValidationHarness {
  readonly framework: string;
  /** Probes whose outcome the framework decides before `validate` runs; listed in docs/guide/validation.md with the reason. */
  readonly differences?: readonly ValidationDifference[];
  start(spec: ValidationAppSpec): Promise<RunningApp>;
}

export const BODY_LIMIT = 64 * 1024;

/** A probe the framework answers its own way; the contract expects the core's rendering of `thrown`. */
export interface ValidationDifference {
  readonly probe: string;
  readonly thrown: () => unknown;
  readonly reason: string;
}
