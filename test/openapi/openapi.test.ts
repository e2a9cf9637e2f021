import { describe, expect, it } from 'vitest';
import { createFaultline, defineEnvelope, defineErrors, ENVELOPES, envelopeSchemas, openApiErrors, presets, withErrorResponses, x402PaymentRequired, type EnvelopeName, type JsonValue, type OpenApiErrorOptions } from '../../src/index.js';
import { headerSpelling, type ErrorFactoryLike, type JsonSchema, type OpenApiMediaType, type OpenApiReference, type OpenApiResponse } from '../../src/kit.js';
import { errorMessageCodeErrors, flatCodeEnvelope, numericCodeErrors, reasonDetailsErrors, statusObjectErrors } from '../../src/presets/index.js';
import { AppErrors } from './app-errors.js';
import { bodyValidator, documentWith, openApiErrorsOf, pointerToken } from './openapi-document.js';

type Catalog = Readonly<Record<string, ErrorFactoryLike>>;
type Case = [label: string, catalog: Catalog, options: OpenApiErrorOptions];

const ENVELOPE_CASES: Case[] = (Object.keys(ENVELOPES) as EnvelopeName[]).map((envelope) => [`envelope ${envelope}`, AppErrors, { envelope }]);

const PRESET_CASES: Case[] = [
  ['preset reasonDetails (seed 000)', reasonDetailsErrors, { preset: presets.reasonDetails }],
  ['preset errorMessageCode (seed 001)', errorMessageCodeErrors, { preset: presets.errorMessageCode }],
  ['preset numericCode (seed 002)', numericCodeErrors, { preset: presets.numericCode }],
  ['preset statusObject (seed 003)', statusObjectErrors, { preset: presets.statusObject }],
  // Seed 004 documents statuses, not codes: any catalog, with the guide's messages.
  ['preset statusGuide (seed 004)', AppErrors, { preset: presets.statusGuide }],
  // A preset's variants and messages apply to any catalog, not only its own.
  ['preset reasonDetails with the app catalog', AppErrors, { preset: presets.reasonDetails }],
  ['preset numericCode with the app catalog', AppErrors, { preset: presets.numericCode }],
];

const PATH = '/things/{id}';

/**
 * The envelope's media type and its content. A `+json` one is also listed as `application/json`
 * (content negotiation sends the same body to clients that ask for JSON): the same schema and example.
 */
function mediaOf(response: OpenApiResponse): [string, OpenApiMediaType] {
  const [own, ...others] = Object.entries(response.content) as [string, OpenApiMediaType][];
  expect(own).toBeDefined();
  const [mediaType, media] = own as [string, OpenApiMediaType];
  if (mediaType.endsWith('+json')) expect(others).toEqual([['application/json', media]]);
  else expect(others).toEqual([]);
  return [mediaType, media];
}

/** What the handler sends for the error, rendered independently of the OpenAPI code. */
function sent(options: OpenApiErrorOptions, factory: ErrorFactoryLike) {
  const { schema: _schema, schemas: _schemas, ...faultlineOptions } = options;
  const response = createFaultline(faultlineOptions).handle(factory(), { method: 'GET', path: '/things/1' });
  return { ...response, mediaType: (response.headers['content-type'] ?? '').split(';')[0] as string };
}

