import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errors, presets, x402PaymentRequired } from '../../src/index.js';
import { reasonDetailsErrors, type X402PaymentRequirements } from '../../src/presets/index.js';
import type { SeedExamples } from './example.js';
import { documentedBody, SEED } from './seed-page.js';

const seed = SEED.reasonDetails;
const JSON_TYPE = 'application/json; charset=utf-8';

/** What fills the page's `"accepts": [...]`: one x402 v1 PaymentRequirements. */
export const ACCEPTS: readonly X402PaymentRequirements[] = [
  {
    scheme: 'exact',
    network: 'base-sepolia',
    maxAmountRequired: '10000',
    resource: 'https://gateway.example/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
    description: 'Download of one pinned file',
    mimeType: 'application/octet-stream',
    payTo: '0x209693Bc6afc0C5328bA36FaF03C514EF312287C',
    maxTimeoutSeconds: 60,
    asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
    extra: { name: 'USDC', version: '2' },
  },
];

// A real limiter of one point a minute: the second consume is refused.
async function overLimit(): Promise<never> {
  const limiter = new RateLimiterMemory({ points: 1, duration: 60 });
  await limiter.consume('client');
  await limiter.consume('client');
  throw new Error('test bug: the limiter admitted a second request');
}

const x402 = (request: { header(name: string): string | undefined }) => {
  throw x402PaymentRequired(ACCEPTS, { payment: request.header('x-payment') });
};

