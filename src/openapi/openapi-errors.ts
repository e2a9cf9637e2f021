import { checkOptions, checkValue, type OptionRules } from '../checks/check-options.js';
import { plainObject } from '../checks/common-rules.js';
import { FAULTLINE_OPTION_RULES } from '../checks/faultline-option-rules.js';
import { arrayOf, isString, recordOf, satisfies } from '../checks/rule.js';
import type { Envelope } from '../envelopes/envelope.js';
import type { JsonValue } from '../fault/fault.js';
import { createFaultline } from '../faultline.js';
import { JSON_CONTENT_TYPE } from '../envelopes/envelope.js';
import { hasJsonAlternative } from '../negotiation/media-type.js';
import type { FaultlineOptions } from '../options.js';
import type { JsonSchema } from '../schemas/schema.js';
import { catalogEntries, isErrorFactory, type ErrorCatalogInput, type ErrorFactoryLike } from './catalog-entries.js';
import { envelopeSchema, schemaComponentName } from './envelope-schema.js';
import type {
  OpenApiErrorComponents,
  OpenApiExample,
  OpenApiHeader,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiReference,
  OpenApiResponse,
  OpenApiResponseObject,
} from './openapi-types.js';
import { renderExample, type RenderedExample } from './rendered-example.js';
import { responseHeaders } from './response-headers.js';

/** How the errors are rendered (the handler's own options, preset included) and described. */
export interface OpenApiErrorOptions extends Omit<FaultlineOptions, 'onError' | 'logUnexpected' | 'debug' | 'recognizers'> {
  /** The JSON Schema of a custom `envelope`'s bodies. Without one, its responses carry examples only. */
  schema?: JsonSchema;
  /** Schemas of other custom envelopes (variants), by envelope name. */
  schemas?: Readonly<Record<string, JsonSchema>>;
}

/** The OpenAPI side of a catalog: components to merge, and responses for operations. */
export interface OpenApiErrors {
  /** `components.schemas` (the envelopes' schemas, one per error that adds members) and `components.responses` (one per error). */
  readonly components: OpenApiErrorComponents;
  /**
   * An operation's `responses` for these errors, by status: a `$ref` to the error's response, or,
   * for a status several errors share, one response with each error as a named example.
   */
  responsesFor(errors: readonly ErrorFactoryLike[]): Record<string, OpenApiResponse | OpenApiReference>;
  /** A copy of the operation with these errors' responses added; a status it already answers is left as it is. */
  withErrorResponses<O extends OpenApiOperation>(operation: O, errors: readonly ErrorFactoryLike[]): O & OperationResponses;
}

export interface OperationResponses {
  responses: Record<string, OpenApiResponseObject | OpenApiResponse | OpenApiReference>;
}

// The handler's options that shape a response, and the schemas of custom envelopes.
const RENDERING_RULES = /* @__PURE__ */ (() => {
  const { onError: _onError, logUnexpected: _logUnexpected, debug: _debug, recognizers: _recognizers, ...rendering } = FAULTLINE_OPTION_RULES;
  return rendering;
})();

/** The rules of `openApiErrors()`'s and `withErrorResponses()`'s options. */
export const OPENAPI_ERROR_OPTION_RULES: OptionRules<OpenApiErrorOptions> = /* @__PURE__ */ (() => ({
  ...RENDERING_RULES,
  schema: plainObject,
  schemas: recordOf(isString, plainObject, 'an object of JSON Schemas by envelope name'),
}))();

const OPERATION = /* @__PURE__ */ satisfies('an OpenAPI Operation object ({ responses?, … })', (v) => plainObject.check(v) === true);
const ERRORS = /* @__PURE__ */ arrayOf(/* @__PURE__ */ satisfies('a defineErrors() entry', isErrorFactory), 'an array of defineErrors() entries, such as [AppErrors.NOT_FOUND]');

interface Entry {
  readonly factory: ErrorFactoryLike;
  /** Its key in `components.responses`. */
  readonly name: string;
  readonly example: RenderedExample;
  readonly response: OpenApiResponse;
  /** The `$ref` its body's schema is, when it has one. */
  readonly schemaRef: string | undefined;
}

// OpenAPI 3.1 §4.8.7.1: component keys match ^[a-zA-Z0-9.\-_]+$; a machine code may also hold `:`.
const COMPONENT_KEY = /[^A-Za-z0-9._-]/g;