describe.each([...ENVELOPE_CASES, ...PRESET_CASES])('%s', (_label, catalog, options) => {
  const factories = Object.values(catalog);
  const docs = openApiErrors(catalog, options);
  const operation = docs.withErrorResponses({ operationId: 'getThing', responses: { '200': { description: 'The thing', content: {} } } }, factories);
  const document = documentWith(docs.components, { [PATH]: operation });
  const validate = bodyValidator(document);

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(await openApiErrorsOf(document)).toEqual([]);
  });

  it.each(factories.map((factory) => [factory.code, factory] as const))('%s: the example is the rendered body, and its schema accepts it', (code, factory) => {
    const response = docs.components.responses[code] as OpenApiResponse;
    const [mediaType, media] = mediaOf(response);
    const expected = sent(options, factory);
    expect(mediaType).toBe(expected.mediaType);
    // Byte for byte, member order included.
    expect(JSON.stringify(media.example)).toBe(expected.body);
    expect(media.schema).toBeDefined();
    expect(validate(`/components/responses/${pointerToken(code)}/content/${pointerToken(mediaType)}/schema`, media.example as JsonValue)).toEqual([]);
    for (const [name, value] of Object.entries(expected.headers)) {
      if (name === 'content-type') continue;
      const header = response.headers?.[headerSpelling(name)];
      expect(header, name).toBeDefined();
      expect(header?.required).toBe(true);
      expect(String(header?.example)).toBe(value);
    }
  });

  it("the operation's responses: a $ref for a status one error answers, named examples for a shared one", () => {
    const byStatus = new Map<number, ErrorFactoryLike[]>();
    for (const factory of factories) byStatus.set(factory.status, [...(byStatus.get(factory.status) ?? []), factory]);
    expect(Object.keys(operation.responses).toSorted()).toEqual(['200', ...[...byStatus.keys()].map(String)].toSorted());
    for (const [status, list] of byStatus) {
      const response = operation.responses[String(status)] as OpenApiResponse | OpenApiReference;
      if (list.length === 1) {
        expect(response).toEqual({ $ref: `#/components/responses/${(list[0] as ErrorFactoryLike).code}` });
        continue;
      }
      expect('$ref' in response).toBe(false);
      const shared = response as OpenApiResponse;
      const seen: string[] = [];
      const [mediaType, media] = mediaOf(shared);
      {
        for (const [code, example] of Object.entries(media.examples ?? {})) {
          const factory = list.find((f) => f.code === code) as ErrorFactoryLike;
          expect(JSON.stringify(example.value)).toBe(sent(options, factory).body);
          const pointer = `/paths/${pointerToken(PATH)}/get/responses/${status}/content/${pointerToken(mediaType)}/schema`;
          expect(validate(pointer, example.value), code).toEqual([]);
          seen.push(code);
        }
      }
      expect(seen.toSorted()).toEqual(list.map((f) => f.code).toSorted());
    }
  });
});

describe('the checks have teeth', () => {
  const docs = openApiErrors(AppErrors, { envelope: 'problem-details' });
  const document = documentWith(docs.components);

  it('the validator rejects a response without a description', async () => {
    const broken = structuredClone(document) as { components: { responses: Record<string, Record<string, unknown>> } };
    delete broken.components.responses.NOT_FOUND?.description;
    expect(await openApiErrorsOf(broken)).not.toEqual([]);
  });

  it('ajv rejects an example the schema does not describe', () => {
    const validate = bodyValidator(document);
    const pointer = `/components/responses/NOT_FOUND/content/${pointerToken('application/problem+json')}/schema`;
    expect(validate(pointer, { type: 'about:blank', title: 'Not Found', status: '404', detail: 'x' })).not.toEqual([]);
  });
});

