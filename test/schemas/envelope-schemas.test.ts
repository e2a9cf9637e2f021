import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createFaultline, defineErrors, ENVELOPES, envelopeSchemas, errors, HttpError, type EnvelopeName, type FaultlineOptions } from '../../src/index.js';
import { problemDetailsSchemaFor } from '../../src/kit.js';
import { THROW_SCENARIOS } from '../scenarios/throwables.js';
import { schemaErrors } from './body-validator.js';
import { MALFORMED } from './malformed-bodies.js';

const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];

/** Thrown values beyond the shared scenarios: every optional member each envelope can write. */
const MORE_THROWN: Record<string, () => unknown> = {
  'ajv issues, escaped pointers': () => [
    { instancePath: '/pins/0', keyword: 'required', params: { missingProperty: 'cid' }, message: 'x' },
    { instancePath: '/a~1b', keyword: 'additionalProperties', params: { additionalProperty: 'x/y~z' }, message: 'x' },
    { instancePath: '', keyword: 'type', params: {}, message: 'must be object' },
    { instancePath: '/meta/__proto__', keyword: 'maxLength', params: {}, message: 'too long' },
  ],
  'issues in query and headers': () =>
    errors.badRequest('Invalid query', {
      issues: [
        { location: 'query', pointer: '/limit', keyword: 'maximum', message: 'must be <= 1000' },
        { location: 'headers', pointer: '/x-api-key', keyword: 'required', message: 'is required' },
      ],
    }),
  'numeric code and own code': () => errors.unauthorized('Invalid authentication token', { code: 'INVALID_TOKEN', numericCode: 50014 }),
  'extras (missing scope, x402)': () =>
    errors.paymentRequired('Payment required', { extras: { required: 'pins:write', accepts: [{ scheme: 'exact', maxAmountRequired: '1000' }], x402Version: 1 } }),
  'rate-limit refusal with a policy': () => ({ msBeforeNext: 59_001, remainingPoints: 0, consumedPoints: 11, isFirstInDuration: false }),
  'union of refusals': () => ({ burst: { msBeforeNext: 1000, remainingPoints: 0, consumedPoints: 3 }, daily: { msBeforeNext: 86_000_000, remainingPoints: 0, consumedPoints: 1000 } }),
  'exposed 5xx': () => new HttpError(503, 'Maintenance until 10:00', { expose: true, retryAfter: 600, code: 'MAINTENANCE' }),
  'unlisted 5xx': () => ({ status: 522, message: 'x' }),
  '422 with issues': () => new HttpError(422, 'Unprocessable', { issues: [{ location: 'body', pointer: '', keyword: 'type', message: 'must be object' }] }),
  'route not found': () => new HttpError(404, 'Cannot GET /nope'),
  'long and lone-surrogate message': () => errors.badRequest(`\ud800${'é'.repeat(5000)}\r\n\u0000`),
};

const ALL_THROWN: [string, () => unknown][] = [...THROW_SCENARIOS.map((s) => [s.name, s.thrown] as [string, () => unknown]), ...Object.entries(MORE_THROWN)];

const OPTION_SETS: [string, FaultlineOptions][] = [
  ['defaults', {}],
  ['debug', { debug: true }],
  ['422 and custom messages', { validationStatus: 422, messages: { 500: 'An unexpected error occurred', 404: 'Nothing here' } }],
];

describe.each(ENVELOPE_NAMES)('schema of %s', (envelope) => {
  it.each(OPTION_SETS)('accepts every body the suite renders (%s)', (_label, options) => {
    const faultline = createFaultline({ ...options, envelope });
    for (const [name, thrown] of ALL_THROWN) {
      const response = faultline.handle(thrown(), { method: 'GET', path: '/x' });
      const body: unknown = JSON.parse(response.body as string);
      expect(schemaErrors(envelope, body), `${name}: ${response.body}`).toEqual([]);
    }
  });

  it('accepts the fallback body (an envelope that throws)', () => {
    const faultline = createFaultline({ envelope, variants: { 404: { name: 'broken', contentType: 'application/json', body: () => { throw new Error('x'); } } } });
    const response = faultline.handle(errors.notFound(), { method: 'GET', path: '/x' });
    expect(response.status).toBe(500);
    expect(schemaErrors(envelope, JSON.parse(response.body as string))).toEqual([]);
  });
});

