import { Ajv } from 'ajv';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errors, missingScope, presets } from '../../src/index.js';
import { errorMessageCodeErrors } from '../../src/presets/index.js';
import type { SeedExamples } from './example.js';
import { documentedBody, SEED } from './seed-page.js';

const seed = SEED.errorMessageCode;
const JSON_TYPE = 'application/json; charset=utf-8';

const ajv = new Ajv({ allErrors: true });
const validateToken = ajv.compile({
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 }, totp: { type: 'string', pattern: '^[0-9]{6}$' } },
});

async function overLimit(): Promise<never> {
  const limiter = new RateLimiterMemory({ points: 1, duration: 60 });
  await limiter.consume('client');
  await limiter.consume('client');
  throw new Error('test bug: the limiter admitted a second request');
}

export const seed001: SeedExamples = {
  seed,
  preset: presets.errorMessageCode,
  examples: [
    {
      name: '401 INVALID_API_KEY (the example error response)',
      route: () => {
        throw errorMessageCodeErrors.INVALID_API_KEY();
      },
      status: 401,
      body: documentedBody(seed, '"INVALID_API_KEY"'),
      headers: { 'www-authenticate': 'Bearer', 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    },
    {
      name: '401 UNAUTHORIZED',
      route: () => {
        throw errorMessageCodeErrors.UNAUTHORIZED();
      },
      status: 401,
      body: '{"error":"Unauthorized","message":"API key or Bearer token is missing, invalid, or expired","code":"UNAUTHORIZED"}',
      headers: { 'www-authenticate': 'Bearer' },
    },
    {
      name: '401 UNAUTHORIZED from errors.unauthorized()',
      route: () => {
        throw errors.unauthorized();
      },
      status: 401,
      body: '{"error":"Unauthorized","message":"API key or Bearer token is missing, invalid, or expired","code":"UNAUTHORIZED"}',
    },
    {
      name: '403 missing_scope with required',
      route: () => {
        throw missingScope('files:write');
      },
      status: 403,
      body: '{"error":"Forbidden","message":"Token does not have the required scope","code":"missing_scope","required":"files:write"}',
    },
    {
      name: '403 plan limit (no code of its own)',
      route: () => {
        throw errors.forbidden('Plan limit reached: 100 pins');
      },
      status: 403,
      body: '{"error":"Forbidden","message":"Plan limit reached: 100 pins","code":"FORBIDDEN"}',
    },
    {
      name: '404 CID not found',
      route: () => {
        throw errors.notFound('CID not found');
      },
      status: 404,
      body: '{"error":"Not Found","message":"CID not found","code":"NOT_FOUND"}',
    },
    {
      name: '409 duplicate token name',
      route: () => {
        throw errorMessageCodeErrors.CONFLICT();
      },
      status: 409,
      body: '{"error":"Conflict","message":"A token with this name already exists","code":"CONFLICT"}',
    },
    {
      name: '413 FILE_TOO_LARGE',
      route: () => {
        throw errorMessageCodeErrors.FILE_TOO_LARGE();
      },
      status: 413,
      body: '{"error":"Payload Too Large","message":"Uploaded file exceeds the allowed size for your plan","code":"FILE_TOO_LARGE"}',
    },
    {
      name: '413 FILE_TOO_LARGE from the framework body parser',
      request: { upload: JSON.stringify({ name: 'x'.repeat(2048) }) },
      route: () => {
        throw new Error('test bug: an oversized body reached the route');
      },
      status: 413,
      body: '{"error":"Payload Too Large","message":"Request body is too large","code":"FILE_TOO_LARGE"}',
      viaFramework: true,
    },
    {
      name: '429 RATE_LIMIT with retryAfter and Retry-After',
      route: () => {
        throw errorMessageCodeErrors.RATE_LIMIT({ retryAfter: 30 });
      },
      status: 429,
      body: '{"error":"Too Many Requests","message":"Too many requests","code":"RATE_LIMIT","retryAfter":30}',
      headers: { 'retry-after': '30' },
    },
    {
      name: '429 RATE_LIMIT from a rate-limiter-flexible refusal',
      route: overLimit,
      status: 429,
      body: '{"error":"Too Many Requests","message":"Too many requests","code":"RATE_LIMIT","retryAfter":60}',
      headers: { 'retry-after': '60', ratelimit: '"default";r=0;t=60' },
    },
    {
      name: '400 2fa_required',
      route: () => {
        throw errorMessageCodeErrors['2fa_required']();
      },
      status: 400,
      body: '{"error":"Bad Request","message":"TOTP code required","code":"2fa_required"}',
    },
    {
      name: '400 2fa_invalid',
      route: () => {
        throw errorMessageCodeErrors['2fa_invalid']();
      },
      status: 400,
      body: '{"error":"Bad Request","message":"TOTP code missing or incorrect","code":"2fa_invalid"}',
    },
    {
      name: '400 validation (invalid body), ajv errors as details',
      request: { upload: JSON.stringify({ totp: '12ab' }) },
      route: (request) => {
        if (!validateToken(request.body)) throw validateToken.errors;
        throw new Error('test bug: an invalid body passed validation');
      },
      status: 400,
      body: JSON.stringify({
        error: 'Bad Request',
        message: 'Request validation failed',
        code: 'BAD_REQUEST',
        details: [
          { field: '/name', in: 'body', code: 'required', message: 'is required', params: {} },
          { field: '/totp', in: 'body', code: 'pattern', message: 'must match pattern "^[0-9]{6}$"', params: { pattern: '^[0-9]{6}$' } },
        ],
      }),
    },
    {
      name: '500 server error (nothing of the thrown error leaks)',
      route: () => {
        throw new Error('SQLITE_CORRUPT: /var/lib/pinarkive/db.sqlite');
      },
      status: 500,
      body: '{"error":"Internal Server Error","message":"Internal Server Error","code":"INTERNAL_SERVER_ERROR"}',
    },
    {
      name: '503 dependency error',
      route: () => {
        throw errors.serviceUnavailable('IPFS node unreachable', { retryAfter: 5 });
      },
      status: 503,
      body: '{"error":"Service Unavailable","message":"Service Unavailable","code":"SERVICE_UNAVAILABLE"}',
      headers: { 'retry-after': '5' },
    },
  ],
};
