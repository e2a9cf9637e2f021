import { describe, expect, it } from 'vitest';
import { createFaultline, defineEnvelope, defineErrors, errors, type EnvelopeName, type FaultlineOptions } from '../../src/index.js';

const AppErrors = defineErrors({
  INSUFFICIENT_FUNDS: { status: 409, message: 'Unable to process request due to the lack of funds' },
  INVALID_API_KEY: { status: 401, message: 'Invalid or missing API key' },
  INVALID_TOKEN: { status: 401, message: 'Invalid authentication token', numericCode: 50014 },
});

function body(thrown: unknown, options: FaultlineOptions = {}, method = 'GET') {
  return createFaultline(options).handle(thrown, { method, path: '/x' });
}

type Row = [seed: string, envelope: EnvelopeName, thrown: () => unknown, exactBody: string, options?: FaultlineOptions];

// Each documented example body, byte for byte, from the seed page named in the first column.
const seedExamples: Row[] = [
  ['000 400', 'reason-details', () => errors.badRequest('Specific error message'), '{"error":{"reason":"BAD_REQUEST","details":"Specific error message"}}'],
  ['000 401', 'reason-details', () => errors.unauthorized('Access token is missing or invalid'), '{"error":{"reason":"UNAUTHORIZED","details":"Access token is missing or invalid"}}'],
  ['000 404', 'reason-details', () => errors.notFound('The specified resource was not found'), '{"error":{"reason":"NOT_FOUND","details":"The specified resource was not found"}}'],
  ['000 409', 'reason-details', () => AppErrors.INSUFFICIENT_FUNDS(), '{"error":{"reason":"INSUFFICIENT_FUNDS","details":"Unable to process request due to the lack of funds"}}'],
  ['000 500', 'reason-details', () => new Error('db password is hunter2'), '{"error":{"reason":"INTERNAL_SERVER_ERROR","details":"An unexpected error occurred"}}', { messages: { 500: 'An unexpected error occurred' } }],
  ['001 401', 'error-message-code', () => AppErrors.INVALID_API_KEY(), '{"error":"Unauthorized","message":"Invalid or missing API key","code":"INVALID_API_KEY"}'],
  ['002 401', 'numeric-code', () => AppErrors.INVALID_TOKEN(), '{"message":"Invalid authentication token","code":50014}'],
  ['003 401', 'status-object', () => errors.unauthorized('Invalid token.'), '{"status":{"code":401,"text":"Unauthorized","message":"Invalid token."}}'],
  ['RFC 9457', 'problem-details', () => errors.unauthorized('Invalid token.'), '{"type":"about:blank","title":"Unauthorized","status":401,"detail":"Invalid token."}'],
];

describe('render: the seeds\' documented bodies', () => {
  it.each(seedExamples)('seed %s in %s', (_seed, envelope, thrown, exact, options) => {
    const response = body(thrown(), { envelope, ...options });
    expect(response.body).toBe(exact);
  });
});