describe('headers', () => {
  const docs = openApiErrors(AppErrors, { envelope: 'error-message-code' });
  const headers = (code: string) => (docs.components.responses[code] as OpenApiResponse).headers ?? {};

  it('401: WWW-Authenticate with the challenge', () => {
    expect(headers('INVALID_TOKEN')['WWW-Authenticate']).toMatchObject({ required: true, example: 'Bearer', schema: { type: 'string' } });
    const without = openApiErrors(AppErrors, { envelope: 'error-message-code', challenge: false });
    const header = (without.components.responses.INVALID_TOKEN as OpenApiResponse).headers?.['WWW-Authenticate'];
    expect(header).toMatchObject({ required: false });
    expect(header?.example).toBeUndefined();
  });

  it('405: Allow from the catalog entry', () => {
    expect(headers('READ_ONLY').Allow).toMatchObject({ required: true, example: 'GET, HEAD' });
  });

  it('429 and 503: Retry-After as delay-seconds, required when the entry knows the wait', () => {
    expect(headers('RATE_LIMITED')['Retry-After']).toEqual(expect.objectContaining({ required: true, example: 30, schema: { type: 'integer', minimum: 0 } }));
    expect(headers('MAINTENANCE')['Retry-After']).toMatchObject({ required: true, example: 600 });
    const unknownWait = openApiErrors(defineErrors({ SLOW_DOWN: { status: 429, message: 'Slow down' } }), { envelope: 'error-message-code' });
    expect((unknownWait.components.responses.SLOW_DOWN as OpenApiResponse).headers?.['Retry-After']).toMatchObject({ required: false });
  });

  it('no Content-Type header: the media type is the content key', () => {
    for (const response of Object.values(docs.components.responses)) {
      expect(Object.keys(response.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('content-type');
    }
  });
});

describe('components', () => {
  it('one schema per envelope in use, named after it; copies, not the shared built-ins', () => {
    const docs = openApiErrors(AppErrors, { envelope: 'status-object' });
    expect(docs.components.schemas.StatusObjectError).toEqual(envelopeSchemas['status-object']);
    expect(docs.components.schemas.StatusObjectError).not.toBe(envelopeSchemas['status-object']);
  });

  it("a preset's variants bring their own schemas (seed 000's flat 413 and 429)", () => {
    const docs = openApiErrors(reasonDetailsErrors, { preset: presets.reasonDetails });
    const schemaRef = (code: string) => mediaOf(docs.components.responses[code] as OpenApiResponse)[1].schema;
    expect(schemaRef('NOT_FOUND')).toEqual({ $ref: '#/components/schemas/ReasonDetailsError' });
    expect(schemaRef('PAYLOAD_TOO_LARGE')).toEqual({ $ref: '#/components/schemas/ReasonDetailsFlatCodeError' });
    expect(schemaRef('RATE_LIMITED')).toEqual({ $ref: '#/components/schemas/ReasonDetailsFlatRateLimitError' });
  });

  it("seed 000's x402 402: its own schema, which also accepts a real PaymentRequired body", () => {
    const Gateway = defineErrors({ PAYMENT_REQUIRED: { status: 402, message: 'Payment Required' } });
    const docs = openApiErrors(Gateway, { preset: presets.reasonDetails });
    const [, media] = mediaOf(docs.components.responses.PAYMENT_REQUIRED as OpenApiResponse);
    expect(media).toEqual({ schema: { $ref: '#/components/schemas/ReasonDetailsX402Error' }, example: { x402Version: 1, accepts: [], error: 'Payment Required' } });
    const validate = bodyValidator(documentWith(docs.components));
    const accepts = [{ scheme: 'exact', network: 'base', maxAmountRequired: '10000', resource: 'https://x/y', description: 'A file', mimeType: 'text/plain', payTo: '0x1', maxTimeoutSeconds: 60, asset: '0x2' }];
    const rendered = createFaultline({ preset: presets.reasonDetails }).handle(x402PaymentRequired(accepts), { method: 'GET', path: '/' });
    expect(validate('/components/schemas/ReasonDetailsX402Error', JSON.parse(rendered.body as string) as JsonValue)).toEqual([]);
    expect(validate('/components/schemas/ReasonDetailsX402Error', { x402Version: 1, accepts: [{ scheme: 'exact' }], error: 'x' })).not.toEqual([]);
  });

  it('an error that adds members gets a schema of its own requiring them', () => {
    const docs = openApiErrors(AppErrors, { envelope: 'problem-details' });
    expect(docs.components.schemas.MISSING_SCOPE).toEqual({
      $ref: '#/components/schemas/ProblemDetailsError',
      required: ['required'],
      properties: { required: { type: 'string' } },
    });
    const validate = bodyValidator(documentWith(docs.components));
    const body = { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'x', code: 'MISSING_SCOPE' };
    expect(validate('/components/schemas/MISSING_SCOPE', body)).not.toEqual([]);
    expect(validate('/components/schemas/MISSING_SCOPE', { ...body, required: 'pins:write' })).toEqual([]);
  });

  it("a hidden 5xx's example shows the generic body, never the entry's own message", () => {
    const docs = openApiErrors(AppErrors, { envelope: 'reason-details' });
    const [, media] = mediaOf(docs.components.responses.INTERNAL as OpenApiResponse);
    expect(media.example).toEqual({ error: { reason: 'INTERNAL_SERVER_ERROR', details: 'Internal Server Error' } });
  });

  it('causes and solutions are in the description', () => {
    const docs = openApiErrors(AppErrors, { envelope: 'problem-details' });
    expect(docs.components.responses.INSUFFICIENT_FUNDS?.description).toBe(
      'Unable to process request due to the lack of funds\n\nCauses:\n\n- Storage exceeds the free tier: Add credits',
    );
  });

  it('several catalogs at once; a code two different entries share is refused', () => {
    const More = defineErrors({ GONE_FOR_GOOD: { status: 410, message: 'Gone for good' } });
    const docs = openApiErrors([AppErrors, More], { envelope: 'problem-details' });
    expect(Object.keys(docs.components.responses)).toEqual([...Object.keys(AppErrors), 'GONE_FOR_GOOD']);
    const Clash = defineErrors({ NOT_FOUND: { status: 410, message: 'Gone' } });
    expect(() => openApiErrors([AppErrors, Clash])).toThrow(/NOT_FOUND/);
  });

  it('codes that are not component keys are made into keys, and clashes refused', () => {
    const Odd = defineErrors({ 'pins:not-found': { status: 404, message: 'x' } });
    expect(Object.keys(openApiErrors(Odd).components.responses)).toEqual(['pins_not-found']);
    const Clash = defineErrors({ 'a:b': { status: 404, message: 'x' }, a_b: { status: 404, message: 'y' } });
    expect(() => openApiErrors(Clash)).toThrow(/same component name/);
  });
});

describe('custom envelopes', () => {
  const mine = defineEnvelope({ name: 'mine/v1', body: (f) => ({ ok: false, error: { code: f.code, message: f.message } }) });
  const schema: JsonSchema = {
    type: 'object',
    required: ['ok', 'error'],
    properties: { ok: { const: false }, error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
  };

  it('with a schema: a component named after the envelope, and examples that validate', async () => {
    const docs = openApiErrors(AppErrors, { envelope: mine, schema });
    expect(docs.components.schemas.MineV1Error).toEqual(schema);
    const document = documentWith(docs.components);
    expect(await openApiErrorsOf(document)).toEqual([]);
    const validate = bodyValidator(document);
    for (const [code, response] of Object.entries(docs.components.responses)) {
      const [mediaType, media] = mediaOf(response);
      expect(mediaType).toBe('application/json');
      expect(validate(`/components/responses/${code}/content/${pointerToken(mediaType)}/schema`, media.example as JsonValue)).toEqual([]);
    }
    expect(mediaOf(docs.components.responses.NOT_FOUND as OpenApiResponse)[1].example).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The specified resource was not found' },
    });
  });

  it('without a schema: examples only', async () => {
    const docs = openApiErrors(AppErrors, { envelope: mine });
    expect(docs.components.schemas).toEqual({});
    const [, media] = mediaOf(docs.components.responses.NOT_FOUND as OpenApiResponse);
    expect(media.schema).toBeUndefined();
    expect(media.example).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'The specified resource was not found' } });
    expect(await openApiErrorsOf(documentWith(docs.components))).toEqual([]);
  });

  it('a variant schema by envelope name', () => {
    const docs = openApiErrors(AppErrors, { envelope: 'problem-details', variants: { 409: mine }, schemas: { 'mine/v1': schema } });
    expect(mediaOf(docs.components.responses.INSUFFICIENT_FUNDS as OpenApiResponse)).toEqual([
      'application/json',
      { schema: { $ref: '#/components/schemas/MineV1Error' }, example: { ok: false, error: { code: 'INSUFFICIENT_FUNDS', message: 'Unable to process request due to the lack of funds' } } },
    ]);
  });

  it('an envelope that fails is refused, not documented as a 500', () => {
    const broken = defineEnvelope({ name: 'broken', body: () => ({ n: 10n }) });
    expect(() => openApiErrors(AppErrors, { envelope: broken })).toThrow(/could not be rendered/);
  });
});