/**
 * OpenAPI 3.1 components for a catalog: each error's response has the envelope's media type and
 * schema, the protocol headers of its status, and as its example the body `createFaultline(options)`
 * renders for it: rendered, never written by hand, so the document cannot drift from the API.
 *
 * ```ts
 * const docs = openApiErrors(AppErrors, { envelope: 'problem-details' });
 * Object.assign(document.components.schemas, docs.components.schemas);
 * Object.assign(document.components.responses, docs.components.responses);
 * document.paths['/pins/{id}'].get = docs.withErrorResponses(getPin, [AppErrors.NOT_FOUND]);
 * ```
 */
export function openApiErrors(catalog: ErrorCatalogInput, options: OpenApiErrorOptions = {}): OpenApiErrors {
  return openApiErrorsWith(catalog, options, 'openApiErrors()');
}

function openApiErrorsWith(catalog: ErrorCatalogInput, options: OpenApiErrorOptions, where: string): OpenApiErrors {
  checkOptions(options, OPENAPI_ERROR_OPTION_RULES, where);
  const { schema, schemas: byName, ...faultlineOptions } = options;
  const faultline = createFaultline({ ...faultlineOptions, debug: false });
  const { settings } = faultline;
  const overrides = { main: schema === undefined ? undefined : { envelope: settings.envelope, schema }, byName, typeBase: settings.typeBase };
  // Content negotiation sends a `+json` body as `application/json` to clients that ask for it.
  const alternative = (mediaType: string): string | undefined =>
    settings.negotiate && hasJsonAlternative(mediaType) ? (JSON_CONTENT_TYPE.split(';')[0] as string) : undefined;

  const components: OpenApiErrorComponents = { schemas: {}, responses: {} };
  const envelopeRefs = new Map<JsonSchema, string>();
  const entries = new Map<string, Entry>();

  const envelopeRef = (envelope: Envelope): string | undefined => {
    const found = envelopeSchema(envelope, overrides);
    if (found === undefined) return undefined;
    let ref = envelopeRefs.get(found);
    if (ref === undefined) {
      const name = freeKey(components.schemas, schemaComponentName(envelope, found));
      // A copy: the document is the caller's to edit, the built-in schemas are shared.
      components.schemas[name] = structuredClone(found);
      ref = `#/components/schemas/${name}`;
      envelopeRefs.set(found, ref);
    }
    return ref;
  };

  for (const factory of catalogEntries(catalog)) {
    const name = factory.code.replace(COMPONENT_KEY, '_');
    const clash = [...entries.values()].find((entry) => entry.name === name);
    if (clash !== undefined) throw new TypeError(`faultline: the codes "${clash.factory.code}" and "${factory.code}" make the same component name "${name}"`);
    const example = renderExample(faultline, factory());
    let schemaRef = envelopeRef(example.envelope);
    const members = extraMembers(factory, example.body);
    if (schemaRef !== undefined && members !== undefined) {
      if (components.schemas[name] !== undefined) throw new TypeError(`faultline: the schema component "${name}" is taken`);
      components.schemas[name] = { $ref: schemaRef, ...members };
      schemaRef = `#/components/schemas/${name}`;
    }
    const media: OpenApiMediaType = schemaRef === undefined ? { example: example.body } : { schema: { $ref: schemaRef }, example: example.body };
    const headers = responseHeaders(example);
    const json = alternative(example.mediaType);
    const response: OpenApiResponse = {
      description: describe(factory),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      content: json === undefined ? { [example.mediaType]: media } : { [example.mediaType]: media, [json]: structuredClone(media) },
    };
    components.responses[name] = response;
    entries.set(factory.code, { factory, name, example, response, schemaRef });
  }

  const responsesFor = (errors: readonly ErrorFactoryLike[]): Record<string, OpenApiResponse | OpenApiReference> => {
    const byStatus = new Map<number, Entry[]>();
    for (const factory of errors) {
      const entry = entries.get(factory.code);
      if (entry === undefined || entry.factory.status !== factory.status) {
        throw new TypeError(`faultline: ${factory.status} ${factory.code} is not in the catalog these components were made from`);
      }
      const list = byStatus.get(entry.example.status) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byStatus.set(entry.example.status, list);
    }
    const responses: Record<string, OpenApiResponse | OpenApiReference> = {};
    for (const [status, list] of [...byStatus].toSorted(([a], [b]) => a - b)) {
      responses[String(status)] = list.length === 1 ? { $ref: `#/components/responses/${(list[0] as Entry).name}` } : sharedResponse(list, alternative);
    }
    return responses;
  };

  return {
    components,
    responsesFor,
    withErrorResponses(operation, errors) {
      checkValue(operation, OPERATION, 'withErrorResponses() operation');
      checkValue(errors, ERRORS, 'withErrorResponses() errors');
      const added = responsesFor(errors);
      const responses = { ...operation.responses };
      for (const [status, response] of Object.entries(added)) responses[status] ??= response;
      return { ...operation, responses };
    },
  };
}