describe('render: headers', () => {
  it('content type, no-store, and a challenge on every 401', () => {
    expect(body(errors.unauthorized()).headers).toEqual({
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      'www-authenticate': 'Bearer',
      vary: 'Accept',
    });
    expect(body(errors.unauthorized(), { envelope: 'status-object', challenge: 'Basic realm="api"' }).headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'www-authenticate': 'Basic realm="api"',
    });
    expect(body(errors.unauthorized(), { challenge: false }).headers['www-authenticate']).toBeUndefined();
  });

  it('Retry-After on 429 and 503 as rounded-up delay-seconds, Allow on 405', () => {
    expect(body(errors.tooManyRequests(undefined, { retryAfter: 59.2 })).headers['retry-after']).toBe('60');
    expect(body(errors.serviceUnavailable(undefined, { retryAfter: 120 })).headers['retry-after']).toBe('120');
    expect(body(errors.methodNotAllowed(undefined, { allow: ['GET', 'HEAD'] })).headers['allow']).toBe('GET, HEAD');
  });

  it('a hidden 5xx keeps no header it brought but Retry-After', () => {
    const thrown = { status: 503, message: 'x', headers: { 'WWW-Authenticate': 'secret', 'Retry-After': '7' } };
    expect(body(thrown).headers).toEqual({
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      'retry-after': '7',
      vary: 'Accept',
    });
  });

  it('rate-limit refusal: Retry-After, RateLimit fields and each envelope\'s members', () => {
    const refusal = { msBeforeNext: 59_001, remainingPoints: 0, consumedPoints: 11 };
    const r = body(refusal, { envelope: 'reason-details' });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('60');
    expect(r.headers['ratelimit']).toBe('"default";r=0;t=60');
    expect(JSON.parse(r.body as string)).toEqual({ error: { reason: 'TOO_MANY_REQUESTS', details: 'Too Many Requests' }, retry_after: 60 });
    expect(JSON.parse(body(refusal, { envelope: 'error-message-code' }).body as string)).toMatchObject({ retryAfter: 60 });
    expect(JSON.parse(body(refusal, { envelope: 'numeric-code' }).body as string)).toEqual({ message: 'Too Many Requests', code: 0, retry_after: 60, global: false });
    expect(JSON.parse(body(refusal).body as string)).toEqual({
      type: 'https://iana.org/assignments/http-problem-types#quota-exceeded',
      title: 'Request cannot be satisfied as assigned quota has been exceeded',
      status: 429,
      detail: 'Too Many Requests',
      'violated-policies': ['default'],
    });
  });
});

describe('render: field issues in each envelope', () => {
  const issues = [
    { location: 'body', pointer: '/pins/0/cid', keyword: 'format', message: 'must match format "cid"' },
    { location: 'body', pointer: '/name', keyword: 'required', message: 'is required', params: { missingProperty: 'name' } },
  ] as const;
  const thrown = () => errors.badRequest('Invalid Form Body', { issues });

  it('numeric-code: the nested errors object with _errors arrays', () => {
    expect(JSON.parse(body(thrown(), { envelope: 'numeric-code' }).body as string)).toEqual({
      message: 'Invalid Form Body',
      code: 50035,
      errors: {
        pins: { 0: { cid: { _errors: [{ code: 'FORMAT', message: 'must match format "cid"' }] } } },
        name: { _errors: [{ code: 'REQUIRED', message: 'is required' }] },
      },
    });
  });

  it('problem-details: errors with detail and pointer (RFC 9457 §3), the keyword as code and its params, always', () => {
    expect(JSON.parse(body(thrown()).body as string)).toMatchObject({
      errors: [
        { detail: 'must match format "cid"', pointer: '#/pins/0/cid', code: 'format', params: {} },
        { detail: 'is required', pointer: '#/name', code: 'required', params: { missingProperty: 'name' } },
      ],
    });
  });

  it('reason-details: a readable details string (IPFS Failure stays valid)', () => {
    expect(JSON.parse(body(thrown(), { envelope: 'reason-details' }).body as string)).toEqual({
      error: { reason: 'BAD_REQUEST', details: 'Invalid Form Body: body/pins/0/cid must match format "cid"; body/name is required' },
    });
  });

  it('error-message-code: details list; status-object: errors list', () => {
    const item = { field: '/name', in: 'body', code: 'required', message: 'is required', params: { missingProperty: 'name' } };
    expect(JSON.parse(body(thrown(), { envelope: 'error-message-code' }).body as string).details).toContainEqual(item);
    expect(JSON.parse(body(thrown(), { envelope: 'status-object' }).body as string).errors).toContainEqual(item);
  });
});