describe('withErrorResponses', () => {
  it('adds $refs, keeps what the operation already answers, and leaves the operation itself alone', () => {
    const own: OpenApiResponse = { description: 'Our own 404', content: {} };
    const operation = { operationId: 'getPin', responses: { '200': { description: 'The pin', content: {} }, '404': own } };
    const result = withErrorResponses(operation, [AppErrors.NOT_FOUND, AppErrors.INVALID_TOKEN], { envelope: 'problem-details' });
    expect(result.responses).toEqual({ '200': operation.responses['200'], '404': own, '401': { $ref: '#/components/responses/INVALID_TOKEN' } });
    expect(result.operationId).toBe('getPin');
    expect(Object.keys(operation.responses)).toEqual(['200', '404']);
  });

  it('several errors on one status: named examples, one schema $ref when they share an envelope', () => {
    const result = withErrorResponses({}, [AppErrors.BAD_REQUEST, AppErrors.INVALID_CID], { envelope: 'numeric-code' });
    const shared = result.responses['400'] as OpenApiResponse;
    const [mediaType, media] = mediaOf(shared);
    expect(mediaType).toBe('application/json');
    expect(media.schema).toEqual({ $ref: '#/components/schemas/NumericCodeError' });
    expect(Object.keys(media.examples ?? {})).toEqual(['BAD_REQUEST', 'INVALID_CID']);
    expect(media.examples?.INVALID_CID?.value).toEqual({ message: 'The CID is not valid', code: 40010 });
    expect(shared.description).toContain('`INVALID_CID`');
  });

  it('several envelopes on one status: anyOf their schemas', async () => {
    const options: OpenApiErrorOptions = { preset: presets.reasonDetails, variants: { INVALID_CID: flatCodeEnvelope } };
    const docs = openApiErrors(AppErrors, options);
    const operation = docs.withErrorResponses({}, [AppErrors.BAD_REQUEST, AppErrors.INVALID_CID]);
    const [, media] = mediaOf(operation.responses['400'] as OpenApiResponse);
    expect(media.schema).toEqual({ anyOf: [{ $ref: '#/components/schemas/ReasonDetailsError' }, { $ref: '#/components/schemas/ReasonDetailsFlatCodeError' }] });
    expect(media.examples?.INVALID_CID?.value).toEqual({ error: 'INVALID_CID' });
    expect(await openApiErrorsOf(documentWith(docs.components, { '/cids/{cid}': operation }))).toEqual([]);
  });

  it("an operation's own responses need only a description, as OpenAPI says (a 204 has no content); they are kept", async () => {
    const docs = openApiErrors(AppErrors);
    const deletePin = { summary: 'Delete a pin', responses: { '204': { description: 'Deleted' } } };
    const getPin = { responses: { '200': { description: 'ok' }, '404': { description: 'Our own 404', headers: { 'X-Trace': { schema: { type: 'string' } } } } } };
    const deleted = docs.withErrorResponses(deletePin, [AppErrors.RATE_LIMITED]);
    const got = withErrorResponses(getPin, [AppErrors.NOT_FOUND, AppErrors.RATE_LIMITED]);
    expect(deleted.responses['204']).toEqual({ description: 'Deleted' });
    expect(deleted.summary).toBe('Delete a pin');
    expect(got.responses['200']).toEqual({ description: 'ok' });
    expect(got.responses['404']).toBe(getPin.responses['404']);
    expect(got.responses['429']).toEqual({ $ref: '#/components/responses/RATE_LIMITED' });
    expect(await openApiErrorsOf(documentWith(docs.components, { '/pins/{id}': deleted }))).toEqual([]);
  });

  it('an error the components were not made from is refused', () => {
    const docs = openApiErrors(reasonDetailsErrors, { preset: presets.reasonDetails });
    expect(() => docs.withErrorResponses({}, [AppErrors.INVALID_CID])).toThrow(/not in the catalog/);
    // Same code, other status: not the same error.
    expect(() => docs.withErrorResponses({}, [AppErrors.RATE_LIMITED, AppErrors.INSUFFICIENT_FUNDS])).not.toThrow();
    expect(() => docs.withErrorResponses({}, [defineErrors({ NOT_FOUND: { status: 410, message: 'x' } }).NOT_FOUND])).toThrow(/not in the catalog/);
  });
});

