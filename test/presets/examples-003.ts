import { errors, HttpError, presets } from '../../src/index.js';
import { statusObjectErrors } from '../../src/presets/index.js';
import type { DocumentedExample, SeedExamples } from './example.js';
import { documentedBody, SEED, seedPage } from './seed-page.js';

const seed = SEED.statusObject;
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The page's status tables (`400 | Bad Request | … |`), 4xx and 5xx, with the preset's documented
 * rule for default messages: the description without its "Example messages include …" and
 * "See … for details." asides; a 401's is the example body's message.
 */
function listedErrorStatuses(): { status: number; text: string; message: string }[] {
  const rows = [...seedPage(seed).matchAll(/^(\d{3}) \| ([^|]+) \| (.+) \|$/gm)];
  return rows
    .filter((row) => Number(row[1]) >= 400)
    .map((row) => ({
      status: Number(row[1]),
      text: row[2] as string,
      message:
        Number(row[1]) === 401
          ? 'Invalid token.'
          : (row[3] as string).replace(/ Example messages include .*$/, '').replace(/ See .* for details\.$/, ''),
    }));
}

export function exampleMessages(status: number): string[] {
  const row = seedPage(seed).match(new RegExp(`^${status} \\|.*Example messages include (.*)\\. \\|$`, 'm'));
  return [...(row?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
}

const everyListedStatus: DocumentedExample[] = listedErrorStatuses().map(({ status, text, message }) => ({
  name: `${status} ${text} with the page's text and description`,
  route: () => {
    throw new HttpError(status);
  },
  status,
  body: JSON.stringify({ status: { code: status, text, message } }),
  headers: { 'content-type': JSON_TYPE, 'www-authenticate': status === 401 ? 'Bearer' : null },
}));

const forbidden = {
  'Account is disabled': statusObjectErrors.ACCOUNT_DISABLED,
  'Insufficient balance': statusObjectErrors.INSUFFICIENT_BALANCE,
  'Token is disabled': statusObjectErrors.TOKEN_DISABLED,
  'Insufficient permissions': statusObjectErrors.INSUFFICIENT_PERMISSIONS,
} as const;

const forbiddenExamples: DocumentedExample[] = exampleMessages(403).map((message) => {
  const factory = forbidden[message as keyof typeof forbidden];
  return {
    name: `403 "${message}"`,
    route: () => {
      if (factory === undefined) throw new Error(`test bug: no catalog entry for "${message}"`);
      throw factory();
    },
    status: 403,
    body: JSON.stringify({ status: { code: 403, text: 'Forbidden', message } }),
  };
});

export const seed003: SeedExamples = {
  seed,
  preset: presets.statusObject,
  examples: [
    {
      name: '401 Invalid token. (the example response)',
      route: () => {
        throw statusObjectErrors.INVALID_TOKEN();
      },
      status: 401,
      body: documentedBody(seed, '"Invalid token."'),
      headers: { 'www-authenticate': 'Bearer', 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
    },
    {
      name: '401 from errors.unauthorized() is the example response',
      route: () => {
        throw errors.unauthorized();
      },
      status: 401,
      body: documentedBody(seed, '"Invalid token."'),
    },
    ...forbiddenExamples,
    {
      name: '410 deprecated endpoint',
      route: () => {
        throw statusObjectErrors.ENDPOINT_DEPRECATED();
      },
      status: 410,
      body: '{"status":{"code":410,"text":"Gone","message":"The requested endpoint has been deprecated and is no longer available."}}',
    },
    ...everyListedStatus,
    {
      name: '429 with Retry-After (the status object has no member for it)',
      route: () => {
        throw errors.tooManyRequests(undefined, { retryAfter: 15 });
      },
      status: 429,
      body: '{"status":{"code":429,"text":"Too Many Requests","message":"The request limit has been exceeded. Try again later."}}',
      headers: { 'retry-after': '15' },
    },
    {
      name: '500 from a thrown Error (nothing of it leaks)',
      route: () => {
        throw new Error('balance service: token sk_live_abc');
      },
      status: 500,
      body: '{"status":{"code":500,"text":"Internal Server Error","message":"There is an error on the server. Contact support if this keeps happening."}}',
    },
    {
      name: '404 for an unmatched route',
      status: 404,
      body: '{"status":{"code":404,"text":"Not Found","message":"Cannot GET /pins/missing"}}',
      viaFramework: true,
    },
  ],
};
