// `@ApiFaultlineResponses(...)`: declares on a Nest handler (or controller) the error responses
// faultline will send, with the envelope's JSON Schema and an example body rendered by the core,
// so they appear in the document `SwaggerModule.createDocument` builds.
//
// This file is its own entry point (`faultline/nest/swagger`): it imports `@nestjs/swagger`, which
// `faultline/nest` must not require.
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ApiSchema, type ContentObject, type ExampleObject, type HeaderObject, type SchemaObject } from '@nestjs/swagger';
import {
  checkOptions,
  checkValue,
  createFaultline,
  errorStatus,
  ENVELOPES,
  FAULTLINE_OPTION_RULES,
  isString,
  plainObject,
  recordOf,
  satisfies,
  envelopeSchemas,
  hasJsonAlternative,
  HttpError,
  problemDetailsSchemaFor,
  statusPhrase,
  type Envelope,
  type FaultlineOptions,
  type JsonSchema,
  type OptionRules,
} from '../../src/kit.js';
import { openApiComponents, pascalName } from './openapi-schema.js';

/**
 * An error to document: a status (`404`), an error (`errors.conflict('Duplicate token name')`), or
 * something that makes one when called with no arguments (a `defineErrors` entry such as
 * `AppErrors.INSUFFICIENT_FUNDS`, or a helper such as `errors.notFound`).
 */
export type DocumentedError = number | HttpError | ((...args: never[]) => unknown);

/** An error to document, optionally with the response's description. */
export type FaultlineResponse = DocumentedError | { readonly error: DocumentedError; readonly description?: string };

export interface ApiFaultlineResponsesOptions extends FaultlineOptions {
  /** JSON Schemas for custom envelopes (by envelope name); a custom envelope without one is documented as an object. */
  readonly schemas?: Readonly<Record<string, JsonSchema>>;
}

const OPTION_RULES: OptionRules<ApiFaultlineResponsesOptions> = {
  ...FAULTLINE_OPTION_RULES,
  schemas: recordOf(isString, plainObject, 'an object of JSON Schemas by envelope name'),
};

const isDocumented = (v: unknown): boolean => errorStatus.check(v) === true || v instanceof HttpError || typeof v === 'function';
const RESPONSE = satisfies(
  'a status from 400 to 599, an error, a defineErrors() entry or errors helper, or { error, description }',
  (v) => isDocumented(v) || (plainObject.check(v) === true && isDocumented((v as { error?: unknown }).error)),
);

export type FaultlineResponsesDecorator = <T>(target: object, propertyKey?: string | symbol, descriptor?: TypedPropertyDescriptor<T>) => void;

/**
 * The decorator with faultline's default options (problem details). With other options, use
 * `createApiFaultlineResponses(options)`, passing what `FaultlineModule.forRoot` gets.
 *
 * ```ts
 * @Get(':id')
 * @ApiFaultlineResponses(404, AppErrors.PIN_EXPIRED, { error: 401, description: 'No or a bad token' })
 * find(@Param('id') id: string) { … }
 * ```
 */
export function ApiFaultlineResponses(...responses: readonly FaultlineResponse[]): FaultlineResponsesDecorator {
  return createApiFaultlineResponses()(...responses);
}