describe('content negotiation and typeBase in the document', () => {
  it('negotiate: false lists the envelope type only', () => {
    const docs = openApiErrors(AppErrors, { envelope: 'problem-details', negotiate: false });
    expect(Object.keys((docs.components.responses.NOT_FOUND as OpenApiResponse).content)).toEqual(['application/problem+json']);
  });

  it('an envelope that is not +json has no alternative to list', () => {
    const docs = openApiErrors(AppErrors, { envelope: 'status-object' });
    expect(Object.keys((docs.components.responses.NOT_FOUND as OpenApiResponse).content)).toEqual(['application/json']);
  });

  it("typeBase: each example's type is its code's URI, and the schema accepts it (and only such URIs)", async () => {
    const typeBase = 'https://docs.example.com/errors/';
    const docs = openApiErrors(AppErrors, { envelope: 'problem-details', typeBase, instance: 'path' });
    const document = documentWith(docs.components);
    expect(await openApiErrorsOf(document)).toEqual([]);
    const validate = bodyValidator(document);
    for (const factory of Object.values(AppErrors)) {
      const [mediaType, media] = mediaOf(docs.components.responses[factory.code] as OpenApiResponse);
      const example = media.example as Record<string, JsonValue>;
      if (factory.status < 500 && factory.status !== 429) expect(example.type).toBe(`${typeBase}${factory.code.toLowerCase().replaceAll('_', '-')}`);
      expect(example.instance).toBe('/');
      expect(validate(`/components/responses/${pointerToken(factory.code)}/content/${pointerToken(mediaType)}/schema`, example), factory.code).toEqual([]);
    }
    const pointer = `/components/responses/NOT_FOUND/content/${pointerToken('application/problem+json')}/schema`;
    expect(validate(pointer, { type: 'https://elsewhere.example/errors/not-found', title: 'Not Found', status: 404, detail: 'x' })).not.toEqual([]);
    expect(validate(pointer, { type: `${typeBase}Not Found`, title: 'Not Found', status: 404, detail: 'x' })).not.toEqual([]);
  });
});