export const seed000: SeedExamples = {
  seed,
  preset: presets.reasonDetails,
  examples: [
    {
      name: '400 BAD_REQUEST with its specific error message',
      route: () => {
        throw errors.badRequest('Specific error message');
      },
      status: 400,
      body: documentedBody(seed, '"BAD_REQUEST"'),
      headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    },
    {
      name: '400 BAD_REQUEST without a message: details is the reason phrase',
      route: () => {
        throw reasonDetailsErrors.BAD_REQUEST();
      },
      status: 400,
      body: '{"error":{"reason":"BAD_REQUEST","details":"Bad Request"}}',
    },
    {
      name: '400 BAD_REQUEST for invalid JSON (cause "Invalid JSON")',
      request: { upload: '{"cid": bafy' },
      route: () => {
        throw new Error('test bug: a malformed body reached the route');
      },
      status: 400,
      body: '{"error":{"reason":"BAD_REQUEST","details":"Request body is not valid JSON"}}',
      viaFramework: true,
    },
    {
      name: '401 UNAUTHORIZED',
      route: () => {
        throw errors.unauthorized();
      },
      status: 401,
      body: documentedBody(seed, '"UNAUTHORIZED"'),
      headers: { 'www-authenticate': 'Bearer', 'content-type': JSON_TYPE },
    },
    {
      name: '402 x402 Payment Required, no X-PAYMENT header (get payment requirements)',
      route: x402,
      status: 402,
      body: documentedBody(seed, '"x402Version"', { '[...]': ACCEPTS }),
      headers: { 'content-type': JSON_TYPE, 'www-authenticate': null },
    },
    {
      name: '402 x402 Payment Required, with an X-PAYMENT header (payment was rejected)',
      route: x402,
      request: { headers: { 'x-payment': 'eyJ4NDAyVmVyc2lvbiI6MX0=' } },
      status: 402,
      body: documentedBody(seed, '"x402Version"', { '[...]': ACCEPTS }),
    },
    {
      name: '402 x402 rejected payment with a reason',
      route: (request) => {
        throw x402PaymentRequired(ACCEPTS, { payment: request.header('x-payment'), reason: 'insufficient_funds' });
      },
      request: { headers: { 'x-payment': 'eyJ4NDAyVmVyc2lvbiI6MX0=' } },
      status: 402,
      body: JSON.stringify({ x402Version: 1, accepts: ACCEPTS, error: 'insufficient_funds' }),
    },
    {
      name: '403 FORBIDDEN (WebUI: no permission)',
      route: () => {
        throw errors.forbidden();
      },
      status: 403,
      body: '{"error":{"reason":"FORBIDDEN","details":"Forbidden"}}',
    },
    {
      name: '404 NOT_FOUND',
      route: () => {
        throw reasonDetailsErrors.NOT_FOUND();
      },
      status: 404,
      body: documentedBody(seed, '"NOT_FOUND"'),
    },
    {
      name: '404 NOT_FOUND without a message (errors.notFound())',
      route: () => {
        throw errors.notFound();
      },
      status: 404,
      body: documentedBody(seed, '"NOT_FOUND"'),
    },
    {
      name: '404 NOT_FOUND for an unmatched route',
      status: 404,
      body: '{"error":{"reason":"NOT_FOUND","details":"Cannot GET /pins/missing"}}',
      viaFramework: true,
    },
    {
      name: '409 INSUFFICIENT_FUNDS',
      route: () => {
        throw reasonDetailsErrors.INSUFFICIENT_FUNDS();
      },
      status: 409,
      body: documentedBody(seed, '"INSUFFICIENT_FUNDS"'),
    },
    {
      name: '413 PAYLOAD_TOO_LARGE (flat body)',
      route: () => {
        throw errors.payloadTooLarge();
      },
      status: 413,
      body: documentedBody(seed, '"PAYLOAD_TOO_LARGE"'),
      headers: { 'content-type': JSON_TYPE },
    },
    {
      name: '413 PAYLOAD_TOO_LARGE from the framework body parser',
      request: { upload: JSON.stringify({ cid: 'x'.repeat(2048) }) },
      route: () => {
        throw new Error('test bug: an oversized body reached the route');
      },
      status: 413,
      body: documentedBody(seed, '"PAYLOAD_TOO_LARGE"'),
      viaFramework: true,
    },
    {
      name: '429 RATE_LIMITED with retry_after (a rate-limiter-flexible refusal)',
      route: overLimit,
      status: 429,
      body: documentedBody(seed, '"RATE_LIMITED"'),
      headers: { 'retry-after': '60', ratelimit: '"default";r=0;t=60', 'content-type': JSON_TYPE },
    },
    {
      name: '429 RATE_LIMITED with retry_after (errors.tooManyRequests)',
      route: () => {
        throw errors.tooManyRequests(undefined, { retryAfter: 60 });
      },
      status: 429,
      body: documentedBody(seed, '"RATE_LIMITED"'),
      headers: { 'retry-after': '60' },
    },
    {
      name: '500 INTERNAL_SERVER_ERROR (nothing of the thrown error leaks)',
      route: () => {
        throw new Error('connect ECONNREFUSED 10.0.0.5:5432 user=pins password=hunter2');
      },
      status: 500,
      body: documentedBody(seed, '"INTERNAL_SERVER_ERROR"'),
      headers: { 'content-type': JSON_TYPE },
    },
    {
      name: '500 INTERNAL_ERROR (x402 gateway code, from the catalog)',
      route: () => {
        throw reasonDetailsErrors.INTERNAL_ERROR();
      },
      status: 500,
      body: '{"error":{"reason":"INTERNAL_ERROR","details":"An unexpected error occurred"}}',
    },
    {
      name: '500 INTERNAL_ERROR (x402 gateway: codes option over the preset)',
      options: { codes: { 500: 'INTERNAL_ERROR' } },
      route: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'payTo')");
      },
      status: 500,
      body: '{"error":{"reason":"INTERNAL_ERROR","details":"An unexpected error occurred"}}',
    },
    {
      name: '502 Bad Gateway (listed without a body)',
      route: () => {
        throw errors.badGateway('upstream 10.0.0.7 reset');
      },
      status: 502,
      body: '{"error":{"reason":"BAD_GATEWAY","details":"Bad Gateway"}}',
    },
    {
      name: '503 Service Unavailable (maintenance, wait and retry)',
      route: () => {
        throw errors.serviceUnavailable(undefined, { retryAfter: 120 });
      },
      status: 503,
      body: '{"error":{"reason":"SERVICE_UNAVAILABLE","details":"Service Unavailable"}}',
      headers: { 'retry-after': '120' },
    },
    {
      name: '504 Gateway Timeout',
      route: () => {
        throw errors.gatewayTimeout();
      },
      status: 504,
      body: '{"error":{"reason":"GATEWAY_TIMEOUT","details":"Gateway Timeout"}}',
    },
    {
      name: 'HEAD of a 409: status and headers, no body',
      request: { method: 'HEAD' },
      route: () => {
        throw reasonDetailsErrors.INSUFFICIENT_FUNDS();
      },
      status: 409,
      body: null,
      headers: { 'content-type': JSON_TYPE },
    },
  ],
};
