import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { envelopeSchemas, type EnvelopeName } from '../../src/index.js';

// Strict, except that `then` may require a member declared at the top level. One instance,
// each schema compiled once: the property tests validate thousands of bodies.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats.default(ajv);

const validators = new Map<EnvelopeName, ValidateFunction>(
  (Object.keys(envelopeSchemas) as EnvelopeName[]).map((name) => [name, ajv.compile(envelopeSchemas[name])]),
);

/** The schema's complaints about a body, or an empty list when it is valid. */
export function schemaErrors(envelope: EnvelopeName, body: unknown): string[] {
  const validate = validators.get(envelope);
  if (validate === undefined) throw new Error(`test bug: no schema for ${envelope}`);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

const formats = new Map<string, ValidateFunction>();

/** ajv-formats' verdict on a string for a format (`uri-reference`). */
export function formatAccepts(format: string, value: string): boolean {
  let validate = formats.get(format);
  if (validate === undefined) formats.set(format, (validate = ajv.compile({ type: 'string', format })));
  return validate(value);
}
