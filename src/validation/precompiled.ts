import type { AjvLike, CompiledSchema } from './ajv-like.js';

/**
 * An Ajv stand-in over validators compiled ahead of time with ajv's standalone code
 * (`ajv/dist/standalone`), for runtimes that forbid generating code at run time (Cloudflare
 * Workers): `validate({ body: pinSchema }, { ajv: precompiledValidators(standalone) })`. Each
 * schema is looked up by its `$id` among the module's exports; a schema without one is a setup error.
 */
export function precompiledValidators(validators: Readonly<Record<string, unknown>>): AjvLike {
  return {
    compile(schema: never): CompiledSchema {
      const id = typeof schema === 'object' && schema !== null ? (schema as { $id?: unknown }).$id : undefined;
      if (typeof id !== 'string') {
        throw new TypeError('faultline: a precompiled schema needs an $id naming its validator');
      }
      const validator = Object.hasOwn(validators, id) ? validators[id] : undefined;
      if (typeof validator !== 'function') {
        throw new TypeError(`faultline: no precompiled validator exported as "${id}"`);
      }
      return validator as CompiledSchema;
    },
  };
}