describe('schemas reject malformed bodies', () => {
  it.each(MALFORMED)('%s: %s', (envelope, _why, body) => {
    expect(schemaErrors(envelope, body)).not.toEqual([]);
  });
});

describe('reason-details is an IPFS Pinning Service API Failure', () => {
  // `components.schemas.Failure` of ipfs/pinning-services-api-spec (ipfs-pinning-service.yaml), as
  // JSON Schema: OpenAPI objects allow additional properties unless they say otherwise.
  const failure = new Ajv2020({ strict: false }).compile({
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['reason'],
        properties: { reason: { type: 'string' }, details: { type: 'string' } },
      },
    },
  });

  it('every reason-details body faultline writes is a Failure', () => {
    for (const debug of [false, true]) {
      const faultline = createFaultline({ envelope: 'reason-details', debug });
      for (const [name, thrown] of ALL_THROWN) {
        const body: unknown = JSON.parse(faultline.handle(thrown(), { method: 'GET', path: '/x' }).body as string);
        expect(failure(body), name).toBe(true);
        expect(schemaErrors('reason-details', body), name).toEqual([]);
      }
    }
  });

  it("the spec's own examples validate", () => {
    for (const example of [
      { error: { reason: 'BAD_REQUEST', details: 'Explanation for humans with more details' } },
      { error: { reason: 'UNAUTHORIZED', details: 'Access token is missing or invalid' } },
      { error: { reason: 'INSUFFICIENT_FUNDS', details: 'Unable to process request due to the lack of funds' } },
      { error: { reason: 'CUSTOM_ERROR_CODE_FOR_MACHINES', details: 'Optional explanation for humans with more details' } },
    ]) {
      expect(schemaErrors('reason-details', example)).toEqual([]);
      expect(failure(example)).toBe(true);
    }
  });
});

describe('the machine-code pattern is the one normalize enforces', () => {
  const pattern = new RegExp((envelopeSchemas['error-message-code'] as { properties: { code: { pattern: string } } }).properties.code.pattern);
  it.each(['INSUFFICIENT_FUNDS', 'missing_scope', '2fa_required', 'a.b:c-d', 'X'.repeat(64), 'X'.repeat(65), 'has space', '-leading', '', 'émoji', 'line\nbreak'])(
    'code %j',
    (code) => {
      const fault = createFaultline().normalize(errors.conflict('x', { code }));
      expect(fault.code === code).toBe(pattern.test(code));
    },
  );
});

describe('problem details with typeBase and instance: problemDetailsSchemaFor(typeBase)', () => {
  const typeBase = 'https://docs.example.com/errors/';
  const validate = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats.default(validate);
  const check = validate.compile(problemDetailsSchemaFor(typeBase));
  const Documented = defineErrors({
    INSUFFICIENT_FUNDS: { status: 409, message: 'Unable to process request due to the lack of funds' },
    SLOW_DOWN: { status: 429, message: 'Slow down' },
  });

  it('accepts every body the suite renders with them, documented codes included', () => {
    for (const options of [{ typeBase, instance: 'path' as const }, { typeBase, codes: { 429: 'RATE_LIMITED' } }]) {
      const faultline = createFaultline({ ...options, envelope: 'problem-details' });
      const thrown: [string, () => unknown][] = [...ALL_THROWN, ['catalog', () => Documented.INSUFFICIENT_FUNDS()], ['catalog 429', () => Documented.SLOW_DOWN({ retryAfter: 3 })]];
      for (const [name, make] of thrown) {
        const body: unknown = JSON.parse(faultline.handle(make(), { method: 'GET', path: '/pins/7' }).body as string);
        expect(check(body), `${name}: ${JSON.stringify(check.errors)}`).toBe(true);
      }
    }
  });

  it('the default schema is the strict one (about:blank), and a type outside typeBase is refused', () => {
    expect(problemDetailsSchemaFor()).toBe(envelopeSchemas['problem-details']);
    expect(check({ type: 'https://evil.example/x', title: 'Conflict', status: 409, detail: 'x' })).toBe(false);
    expect(check({ type: `${typeBase}insufficient-funds`, title: 'Conflict', status: 409, detail: 'x' })).toBe(true);
    expect(schemaErrors('problem-details', { type: `${typeBase}insufficient-funds`, title: 'Conflict', status: 409, detail: 'x' })).not.toEqual([]);
  });
});
