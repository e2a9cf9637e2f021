import { describe, expect, it } from 'vitest';
import { ClientError, createFaultline, errors, isClientError, map, parseErrorResponse, type ClientError as ClientErrorType } from '../../src/index.js';
import { MAX_CLIENT_ISSUES, parseErrorBody, type FetchResponseLike } from '../../src/client/index.js';

const json = (value: unknown) => JSON.stringify(value);

// [what, status, headers, body, expected]
const SHAPES: readonly [string, number, Record<string, string> | Headers, unknown, Partial<ClientErrorType>][] = [
  // Input forms.
  ['headers as a fetch Headers', 429, new Headers({ 'Retry-After': '5' }), '', { retryAfter: 5, envelope: 'none' }],
  ['headers as a record, any case', 429, { 'RETRY-after': '5' }, null, { retryAfter: 5 }],
  ['body as bytes', 404, {}, new TextEncoder().encode(json({ error: { reason: 'GONE_FISHING', details: 'd' } })), { code: 'GONE_FISHING', message: 'd' }],
  ['body as an ArrayBuffer', 404, {}, new TextEncoder().encode(json({ error: 'NOPE' })).buffer, { code: 'NOPE', envelope: 'reason-details/flat-code' }],
  ['body already parsed', 401, {}, { status: { code: 401, text: 'Unauthorized', message: 'Invalid token.' } }, { envelope: 'status-object', message: 'Invalid token.' }],
  ['body whitespace only', 500, {}, '  \n', { envelope: 'none', body: null, message: 'Internal Server Error' }],
  // JSON that is not an object.
  ['a JSON array', 400, {}, '[1,2]', { envelope: 'unknown', code: 'BAD_REQUEST', message: 'Bad Request', body: [1, 2] }],
  ['a JSON string', 400, {}, '"oops"', { envelope: 'unknown', message: 'Bad Request', body: 'oops' }],
  ['plain text', 503, { 'content-type': 'text/plain' }, 'upstream connect error', { envelope: 'none', message: 'Service Unavailable', body: 'upstream connect error' }],
  // Other APIs' shapes, read leniently.
  ['{message, code} with a string code', 409, {}, json({ message: 'Taken', code: 'E_TAKEN' }), { envelope: 'unknown', code: 'E_TAKEN', message: 'Taken' }],
  ['{error: {code, message}}', 403, {}, json({ error: { code: 'PERMISSION_DENIED', message: 'No' } }), { envelope: 'unknown', code: 'PERMISSION_DENIED', message: 'No' }],
  ['OAuth 2 (RFC 6749 §5.2)', 400, {}, json({ error: 'invalid_grant', error_description: 'Code expired' }), { envelope: 'reason-details/flat-code', code: 'invalid_grant', message: 'Code expired' }],
  ['{error: prose}', 500, {}, json({ error: 'Something went wrong' }), { envelope: 'unknown', code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong' }],
  ['problem details without the media type', 404, {}, json({ type: 'about:blank', title: 'Not Found' }), { envelope: 'problem-details', message: 'Not Found' }],
  ['problem details declared, no members', 410, { 'content-type': 'application/problem+json' }, '{}', { envelope: 'problem-details', message: 'Gone', code: 'GONE' }],
  // Extras that look like another envelope's members do not change the detection.
  [
    'error-message-code with x402 extras',
    402,
    {},
    json({ error: 'Payment Required', message: 'Pay first', code: 'PAY', x402Version: 1, accepts: [] }),
    { envelope: 'error-message-code', code: 'PAY', extras: { x402Version: 1, accepts: [] } },
  ],
  [
    'numeric-code with x402 extras',
    402,
    {},
    json({ message: 'Pay first', code: 7, x402Version: 1, accepts: [] }),
    { envelope: 'numeric-code', numericCode: 7, extras: { x402Version: 1, accepts: [] } },
  ],
  [
    'problem details (no media type) with x402 extras',
    402,
    {},
    json({ type: 'about:blank', title: 'Payment Required', status: 402, detail: 'Pay first', x402Version: 1, accepts: [] }),
    { envelope: 'problem-details', message: 'Pay first', extras: { x402Version: 1, accepts: [] } },
  ],
  [
    'Spring Boot’s default error body: error-message-code without a code',
    400,
    {},
    json({ timestamp: '2024-01-01T00:00:00Z', status: 400, error: 'Bad Request', message: 'Invalid id', path: '/pins/x' }),
    { envelope: 'error-message-code', code: 'BAD_REQUEST', message: 'Invalid id', extras: { timestamp: '2024-01-01T00:00:00Z', status: 400, path: '/pins/x' } },
  ],
  [
    'x402 members on a 413: the flat body with extras (x402 is a 402 protocol)',
    413,
    {},
    json({ error: 'PAYLOAD_TOO_LARGE', x402Version: 1, accepts: [] }),
    { envelope: 'reason-details/flat-code', code: 'PAYLOAD_TOO_LARGE', extras: { x402Version: 1, accepts: [] } },
  ],
  // Issue lists from other servers: bare field names become pointers.
  [
    'bare field names',
    422,
    {},
    json({ error: 'Unprocessable Entity', message: 'm', code: 'V', details: [{ field: 'email', message: 'bad' }, { field: 'a/b', message: 'x' }, 'junk', { field: 'f' }] }),
    { issues: [{ pointer: '/email', message: 'bad' }, { pointer: '/a~1b', message: 'x' }] },
  ],
  [
    'problem pointers: percent-decoded, malformed escapes kept',
    400,
    { 'content-type': 'application/problem+json' },
    json({ status: 400, errors: [{ detail: 'a', pointer: '#/%E6%97%A5/~0' }, { detail: 'b', pointer: '#/x%20y/%E0%A4%A' }, { detail: 'c', pointer: '/plain', in: 'query' }] }),
    {
      issues: [
        { pointer: '/日/~0', message: 'a', location: 'body' },
        { pointer: '/x y/%E0%A4%A', message: 'b', location: 'body' },
        { pointer: '/plain', message: 'c', location: 'query' },
      ],
    },
  ],
  // Retry-After.
  ['Retry-After with spaces', 503, { 'retry-after': ' 120 ' }, '', { retryAfter: 120 }],
  ['Retry-After unreadable: the body’s wait', 429, { 'retry-after': 'soon' }, json({ error: 'RATE_LIMITED', retry_after: 3 }), { retryAfter: 3 }],
  ['a negative body wait is no wait', 429, {}, json({ error: 'RATE_LIMITED', retry_after: -3 }), { retryAfter: undefined }],
  ['a wait as a string of digits', 429, {}, json({ error: 'RATE_LIMITED', retry_after: '12' }), { retryAfter: 12 }],
  ['an HTTP-date in the past: 0', 503, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT', date: 'Wed, 21 Oct 2015 07:30:00 GMT' }, '', { retryAfter: 0 }],
  // 202 (numeric-code's "not ready"): its phrase as the code.
  ['202 not ready', 202, {}, json({ message: 'The resource is not ready yet', code: 0, retry_after: 2 }), { code: 'ACCEPTED', numericCode: 0, retryAfter: 2 }],
];

describe('parseErrorBody: inputs and shapes', () => {
  it.each(SHAPES)('%s', (_what, status, headers, body, expected) => {
    const parsed = parseErrorBody({ status, headers, body: body as string });
    expect(parsed.status).toBe(status);
    expect(parsed).toMatchObject(expected);
  });

  it('an HTTP-date without a Date header is measured from now (the `now` option)', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    const parsed = parseErrorBody({ status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT' } }, { now });
    expect(parsed.retryAfter).toBe(30);
  });

  it('repeated header fields in a Node record are joined, the first wait wins if it parses alone', () => {
    const parsed = parseErrorBody({ status: 429, headers: { 'retry-after': ['5'], 'content-type': ['application/problem+json'] }, body: '{}' });
    expect(parsed).toMatchObject({ retryAfter: 5, envelope: 'problem-details' });
  });
});

describe('parseErrorBody: hostile and broken bodies', () => {
  it('__proto__ members neither pollute nor become the extras’ prototype', () => {
    const parsed = parseErrorBody({ status: 400, body: '{"error":{"reason":"X","details":"d"},"__proto__":{"polluted":true},"ok":1}' });
    expect(parsed.extras).toEqual({ ok: 1 });
    expect(Object.getPrototypeOf(parsed.extras)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('deeply nested numeric-code errors: bounded, no stack overflow', () => {
    const depth = 3000;
    const body = `{"message":"m","code":1,"errors":${'{"a":'.repeat(depth)}{"_errors":[{"code":"X","message":"deep"}]}${'}'.repeat(depth)}}`;
    const parsed = parseErrorBody({ status: 400, body });
    expect(parsed.envelope).toBe('numeric-code');
    expect(parsed.issues).toEqual([]);
  });

  it('a huge issue list is capped', () => {
    const details = Array.from({ length: MAX_CLIENT_ISSUES + 500 }, (_, i) => ({ field: `/f${i}`, message: 'bad' }));
    const parsed = parseErrorBody({ status: 400, body: json({ error: 'Bad Request', message: 'm', details }) });
    expect(parsed.issues).toHaveLength(MAX_CLIENT_ISSUES);
    expect(parsed.issues[0]).toEqual({ pointer: '/f0', message: 'bad' });
  });

  it('a lone surrogate in a problem-details pointer comes back as U+FFFD (the server encodes it so: UTF-8 has no lone surrogates)', () => {
    const response = createFaultline().handle(errors.badRequest('m', { issues: [{ location: 'body', pointer: '/a\uD800', keyword: 'type', message: 'x' }] }), {
      method: 'GET',
      path: '/r',
    });
    expect(parseErrorBody(response).issues).toEqual([{ pointer: '/a\uFFFD', message: 'x', keyword: 'type', location: 'body' }]);
    // The other envelopes carry it in JSON, which escapes it: exact.
    const listed = createFaultline({ envelope: 'error-message-code' }).handle(
      errors.badRequest('m', { issues: [{ location: 'body', pointer: '/a\uD800', keyword: 'type', message: 'x' }] }),
      { method: 'GET', path: '/r' },
    );
    expect(parseErrorBody(listed).issues[0]?.pointer).toBe('/a\uD800');
  });

  it('members of the wrong type are ignored, not trusted', () => {
    const parsed = parseErrorBody({
      status: 400,
      body: json({ error: 'Bad Request', message: 'm', code: 42, details: { field: '/x' }, retryAfter: 'later' }),
    });
    expect(parsed).toMatchObject({ envelope: 'error-message-code', code: 'BAD_REQUEST', issues: [], retryAfter: undefined });
  });
});

describe('ClientError', () => {
  const parsed = parseErrorBody({ status: 404, body: json({ error: { reason: 'PIN_NOT_FOUND', details: 'No such pin' } }) });

  it('is an Error named ClientError, its message the body’s', () => {
    expect(parsed).toBeInstanceOf(Error);
    expect(parsed).toBeInstanceOf(ClientError);
    expect(parsed.name).toBe('ClientError');
    expect(parsed.message).toBe('No such pin');
    expect(String(parsed)).toBe('ClientError: No such pin');
  });

  it('is recognised across package copies by its brand, not instanceof', () => {
    expect(isClientError(parsed)).toBe(true);
    const otherCopy = Object.assign(Object.create({ [Symbol.for('faultline.client-error')]: true }) as object, { status: 404 });
    expect(isClientError(otherCopy)).toBe(true);
    expect(isClientError(errors.notFound())).toBe(false);
    expect(isClientError({ status: 404 })).toBe(false);
    expect(isClientError(null)).toBe(false);
  });

  it('thrown inside a faultline server: the upstream 4xx passes through, unless mapped', () => {
    expect(createFaultline().normalize(parsed)).toMatchObject({ status: 404, code: 'PIN_NOT_FOUND', message: 'No such pin' });
    const mapped = createFaultline({ map: [map(isClientError, 502)] }).normalize(parsed);
    expect(mapped.status).toBe(502);
  });
});

/** A fetch `Response` stand-in whose body read does what the test needs. */
const fake = (text: () => Promise<string>, bodyUsed = false): FetchResponseLike => ({
  status: 503,
  headers: new Headers({ 'retry-after': '4', 'content-type': 'application/json' }),
  bodyUsed,
  text,
});

describe('parseErrorResponse', () => {

  it('reads the body once', async () => {
    let reads = 0;
    const parsed = await parseErrorResponse(
      fake(async () => {
        reads++;
        return json({ message: 'Down', code: 0 });
      }),
    );
    expect(reads).toBe(1);
    expect(parsed).toMatchObject({ status: 503, envelope: 'numeric-code', message: 'Down', retryAfter: 4 });
  });

  it('a body that fails mid-read: what the status and headers say', async () => {
    const parsed = await parseErrorResponse(fake(() => Promise.reject(new TypeError('terminated'))));
    expect(parsed).toMatchObject({ status: 503, envelope: 'none', message: 'Service Unavailable', retryAfter: 4 });
  });

  it('an abort still rejects: the caller asked to stop', async () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    await expect(parseErrorResponse(fake(() => Promise.reject(abort)))).rejects.toBe(abort);
  });

  it('an already-read response input: no second read', async () => {
    const parsed = await parseErrorResponse(fake(() => Promise.reject(new Error('read twice')), true));
    expect(parsed).toMatchObject({ status: 503, envelope: 'none', body: null });
  });

  it('takes an already-read { status, headers, body } as well', async () => {
    const response = createFaultline({ envelope: 'error-message-code' }).handle(errors.conflict('Duplicate token name'), { method: 'POST', path: '/tokens' });
    await expect(parseErrorResponse(response)).resolves.toMatchObject({ status: 409, code: 'CONFLICT', message: 'Duplicate token name', title: 'Conflict' });
  });
});
