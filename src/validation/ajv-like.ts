import type { AjvErrorLike } from '../normalize/recognizers/ajv.js';

/** A JSON Schema as ajv takes it: an object, or `true`/`false`. */
export type SchemaInput = object | boolean;

/**
 * The one thing faultline needs of an Ajv instance. Duck-typed: the core imports no ajv (an
 * optional peer), so any Ajv 8 class (`Ajv`, `Ajv2019`, `Ajv2020`) or a look-alike fits.
 */
export interface AjvLike {
  compile(schema: never): CompiledSchema;
}

/** What `ajv.compile` returns: a predicate that leaves its complaints in `errors`. */
export interface CompiledSchema {
  (data: unknown): unknown;
  errors?: readonly AjvErrorLike[] | null;
}
