import { Ajv } from 'ajv';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import * as express from '../../adapters/express/index.js';
import * as hono from '../../adapters/hono/index.js';
import * as koa from '../../adapters/koa/index.js';
import { Envelope, FaultlineFilter, FaultlineModule, MapErrors, RateLimit, Validate } from '../../adapters/nest/index.js';
import { ApiFaultlineResponses, createApiFaultlineResponses } from '../../adapters/nest/swagger.js';
import { parseErrorBody } from '../../src/client/index.js';
import { defineErrors, logErrors, map, openApiErrors, retryDelay, withErrorResponses } from '../../src/index.js';

// Every entry point checks what it is given when it is made, for JavaScript users too: one
// TypeError naming the entry point, the option, the value and what is allowed; an unknown key with
// the option it most likely meant. Each row is a call a user could write and the message it gets.

type Row = readonly [string, () => unknown, RegExp];

const limiter = new RateLimiterMemory({ points: 5, duration: 60 });
const AppErrors = defineErrors({ NOT_FOUND: { status: 404, message: 'Not here' } });
const pino = { error: () => undefined, warn: () => undefined };

const VALIDATE: readonly Row[] = (
  [
    ['express', express.validate as (schemas: unknown, options?: unknown) => unknown],
    ['koa', koa.validate as (schemas: unknown, options?: unknown) => unknown],
    ['hono', hono.validate as (schemas: unknown, options?: unknown) => unknown],
  ] as const
).flatMap(([name, validate]): Row[] => [
  [`${name}: a typo of an option`, () => validate({}, { coerceType: false } as never), /unknown validate\(\) option "coerceType" \(did you mean "coerceTypes"\?\); the options are validationStatus, ajv, queryAjv, coerceTypes/],
  [`${name}: the Ajv class instead of an instance`, () => validate({}, { ajv: Ajv as never }), /validate\(\) option "ajv" is invalid: it is a class; pass an instance \(new Ajv\(…\)\); allowed: an Ajv instance/],
  [`${name}: a status other than 400 or 422`, () => validate({}, { validationStatus: 409 as never }), /validate\(\) option "validationStatus" is 409 \(a number\); allowed: 400 or 422/],
  [`${name}: coerceTypes as a string`, () => validate({}, { coerceTypes: 'array' as never }), /validate\(\) option "coerceTypes" is "array"; allowed: true or false/],
  [`${name}: options that are not an object`, () => validate({}, 'strict' as never), /validate\(\) options must be an object, not "strict"/],
  [`${name}: a typo of a schema part`, () => validate({ bdy: { type: 'object' } } as never), /unknown validate\(\) schema "bdy" \(did you mean "body"\?\); the schemas are body, query, params, headers/],
  [`${name}: a schema that is a string`, () => validate({ body: 'object' } as never), /validate\(\) schema "body" is "object"; allowed: a JSON Schema/],
  [`${name}: no schemas at all`, () => validate(undefined as never), /validate\(\) takes \{ body\?, query\?, params\?, headers\? \} schemas, not undefined/],
]);