describe('render: production hiding and debug', () => {
  const SECRET = 'postgres://admin:hunter2@db';
  const thrown = () =>
    Object.assign(new Error(SECRET), { code: 'ECONN_SECRET', extras: { dsn: SECRET }, cause: new Error(SECRET) });

  it.each<EnvelopeName>(['reason-details', 'error-message-code', 'status-object', 'numeric-code', 'problem-details'])(
    '%s: a 5xx leaves with its status code and a generic message',
    (envelope) => {
      const r = body(thrown(), { envelope });
      expect(r.status).toBe(500);
      expect(r.body).not.toContain('hunter2');
      expect(r.body).not.toContain('SECRET');
      expect(JSON.stringify(r.headers)).not.toContain('hunter2');
    },
  );

  it('an explicitly exposed 5xx shows its message', () => {
    expect(body(errors.serviceUnavailable('Down for maintenance', { expose: true })).body).toContain('Down for maintenance');
  });

  it('debug shows message, stack and cause', () => {
    const r = JSON.parse(body(errors.internalServerError(SECRET, { cause: new Error('root cause') }), { debug: true }).body as string);
    expect(r.detail).toBe(SECRET);
    expect(r.stack).toContain('HttpError');
    expect(r.cause).toMatchObject({ message: 'root cause' });
  });
});

function conflictWithExtras() {
  return errors.conflict('dup', { extras: { details: 'x', errors: 'y', required: 'pins:write' } });
}

describe('render: robustness', () => {
  it('HEAD gets headers and no body', () => {
    const r = body(errors.notFound(), {}, 'HEAD');
    expect(r.body).toBeNull();
    expect(r.headers['content-type']).toBe('application/problem+json');
  });

  it('a custom envelope that throws falls back to a plain 500', () => {
    const broken = defineEnvelope({ name: 'broken', body: () => { throw new Error('bug'); } });
    const r = body(errors.notFound(), { envelope: broken });
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body as string)).toMatchObject({ status: 500 });
  });

  it('a custom envelope returning BigInt falls back to a plain 500', () => {
    const r = body(errors.notFound(), { envelope: defineEnvelope({ name: 'big', body: () => ({ n: 1n }) }) });
    expect(r.status).toBe(500);
  });

  it('onError sees the fault, the thrown value and the request; its exceptions change nothing', () => {
    const seen: unknown[] = [];
    const thrown = errors.conflict('dup');
    const fl = createFaultline({
      onError(fault, value, request) {
        seen.push(fault.status, value, request.path);
        throw new Error('logger down');
      },
    });
    expect(fl.handle(thrown, { method: 'GET', path: '/pins' }).status).toBe(409);
    expect(seen).toEqual([409, thrown, '/pins']);
  });

  it('variants replace the envelope for a status or a code', () => {
    const flat = defineEnvelope({ name: 'flat', body: (f) => ({ error: f.code }) });
    const r = body(errors.payloadTooLarge(), { envelope: 'reason-details', variants: { 413: flat } });
    expect(r.body).toBe('{"error":"PAYLOAD_TOO_LARGE"}');
  });

  it('an extra never takes the name of an envelope member, even one that is absent', () => {
    const thrown = conflictWithExtras;
    expect(JSON.parse(body(thrown(), { envelope: 'error-message-code' }).body as string)).toEqual({
      error: 'Conflict',
      message: 'dup',
      code: 'CONFLICT',
      errors: 'y',
      required: 'pins:write',
    });
    expect(JSON.parse(body(thrown(), { envelope: 'status-object' }).body as string)).toEqual({
      status: { code: 409, text: 'Conflict', message: 'dup' },
      details: 'x',
      required: 'pins:write',
    });
  });

  it('rejects bad options at setup time', () => {
    expect(() => createFaultline({ envelope: 'nope' as EnvelopeName })).toThrow(/option "envelope" is "nope"/);
    expect(() => createFaultline({ validationStatus: 418 as 400 })).toThrow(/400 or 422/);
  });

  it('every catalog error status renders in every envelope with its phrase', async () => {
    const { STATUS_CATALOG } = await import('../../src/index.js');
    for (const key of Object.keys(STATUS_CATALOG)) {
      const status = Number(key);
      const r = body({ status, expose: true, message: 'm' }, { envelope: 'status-object' });
      if (status >= 400) {
        expect(r.status).toBe(status);
        expect(JSON.parse(r.body as string).status.text).toBe(STATUS_CATALOG[status as keyof typeof STATUS_CATALOG].phrase);
      } else {
        expect(r.status).toBe(500);
      }
    }
  });
});