/** A `@ApiFaultlineResponses` for the app's options: `export const ApiErrors = createApiFaultlineResponses({ envelope: 'reason-details' })`. */
export function createApiFaultlineResponses(
  options: ApiFaultlineResponsesOptions = {},
): (...responses: readonly FaultlineResponse[]) => FaultlineResponsesDecorator {
  checkOptions(options, OPTION_RULES, 'createApiFaultlineResponses()');
  // Examples are what production clients see: never debug output, and nothing is logged.
  const { schemas: customSchemas, ...rest } = options;
  const core = createFaultline({ ...rest, debug: false, onError: undefined, logUnexpected: false });
  const { settings } = core;

  return (...responses) => {
    responses.forEach((response, i) => checkValue(response, RESPONSE, `@ApiFaultlineResponses() argument ${i + 1}`));
    const byStatus = new Map<number, StatusDoc>();
    const models = new Map<string, Record<string, unknown>>();
    for (const response of responses) {
      const { error, description } = typeof response === 'object' && !(response instanceof HttpError) ? response : { error: response, description: undefined };
      const fault = core.normalize(make(error));
      const rendered = core.render(fault);
      const body: unknown = rendered.body === null ? null : JSON.parse(rendered.body);
      const envelope = settings.variants.get(fault.code) ?? settings.variants.get(String(fault.status)) ?? settings.envelope;
      const schemaName = componentFor(envelope, customSchemas, models, settings.typeBase);
      const mediaType = (rendered.headers['content-type'] ?? 'application/json').split(';')[0]?.trim() ?? 'application/json';
      const doc: StatusDoc = byStatus.get(fault.status) ?? { description, media: new Map(), headers: {} };
      doc.description ??= description;
      const media: MediaDoc = doc.media.get(mediaType) ?? { refs: new Set(), examples: {} };
      if (schemaName !== undefined) media.refs.add(schemaName);
      // Keyed by machine code: one status may carry several documented errors (401 INVALID_TOKEN, 401 TOKEN_EXPIRED).
      media.examples[uniqueKey(media.examples, fault.code)] = { summary: fault.expose ? fault.message : (settings.messages.get(fault.status) ?? statusPhrase(fault.status)), value: body };
      doc.media.set(mediaType, media);
      for (const [name, value] of Object.entries(rendered.headers)) {
        if (name !== 'content-type' && doc.headers[name] === undefined) doc.headers[name] = { schema: { type: 'string' }, example: value };
      }
      byStatus.set(fault.status, doc);
    }
    const decorators: (ClassDecorator | MethodDecorator)[] = [];
    if (models.size > 0) decorators.push(ApiExtraModels(...[...models.keys()].map((name) => modelFor(name, models.get(name) ?? {}))));
    for (const [status, doc] of [...byStatus].toSorted(([a], [b]) => a - b)) {
      const content: ContentObject = {};
      for (const [mediaType, media] of doc.media) {
        const refs = [...media.refs].map((name) => ({ $ref: `#/components/schemas/${name}` }));
        const schema: SchemaObject = refs.length === 0 ? { type: 'object' } : refs.length === 1 ? (refs[0] as SchemaObject) : { oneOf: refs };
        content[mediaType] = { schema, examples: media.examples };
        // Content negotiation sends a `+json` body as `application/json` to clients that ask for it.
        if (settings.negotiate && hasJsonAlternative(mediaType)) content['application/json'] ??= { schema, examples: media.examples };
      }
      // `content` given whole: Nest's produces list (application/json) would be wrong for problem details.
      decorators.push(ApiResponse({ status, description: doc.description ?? statusPhrase(status), content, headers: doc.headers }));
    }
    return applyDecorators(...decorators) as FaultlineResponsesDecorator;
  };
}

interface MediaDoc {
  readonly refs: Set<string>;
  readonly examples: Record<string, ExampleObject>;
}

interface StatusDoc {
  description: string | undefined;
  readonly media: Map<string, MediaDoc>;
  readonly headers: Record<string, HeaderObject>;
}

function make(error: DocumentedError): unknown {
  if (typeof error === 'number') return new HttpError(error);
  if (typeof error === 'function') return (error as () => unknown)();
  return error;
}

/** The component name of the envelope's schema, registering its components in `models`. */
function componentFor(
  envelope: Envelope,
  custom: Readonly<Record<string, JsonSchema>> | undefined,
  models: Map<string, Record<string, unknown>>,
  typeBase: string | undefined,
): string | undefined {
  const builtIn = (ENVELOPES as Readonly<Record<string, Envelope>>)[envelope.name] === envelope;
  const schema = !builtIn
    ? custom?.[envelope.name]
    : envelope.name === 'problem-details'
      ? problemDetailsSchemaFor(typeBase)
      : (envelopeSchemas as Readonly<Record<string, JsonSchema>>)[envelope.name];
  if (schema === undefined) return undefined;
  const components = openApiComponents(`Faultline${pascalName(envelope.name)}`, schema);
  for (const [name, component] of Object.entries(components.schemas)) models.set(name, component);
  return components.name;
}

function uniqueKey(taken: Record<string, unknown>, key: string): string {
  let candidate = key;
  for (let n = 2; candidate in taken; n++) candidate = `${key}_${n}`;
  return candidate;
}

const MODELS = new Map<string, new () => object>();

/**
 * A class Nest's document builder turns into the component `name`: `@ApiExtraModels` registers
 * classes, and `@ApiSchema`'s options become the component's members. One class per name, so
 * every handler that documents the same envelope shares one component.
 */
function modelFor(name: string, schema: Record<string, unknown>): new () => object {
  let model = MODELS.get(name);
  if (model === undefined) {
    // oxlint-disable-next-line typescript/no-extraneous-class -- only a carrier for @ApiSchema's metadata
    model = class {};
    Object.defineProperty(model, 'name', { value: name });
    ApiSchema({ ...schema, name } as Parameters<typeof ApiSchema>[0])(model);
    MODELS.set(name, model);
  }
  return model;
}
