import { describe, expect, it } from 'vitest';
import { createFaultline, HttpError, type ClientError, type FaultlineOptions, type Preset } from '../../src/index.js';
import { parseErrorBody, type DetectedEnvelope } from '../../src/client/index.js';
import { SEED_EXAMPLES } from '../presets/all-examples.js';
import { exampleTitle } from '../presets/example.js';
import { ACCEPTS } from '../presets/examples-000.js';
import { documentedBody, SEED } from '../presets/seed-page.js';

// The example bodies as the seed pages print them (read from the pages themselves), and what a
// client must make of each.
const DOCUMENTED: readonly {
  readonly name: string;
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
  readonly expected: Partial<ClientError>;
}[] = [
  {
    name: '000 400 BAD_REQUEST',
    status: 400,
    body: documentedBody(SEED.reasonDetails, '"BAD_REQUEST"'),
    expected: { envelope: 'reason-details', code: 'BAD_REQUEST', message: 'Specific error message', title: 'Bad Request', issues: [] },
  },
  {
    name: '000 401 UNAUTHORIZED',
    status: 401,
    body: documentedBody(SEED.reasonDetails, '"UNAUTHORIZED"'),
    expected: { envelope: 'reason-details', code: 'UNAUTHORIZED', message: 'Access token is missing or invalid' },
  },
  {
    name: '000 402 x402 (accepts filled in)',
    status: 402,
    body: documentedBody(SEED.reasonDetails, '"x402Version"', { '[...]': ACCEPTS }),
    expected: {
      envelope: 'reason-details/x402',
      code: 'PAYMENT_REQUIRED',
      message: 'Payment Required',
      extras: { x402Version: 1, accepts: JSON.parse(JSON.stringify(ACCEPTS)) },
    },
  },
  {
    name: '000 404 NOT_FOUND',
    status: 404,
    body: documentedBody(SEED.reasonDetails, '"NOT_FOUND"'),
    expected: { envelope: 'reason-details', code: 'NOT_FOUND', message: 'The specified resource was not found' },
  },
  {
    name: '000 409 INSUFFICIENT_FUNDS',
    status: 409,
    body: documentedBody(SEED.reasonDetails, '"INSUFFICIENT_FUNDS"'),
    expected: { envelope: 'reason-details', code: 'INSUFFICIENT_FUNDS', message: 'Unable to process request due to the lack of funds' },
  },
  {
    name: '000 413 flat PAYLOAD_TOO_LARGE',
    status: 413,
    body: documentedBody(SEED.reasonDetails, '"PAYLOAD_TOO_LARGE"'),
    expected: { envelope: 'reason-details/flat-code', code: 'PAYLOAD_TOO_LARGE', message: 'Payload Too Large', extras: {} },
  },
  {
    name: '000 429 flat RATE_LIMITED, retry_after in the body only',
    status: 429,
    body: documentedBody(SEED.reasonDetails, '"RATE_LIMITED"'),
    expected: { envelope: 'reason-details/flat-rate-limit', code: 'RATE_LIMITED', retryAfter: 60, extras: {} },
  },
  {
    name: '000 500 INTERNAL_SERVER_ERROR',
    status: 500,
    body: documentedBody(SEED.reasonDetails, '"INTERNAL_SERVER_ERROR"'),
    expected: { envelope: 'reason-details', code: 'INTERNAL_SERVER_ERROR', message: 'An unexpected error occurred' },
  },
  {
    name: '001 401 INVALID_API_KEY',
    status: 401,
    body: documentedBody(SEED.errorMessageCode, '"INVALID_API_KEY"'),
    expected: { envelope: 'error-message-code', code: 'INVALID_API_KEY', message: 'Invalid or missing API key', title: 'Unauthorized' },
  },
  {
    // The page's own client code reads `err.required` and `res.headers.get('Retry-After') || err.retryAfter`.
    name: '001 403 missing_scope: required is an extra',
    status: 403,
    body: '{"error":"Forbidden","message":"Token does not have the required scope","code":"missing_scope","required":"files:write"}',
    expected: { envelope: 'error-message-code', code: 'missing_scope', extras: { required: 'files:write' } },
  },
  {
    name: '001 429 RATE_LIMIT: Retry-After wins over the body',
    status: 429,
    headers: { 'Retry-After': '30' },
    body: '{"error":"Too Many Requests","message":"Too many requests","code":"RATE_LIMIT","retryAfter":45}',
    expected: { envelope: 'error-message-code', code: 'RATE_LIMIT', retryAfter: 30, extras: {} },
  },
  {
    name: '002 401 code 50014',
    status: 401,
    body: documentedBody(SEED.numericCode, '50014'),
    expected: { envelope: 'numeric-code', code: 'UNAUTHORIZED', numericCode: 50014, message: 'Invalid authentication token' },
  },
  {
    name: '003 401 Invalid token.',
    status: 401,
    body: documentedBody(SEED.statusObject, '"Invalid token."'),
    expected: { envelope: 'status-object', code: 'UNAUTHORIZED', message: 'Invalid token.', title: 'Unauthorized', issues: [] },
  },
];

