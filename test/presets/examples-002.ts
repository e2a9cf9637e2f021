import { Ajv } from 'ajv';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errors, HttpError, notReady, presets } from '../../src/index.js';
import { numericCodeErrors } from '../../src/presets/index.js';
import type { DocumentedExample, SeedExamples } from './example.js';
import { documentedBody, SEED, seedPage } from './seed-page.js';

const seed = SEED.numericCode;
const JSON_TYPE = 'application/json; charset=utf-8';

const ajv = new Ajv({ allErrors: true });
const validateChannel = ajv.compile({
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    permission_overwrites: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
  },
});

/**
 * The page's table of statuses, with the preset's documented rule for messages: the description,
 * without cross-references ("see Rate Limits") and scope notes ("(CDN only)"). 2xx/3xx are not errors.
 */
function listedErrorStatuses(): { status: number; name: string; message: string }[] {
  const rows = [...seedPage(seed).matchAll(/^\| (\d{3}) \(([^)]+)\) \| (.+) \|$/gm)];
  return rows
    .filter((row) => Number(row[1]) >= 400)
    .map((row) => ({
      status: Number(row[1]),
      name: row[2] as string,
      message: (row[3] as string).replace(/ \((CDN|Rust services) only\)$/, '').replace(/, see Rate Limits$/, ''),
    }));
}

const everyListedStatus: DocumentedExample[] = listedErrorStatuses().map(({ status, name, message }) => ({
  name: `${status} (${name}) with the page's message and code 0`,
  route: () => {
    throw new HttpError(status);
  },
  status,
  body: JSON.stringify({ message, code: 0 }),
  headers: { 'content-type': JSON_TYPE, 'www-authenticate': status === 401 ? 'Bearer' : null },
}));

export const seed002: SeedExamples = {
  seed,
  preset: presets.numericCode,
  examples: [
    {
      name: '401 code 50014 (the example JSON error response)',
      route: () => {
        throw numericCodeErrors.INVALID_AUTHENTICATION_TOKEN();
      },
      status: 401,
      body: documentedBody(seed, '50014'),
      headers: { 'www-authenticate': 'Bearer', 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    },
    {
      name: '400 form errors in the nested errors object (code 50035)',
      request: { upload: JSON.stringify({ permission_overwrites: [{ id: 1 }, {}] }) },
      route: (request) => {
        if (!validateChannel(request.body)) throw validateChannel.errors;
        throw new Error('test bug: an invalid body passed validation');
      },
      status: 400,
      body: JSON.stringify({
        message: 'Invalid Form Body',
        code: 50035,
        errors: {
          name: { _errors: [{ code: 'REQUIRED', message: 'is required' }] },
          permission_overwrites: {
            0: { id: { _errors: [{ code: 'TYPE', message: 'must be string' }] } },
            1: { id: { _errors: [{ code: 'REQUIRED', message: 'is required' }] } },
          },
        },
      }),
    },
    {
      name: '422 form errors (Rust services: validationStatus 422)',
      options: { validationStatus: 422 },
      request: { upload: JSON.stringify({ name: '' }) },
      route: (request) => {
        if (!validateChannel(request.body)) throw validateChannel.errors;
        throw new Error('test bug: an invalid body passed validation');
      },
      status: 422,
      body: '{"message":"Invalid Form Body","code":50035,"errors":{"name":{"_errors":[{"code":"MIN_LENGTH","message":"must NOT have fewer than 1 characters"}]}}}',
    },
    ...everyListedStatus,
    {
      name: '405 with Allow',
      route: () => {
        throw errors.methodNotAllowed(undefined, { allow: ['GET', 'PATCH'] });
      },
      status: 405,
      body: '{"message":"The HTTP method used is not valid for the location specified","code":0}',
      headers: { allow: 'GET, PATCH' },
    },
    {
      name: '423 LOCKED, try again later (Retry-After)',
      route: () => {
        throw errors.locked(undefined, { retryAfter: 3 });
      },
      status: 423,
      body: '{"message":"The resource being accessed is transiently locked. Try again later","code":0}',
      headers: { 'retry-after': '3' },
    },
    {
      name: '429 rate limited (a rate-limiter-flexible refusal): retry_after and global',
      route: async () => {
        const limiter = new RateLimiterMemory({ points: 1, duration: 60 });
        await limiter.consume('client');
        await limiter.consume('client');
        throw new Error('test bug: the limiter admitted a second request');
      },
      status: 429,
      body: '{"message":"You are being rate limited","code":0,"retry_after":60,"global":false}',
      headers: { 'retry-after': '60' },
    },
    {
      name: '503 with Retry-After; the thrown message stays hidden',
      route: () => {
        throw errors.serviceUnavailable('voice region us-west down', { retryAfter: 10 });
      },
      status: 503,
      body: '{"message":"The service required to process your request is unavailable. Wait a bit and retry","code":0}',
      headers: { 'retry-after': '10' },
    },
    {
      name: '5xx (SERVER ERROR): 507 gets the generic server-error message',
      route: () => {
        throw errors.insufficientStorage();
      },
      status: 507,
      body: '{"message":"The server had an error processing your request","code":0}',
    },
    {
      name: '500 from a thrown Error (nothing of it leaks)',
      route: () => {
        throw new RangeError('snowflake 1188 out of range');
      },
      status: 500,
      body: '{"message":"The server had an error processing your request","code":0}',
    },
    {
      name: '202 ACCEPTED, resource not ready: retry_after in the body (notReady)',
      route: () => notReady({ retryAfter: 2.5, message: 'Index not yet available. Try again later', numericCode: 110000 }),
      status: 202,
      body: '{"message":"Index not yet available. Try again later","code":110000,"retry_after":2.5}',
      headers: { 'retry-after': '3', 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    },
    {
      name: '202 ACCEPTED with the helper defaults',
      route: () => notReady({ retryAfter: 1 }),
      status: 202,
      body: '{"message":"The resource is not ready yet","code":0,"retry_after":1}',
      headers: { 'retry-after': '1' },
    },
  ],
};