/**
 * `withErrorResponses(operation, [AppErrors.NOT_FOUND, AppErrors.INSUFFICIENT_FUNDS], options)`:
 * a copy of the operation answering with these errors. The `$ref`s point at the components
 * `openApiErrors(catalog, options)` makes for a catalog holding them, under the same options.
 */
export function withErrorResponses<O extends OpenApiOperation>(
  operation: O,
  errors: readonly ErrorFactoryLike[],
  options: OpenApiErrorOptions = {},
): O & OperationResponses {
  checkValue(errors, ERRORS, 'withErrorResponses() errors');
  return openApiErrorsWith(errors, options, 'withErrorResponses()').withErrorResponses(operation, errors);
}

/** The description, then the known causes and their solutions, in CommonMark as OpenAPI allows. */
function describe(factory: ErrorFactoryLike): string {
  const { definition } = factory;
  const text = definition.description ?? definition.message;
  const causes = definition.causes ?? [];
  if (causes.length === 0) return text;
  return `${text}\n\nCauses:\n\n${causes.map(({ cause, solution }) => `- ${cause}: ${solution}`).join('\n')}`;
}

/**
 * The members a catalog entry adds to every body (its `extras`), where the body shows them: a
 * schema of its own is worth it only then. Typed by the default value's JSON type.
 */
function extraMembers(factory: ErrorFactoryLike, body: JsonValue): JsonSchema | undefined {
  const extras = factory.definition.extras;
  if (extras === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const shown = Object.keys(extras).filter((key) => Object.hasOwn(body, key));
  if (shown.length === 0) return undefined;
  const properties: Record<string, JsonSchema> = {};
  for (const key of shown) properties[key] = { type: jsonType(body[key] as JsonValue) };
  return { required: shown, properties };
}

function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
}

/**
 * One response for a status several errors share: each error a named example; the schema the one
 * they share, or `anyOf` theirs (not `oneOf`: envelope schemas are open, so one body can match two).
 */
function sharedResponse(list: readonly Entry[], alternative: (mediaType: string) => string | undefined): OpenApiResponse {
  const content: Record<string, OpenApiMediaType> = {};
  for (const mediaType of new Set(list.map((entry) => entry.example.mediaType))) {
    const same = list.filter((entry) => entry.example.mediaType === mediaType);
    const refs = [...new Set(same.map((entry) => entry.schemaRef))];
    const examples: Record<string, OpenApiExample> = {};
    for (const entry of same) {
      examples[entry.name] = { summary: entry.factory.definition.description ?? entry.factory.definition.message, value: structuredClone(entry.example.body) };
    }
    const media: OpenApiMediaType = { examples };
    // An entry without a schema (a custom envelope nobody described) leaves the union open.
    if (!refs.includes(undefined)) {
      const defined = refs as string[];
      media.schema = defined.length === 1 ? { $ref: defined[0] } : { anyOf: defined.map(($ref) => ({ $ref })) };
    }
    content[mediaType] = media;
    const json = alternative(mediaType);
    if (json !== undefined && content[json] === undefined) content[json] = structuredClone(media);
  }
  const headers: Record<string, OpenApiHeader> = {};
  for (const entry of list) {
    for (const [name, header] of Object.entries(entry.response.headers ?? {})) {
      const everywhere = list.every((other) => other.response.headers?.[name]?.required === true);
      headers[name] ??= { ...header, required: everywhere };
    }
  }
  return {
    description: `One of:\n\n${list.map((entry) => `- \`${entry.factory.code}\`: ${describe(entry.factory).split('\n')[0]}`).join('\n')}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content,
  };
}

function freeKey(taken: Readonly<Record<string, unknown>>, name: string): string {
  let key = name;
  for (let n = 2; taken[key] !== undefined; n++) key = `${name}${n}`;
  return key;
}