describe('the seed pages’ documented bodies', () => {
  it.each(DOCUMENTED.map((d) => [d.name, d] as const))('%s', (_name, documented) => {
    const parsed = parseErrorBody({ status: documented.status, headers: documented.headers ?? {}, body: documented.body });
    expect(parsed).toBeInstanceOf(Error);
    expect(parsed.status).toBe(documented.status);
    expect(parsed).toMatchObject(documented.expected);
  });

  it('002 form errors: the nested errors object becomes pointers', () => {
    const body = {
      message: 'Invalid Form Body',
      code: 50035,
      errors: {
        name: { _errors: [{ code: 'REQUIRED', message: 'is required' }] },
        permission_overwrites: {
          0: { id: { _errors: [{ code: 'TYPE', message: 'must be string' }] } },
          1: { id: { _errors: [{ code: 'REQUIRED', message: 'is required' }] } },
        },
      },
    };
    const parsed = parseErrorBody({ status: 400, body: JSON.stringify(body) });
    expect(parsed).toMatchObject({ envelope: 'numeric-code', numericCode: 50035, code: 'BAD_REQUEST', message: 'Invalid Form Body' });
    expect(parsed.issues).toEqual([
      { pointer: '/name', message: 'is required', keyword: 'REQUIRED' },
      { pointer: '/permission_overwrites/0/id', message: 'must be string', keyword: 'TYPE' },
      { pointer: '/permission_overwrites/1/id', message: 'is required', keyword: 'REQUIRED' },
    ]);
  });
});

/** The envelope a preset (with an example's own options) renders a status in, as the client names it. */
function expectedEnvelope(preset: Preset, options: FaultlineOptions | undefined, status: number, body: string): DetectedEnvelope {
  const merged = { ...preset, ...options };
  const chosen = merged.variants?.[String(status)] ?? merged.envelope ?? 'problem-details';
  const name = typeof chosen === 'string' ? chosen : chosen.name;
  if (name === 'numeric-code/form') return 'numeric-code';
  // The flat 429 without a known wait is the flat code body.
  if (name === 'reason-details/flat-rate-limit' && !body.includes('"retry_after"')) return 'reason-details/flat-code';
  return name as DetectedEnvelope;
}

/**
 * Every example body of every preset (the ones the HTTP suites pin byte for byte): detected as the
 * envelope the preset chose, and read completely enough that the same preset renders the parsed
 * error back into the very same body. A reader that lost or mangled anything the body shows
 * (a code, a message, an issue's pointer, a wait, an extra member) fails here.
 */
describe('every preset example body reads back into itself', () => {
  for (const { seed, preset, examples } of SEED_EXAMPLES) {
    const withBody = examples.filter((example) => example.body !== null);
    it.each(withBody.map((example) => [exampleTitle(seed, example), example] as const))('%s', (_title, example) => {
      const body = example.body as string;
      const headers = Object.fromEntries(Object.entries(example.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== null));
      const parsed = parseErrorBody({ status: example.status, headers, body });
      expect(parsed.status).toBe(example.status);
      expect(parsed.envelope).toBe(expectedEnvelope(preset, example.options, example.status, body));
      if (example.status < 400) {
        // numeric-code's 202 "not ready" (notReady): not an error, but its wait is read all the same:
        // `Retry-After` (whole seconds, rounded up) when there is one, else the body's exact value.
        const wait = (JSON.parse(body) as { retry_after: number }).retry_after;
        expect(parsed.retryAfter).toBe(headers['retry-after'] === undefined ? wait : Number(headers['retry-after']));
        expect(parseErrorBody({ status: example.status, body }).retryAfter).toBe(wait);
        return;
      }
      const again = new HttpError(example.status, parsed.message, {
        code: parsed.code,
        expose: true,
        ...(parsed.numericCode !== undefined ? { numericCode: parsed.numericCode } : {}),
        ...(parsed.retryAfter !== undefined ? { retryAfter: parsed.retryAfter } : {}),
        ...(parsed.issues.length > 0
          ? {
              issues: parsed.issues.map((i) => ({
                pointer: i.pointer,
                message: i.message,
                keyword: i.keyword ?? '',
                location: (i.location ?? 'body') as 'body',
                ...(i.params !== undefined ? { params: i.params } : {}),
              })),
            }
          : {}),
        extras: { ...parsed.extras },
      });
      const rendered = createFaultline({ preset, ...example.options }).handle(again, { method: 'GET', path: '/r' });
      expect(rendered.status).toBe(example.status);
      expect(rendered.body).toBe(body);
    });
  }
});