const RATE_LIMIT: readonly Row[] = (
  [
    ['express', (o: object) => express.rateLimit(o as never)],
    ['koa', (o: object) => koa.rateLimit(o as never)],
    ['hono', (o: object) => hono.rateLimit({ key: () => 'k', ...o } as never)],
  ] as const
).flatMap(([name, rateLimit]): Row[] => [
  [`${name}: no limiter`, () => rateLimit({}), /rateLimit\(\) needs a limiter: rateLimit\(\{ limiter: new RateLimiterMemory/],
  [`${name}: the limiter class instead of an instance`, () => rateLimit({ limiter: RateLimiterMemory }), /rateLimit\(\) option "limiter" is invalid: it is a class; pass an instance \(new RateLimiterMemory\(…\)\)/],
  [`${name}: a limiter without consume`, () => rateLimit({ limiter: { points: 5 } }), /rateLimit\(\) option "limiter" is an object; allowed: a rate-limiter-flexible limiter/],
  [`${name}: a key that is not a function`, () => rateLimit({ limiter, key: 'x-api-key' }), /rateLimit\(\) option "key" is "x-api-key"; allowed: a function/],
  [`${name}: a fractional cost`, () => rateLimit({ limiter, cost: 1.5 }), /rateLimit\(\) option "cost" is 1\.5 \(a number\); allowed: an integer, 0 or more or a function/],
  [`${name}: an unknown header standard`, () => rateLimit({ limiter, headers: 'draft-9' }), /rateLimit\(\) option "headers" is "draft-9"; allowed: "draft-8", "draft-7", "draft-6", "legacy" or false/],
  [`${name}: a typo of onStoreError`, () => rateLimit({ limiter, onStoreErorr: 'open' }), /unknown rateLimit\(\) option "onStoreErorr" \(did you mean "onStoreError"\?\)/],
  [`${name}: onStoreError neither open nor closed`, () => rateLimit({ limiter, onStoreError: 'fail' }), /rateLimit\(\) option "onStoreError" is "fail"; allowed: "open" or "closed"/],
  [`${name}: a timeout of 0`, () => rateLimit({ limiter, timeoutMs: 0 }), /rateLimit\(\) option "timeoutMs" is 0 \(a number\); allowed: a number of milliseconds above 0/],
  [`${name}: a negative storeRetryAfter`, () => rateLimit({ limiter, storeRetryAfter: -1 }), /rateLimit\(\) option "storeRetryAfter" is -1 \(a number\); allowed: a number, 0 or more/],
  [`${name}: a code with spaces`, () => rateLimit({ limiter, code: 'rate limited' }), /rateLimit\(\) option "code" is "rate limited"; allowed: a machine code/],
]);

const NEST: readonly Row[] = [
  ['@Validate(): a typo of an option', () => Validate({}, { validationstatus: 422 } as never), /unknown @Validate\(\) option "validationstatus" \(did you mean "validationStatus"\?\)/],
  ['@Validate(): an unknown schema part', () => Validate({ cookies: {} } as never), /unknown @Validate\(\) schema "cookies"; the schemas are body, query, params, headers/],
  ['@RateLimit(): points as a string', () => RateLimit({ points: '100', duration: 60 } as never), /@RateLimit\(\) option "points" is "100"; allowed: a number, 0 or more/],
  ['@RateLimit(): a typo of duration', () => RateLimit({ points: 100, duraton: 60 } as never), /unknown @RateLimit\(\) option "duraton" \(did you mean "duration"\?\)/],
  ['@RateLimit(): a bad header standard', () => RateLimit({ points: 1, duration: 1, headers: true } as never), /@RateLimit\(\) option "headers" is true \(a boolean\); allowed: "draft-8"/],
  ['@Envelope(): an unknown envelope', () => Envelope('problem' as never), /@Envelope\(\) style is "problem"; allowed: "reason-details", "error-message-code", "status-object", "numeric-code" or "problem-details" or an envelope made by defineEnvelope\(\)/],
  ['@MapErrors(): a status that is not an error', () => MapErrors(RangeError, 200), /map\(\) target is 200 \(a number\); allowed: a status from 400 to 599, \{ status, code\?, … \}, or a function returning an error/],
  ['@MapErrors(): a typo in the target', () => MapErrors(RangeError, { stauts: 404 } as never), /unknown map\(\) target member "stauts" \(did you mean "status"\?\)/],
  ['FaultlineModule.forRoot(): a typo of an option', () => FaultlineModule.forRoot({ envelop: 'status-object' } as never), /unknown FaultlineModule\.forRoot\(\) option "envelop" \(did you mean "envelope"\?\)/],
  ['FaultlineModule.forRoot(): a preset by name', () => FaultlineModule.forRoot({ preset: 'statusObject' } as never), /FaultlineModule\.forRoot\(\) option "preset" is invalid: a preset is passed as the object presets\.statusObject/],
  ['FaultlineFilter: messages that are not strings', () => new FaultlineFilter({ messages: { 500: 42 } } as never), /option "messages" is invalid: "500" is 42 \(a number\), not a string/],
  ['createApiFaultlineResponses(): a typo of schemas', () => createApiFaultlineResponses({ schema: {} } as never), /unknown createApiFaultlineResponses\(\) option "schema" \(did you mean "schemas"\?\)/],
  ['@ApiFaultlineResponses(): a 200', () => ApiFaultlineResponses(404, 200), /@ApiFaultlineResponses\(\) argument 2 is 200 \(a number\); allowed: a status from 400 to 599, an error/],
];

const CORE: readonly Row[] = [
  ['jsonBody(): a limit as express writes it', () => hono.jsonBody({ limit: '100kb' } as never), /jsonBody\(\) option "limit" is "100kb"; allowed: an integer, 1 or more/],
  ['jsonBody(): a typo of limit', () => hono.jsonBody({ limt: 1024 } as never), /unknown jsonBody\(\) option "limt" \(did you mean "limit"\?\); the options are limit/],
  ['logErrors(): an unknown level for 4xx', () => logErrors(pino, { clientErrors: 'loud' as never }), /logErrors\(\) option "clientErrors" is "loud"; allowed: "warn", "info", "debug" or false/],
  ['logErrors(): a typo of format', () => logErrors(pino, { fromat: 'text' } as never), /unknown logErrors\(\) option "fromat" \(did you mean "format"\?\)/],
  ['logErrors(): no logger', () => logErrors(undefined as never), /logErrors\(\) takes a logger \(pino, Nest's Logger, console\), not undefined/],
  ['logErrors(): a logger without warn', () => logErrors({ error: () => undefined } as never), /logErrors\(\) needs a logger with a warn method/],
  ['logErrors(): a text logger without error', () => logErrors({ warn: () => undefined } as never, { format: 'text' }), /logErrors\(\) needs a logger with an error method/],
  ['map(): a matcher that is a string', () => map('NotFound' as never, 404), /map\(\) matcher is "NotFound"; allowed: an Error class \(matched with instanceof\) or a predicate/],
  ['map(): a target without a status', () => map(RangeError, { code: 'OUT_OF_RANGE' } as never), /map\(\) target needs a status: \{ status: 404, … \}/],
  ['map(): a target whose code is not a machine code', () => map(RangeError, { status: 400, code: 'out of range' }), /map\(\) target member "code" is "out of range"; allowed: a machine code/],
  ['openApiErrors(): a typo of an option', () => openApiErrors(AppErrors, { envelop: 'status-object' } as never), /unknown openApiErrors\(\) option "envelop" \(did you mean "envelope"\?\)/],
  ['openApiErrors(): a schema that is a string', () => openApiErrors(AppErrors, { schema: 'mine' as never }), /openApiErrors\(\) option "schema" is "mine"; allowed: an object/],
  ['openApiErrors(): debug is not an option there', () => openApiErrors(AppErrors, { debug: true } as never), /unknown openApiErrors\(\) option "debug"/],
  ['withErrorResponses(): an operation that is not an object', () => withErrorResponses('get' as never, [AppErrors.NOT_FOUND]), /withErrorResponses\(\) operation is "get"; allowed: an OpenAPI Operation object/],
  ['withErrorResponses(): a status instead of an entry', () => withErrorResponses({}, [404] as never), /withErrorResponses\(\) errors is invalid: item 0 is 404 \(a number\), not a defineErrors\(\) entry/],
  ['withErrorResponses(): a typo of an option', () => withErrorResponses({}, [AppErrors.NOT_FOUND], { preset: 'reasonDetails' } as never), /withErrorResponses\(\) option "preset" is invalid: a preset is passed as the object presets\.reasonDetails/],
  ['retryDelay(): a typo of an option', () => retryDelay({ status: 503 }, 1, { maxAttempt: 3 } as never), /unknown retryDelay\(\) option "maxAttempt" \(did you mean "maxAttempts"\?\)/],
  ['retryDelay(): jitter as a number', () => retryDelay({ status: 503 }, 1, { jitter: 0.5 } as never), /retryDelay\(\) option "jitter" is 0\.5 \(a number\); allowed: true, false, "full" or "equal"/],
  ['retryDelay(): statuses as a number', () => retryDelay({ status: 503 }, 1, { statuses: 429 } as never), /retryDelay\(\) option "statuses" is 429 \(a number\); allowed: a list of statuses such as \[429, 503\]/],
  ['retryDelay(): a negative base delay', () => retryDelay({ status: 503 }, 1, { baseDelay: -5 }), /retryDelay\(\) option "baseDelay" is -5 \(a number\); allowed: a number of milliseconds, 0 or more/],
  ['parseErrorBody(): now as a Date', () => parseErrorBody({ status: 500 }, { now: new Date() } as never), /parseErrorBody\(\) option "now" is an object; allowed: a number, 0 or more/],
];

describe.each([
  ['validate() on every adapter', VALIDATE],
  ['rateLimit() on every adapter', RATE_LIMIT],
  ['Nest decorators, module and filter, Swagger', NEST],
  ['jsonBody, logErrors, map, OpenAPI, the client', CORE],
] as const)('%s', (_group, rows) => {
  it.each(rows.map((row) => [row[0], row] as const))('%s', (_name, [, call, message]) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });
});

describe('good options still pass', () => {
  it('on every entry point', () => {
    expect(() => express.validate({ body: { type: 'object' } }, { validationStatus: 422, coerceTypes: false, ajv: new Ajv() })).not.toThrow();
    expect(() => express.rateLimit({ limiter, key: () => 'k', cost: () => 2, headers: false, policy: 'api', onStoreError: 'open', timeoutMs: Infinity, storeRetryAfter: 0, code: 'RATE_LIMIT', message: 'Slow down', onError: () => undefined })).not.toThrow();
    expect(() => RateLimit({ points: 10, duration: 60, keyPrefix: 'api', blockDuration: 0, key: () => 'k' })).not.toThrow();
    expect(() => hono.jsonBody({ limit: 1024 })).not.toThrow();
    expect(() => logErrors(pino, { clientErrors: false, format: 'object' })).not.toThrow();
    expect(() => map((e) => e instanceof RangeError, { status: 400, code: 'OUT_OF_RANGE', numericCode: 7, message: (e: unknown) => String(e), expose: true, headers: { 'x-a': 'b' }, retryAfter: 1, extras: { a: 1 } })).not.toThrow();
    expect(() => openApiErrors(AppErrors, { envelope: 'status-object', codes: { 429: 'RATE_LIMITED' }, schemas: {} })).not.toThrow();
    expect(() => retryDelay({ status: 503 }, 1, { maxAttempts: 3, baseDelay: 10, maxDelay: 100, maxRetryAfter: Infinity, jitter: 'equal', random: () => 0.5, statuses: new Set([503]) })).not.toThrow();
    expect(() => parseErrorBody({ status: 500 }, { now: Date.now() })).not.toThrow();
  });
});
