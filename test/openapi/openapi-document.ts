import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonValue } from '../../src/index.js';
import type { OpenApiErrorComponents } from '../../src/kit.js';

/** A minimal OpenAPI 3.1 document around generated components and operations. */
export function documentWith(components: OpenApiErrorComponents, operations: Readonly<Record<string, object>> = {}): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [path, operation] of Object.entries(operations)) paths[path] = { get: operation };
  return {
    openapi: '3.1.0',
    info: { title: 'faultline test API', version: '1.0.0' },
    paths,
    components: { schemas: components.schemas, responses: components.responses },
  };
}

/** What @seriousme/openapi-schema-validator says about a document: `[]` when it is valid OpenAPI 3.1. */
export async function openApiErrorsOf(document: Record<string, unknown>): Promise<unknown[]> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document));
  if (result.valid) {
    if (validator.version !== '3.1') return [`validated as OpenAPI ${validator.version}, not 3.1`];
    return [];
  }
  return Array.isArray(result.errors) ? result.errors : [result.errors];
}

/**
 * A validator of bodies against the schemas a document's responses name, `$ref`s resolved inside
 * the document (ajv 2020, formats on). Not strict: the document's own members (`openapi`,
 * `paths`) are not JSON Schema keywords; the envelope schemas are checked strictly by test/schemas.
 */
export function bodyValidator(document: Record<string, unknown>): (pointer: string, body: JsonValue) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: 'urn:test:openapi' });
  return (pointer, body) => {
    const validate = ajv.compile({ $ref: `urn:test:openapi#${pointer}` });
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  };
}

/** RFC 6901: `application/problem+json` as a pointer token. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
