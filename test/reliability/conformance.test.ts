import createError from 'http-errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errors, HttpError, type FaultlineOptions } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { rawRequest, type RawResponse } from './raw-request.js';

/** One protocol requirement, the value thrown to exercise it, and what the wire must show. */
interface Row {
  readonly rfc: string;
  readonly requirement: string;
  readonly thrown: () => unknown;
  readonly method?: string;
  readonly options?: FaultlineOptions;
  readonly status: number;
  /** Header expectations: exact value, a pattern, or null for "absent". */
  readonly headers?: Readonly<Record<string, string | RegExp | null>>;
  readonly body: 'none' | 'json';
  readonly check?: (res: RawResponse) => void;
}

const inTwoMinutes = () => new Date(Date.now() + 120_000).toUTCString();

/** The conformance table of docs/guide/correct-http.md, row for row. */
export const CONFORMANCE: readonly Row[] = [
  {
    rfc: 'RFC 9110 §15.5.2',
    requirement: '401 carries WWW-Authenticate (a default Bearer challenge when the error brings none)',
    thrown: () => errors.unauthorized('Token expired'),
    status: 401,
    headers: { 'www-authenticate': 'Bearer' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.5.2',
    requirement: "401 keeps the error's own challenge",
    thrown: () => createError(401, 'no', { headers: { 'WWW-Authenticate': 'Basic realm="pins", charset="UTF-8"' } }),
    status: 401,
    headers: { 'www-authenticate': 'Basic realm="pins", charset="UTF-8"' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.5.2',
    requirement: '401 uses the configured challenge',
    thrown: () => errors.unauthorized(),
    options: { challenge: 'Bearer realm="api", error="invalid_token"' },
    status: 401,
    headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.5.6',
    requirement: '405 carries Allow with the methods given',
    thrown: () => errors.methodNotAllowed(undefined, { allow: ['GET', 'HEAD', 'OPTIONS'] }),
    method: 'DELETE',
    status: 405,
    headers: { allow: 'GET, HEAD, OPTIONS' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.5.14, §10.2.3',
    requirement: '413 carries Retry-After when the condition is temporary and the wait is known',
    thrown: () => errors.payloadTooLarge('Upload quota resets soon', { retryAfter: 30 }),
    method: 'POST',
    status: 413,
    headers: { 'retry-after': '30' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.5.14',
    requirement: '413 without a known wait has no Retry-After',
    thrown: () => errors.payloadTooLarge(),
    method: 'POST',
    status: 413,
    headers: { 'retry-after': null },
    body: 'json',
  },
  {
    rfc: 'RFC 6585 §4',
    requirement: '429 carries Retry-After (a rejected rate-limiter-flexible RateLimiterRes)',
    thrown: () => ({ msBeforeNext: 4200, remainingPoints: 0, consumedPoints: 6, isFirstInDuration: false }),
    status: 429,
    headers: { 'retry-after': '5', ratelimit: '"default";r=0;t=5' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.6.4',
    requirement: '503 carries Retry-After, even when the 5xx is hidden',
    thrown: () => createError(503, 'db pool exhausted', { headers: { 'Retry-After': '120' } }),
    status: 503,
    headers: { 'retry-after': '120' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §10.2.3',
    requirement: 'Retry-After is delay-seconds: fractional waits round up',
    thrown: () => errors.serviceUnavailable(undefined, { retryAfter: 0.2 }),
    status: 503,
    headers: { 'retry-after': '1' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §10.2.3',
    requirement: 'Retry-After is delay-seconds: an HTTP-date becomes the seconds until it',
    thrown: () => createError(503, 'x', { headers: { 'Retry-After': inTwoMinutes() } }),
    status: 503,
    headers: { 'retry-after': /^\d+$/ },
    body: 'json',
    check: (res) => {
      const seconds = Number(header(res, 'retry-after'));
      expect(seconds).toBeGreaterThanOrEqual(115);
      expect(seconds).toBeLessThanOrEqual(120);
    },
  },
  {
    rfc: 'RFC 9110 §10.2.3',
    requirement: 'Retry-After that is neither delay-seconds nor an HTTP-date is dropped',
    thrown: () => createError(429, 'x', { headers: { 'Retry-After': 'soon' } }),
    status: 429,
    headers: { 'retry-after': null },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.5.17',
    requirement: '416 carries the Content-Range it is given (unsatisfied-range)',
    thrown: () => errors.rangeNotSatisfiable(undefined, { headers: { 'Content-Range': 'bytes */47022' } }),
    status: 416,
    headers: { 'content-range': 'bytes */47022' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §15.5.22, §7.8',
    requirement: '426 carries Upgrade, and Connection: upgrade with it',
    thrown: () => errors.upgradeRequired('Use TLS', { headers: { Upgrade: 'TLS/1.3, HTTP/1.1' } }),
    status: 426,
    headers: { upgrade: 'TLS/1.3, HTTP/1.1', connection: /^upgrade$/i },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §9.3.2',
    requirement: 'HEAD gets the status and headers of GET, and no body',
    thrown: () => errors.tooManyRequests(undefined, { retryAfter: 9 }),
    method: 'HEAD',
    status: 429,
    headers: { 'retry-after': '9', 'content-type': 'application/problem+json' },
    body: 'none',
  },
  {
    rfc: 'RFC 9110 §15.3.5',
    requirement: 'a thrown 204 never leaves as a 204 with a body: only 4xx/5xx leave, it is a hidden 500',
    thrown: () => ({ status: 204, message: 'No Content', expose: true }),
    status: 500,
    body: 'json',
    check: (res) => expect(JSON.parse(res.body)).toMatchObject({ status: 500, detail: 'Internal Server Error' }),
  },
  {
    rfc: 'RFC 9110 §15.4.5',
    requirement: 'a thrown 304 never leaves as a 304 with a body: it is a hidden 500',
    thrown: () => new HttpError(304),
    status: 500,
    body: 'json',
  },
  {
    rfc: 'RFC 9457 §3',
    requirement: 'problem details are served as application/problem+json',
    thrown: () => errors.notFound(),
    status: 404,
    headers: { 'content-type': 'application/problem+json' },
    body: 'json',
    check: (res) => expect(JSON.parse(res.body)).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Not Found' }),
  },
  {
    rfc: 'RFC 9457 §3',
    requirement: 'the other envelopes are served as application/json; charset=utf-8',
    thrown: () => errors.notFound(),
    options: { envelope: 'numeric-code' },
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §8.6',
    requirement: 'Content-Length counts bytes, not characters',
    thrown: () => errors.conflict('Pin « déjà » épinglé 📌'),
    status: 409,
    body: 'json',
    check: (res) => {
      const length = header(res, 'content-length');
      if (length !== undefined) expect(Number(length)).toBe(Buffer.byteLength(res.body));
      else expect(header(res, 'transfer-encoding')).toBe('chunked');
    },
  },
  {
    rfc: 'RFC 9111 §5.2.2.5',
    requirement: 'errors are not stored by caches (Cache-Control: no-store)',
    thrown: () => errors.forbidden(),
    status: 403,
    headers: { 'cache-control': 'no-store' },
    body: 'json',
  },
];

function header(res: RawResponse, name: string): string | undefined {
  return res.rawHeaders.find(([n]) => n === name)?.[1];
}

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: protocol conformance', (_framework, harness) => {
  const apps = new Map<number, RunningApp>();
  beforeAll(async () => {
    for (const [index, row] of CONFORMANCE.entries()) {
      apps.set(index, await harness.start({ options: row.options ?? {}, throwers: { row: row.thrown } }));
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  it.each(CONFORMANCE.map((row, index) => [`${row.rfc}: ${row.requirement}`, index] as const))('%s', async (_title, index) => {
    const row = CONFORMANCE[index] as Row;
    const app = apps.get(index) as RunningApp;
    for (const route of ['throw', 'async']) {
      const res = await rawRequest(`${app.url}/${route}/row`, { method: row.method ?? 'GET' });
      expect(res.status).toBe(row.status);
      for (const [name, expected] of Object.entries(row.headers ?? {})) {
        const actual = header(res, name);
        if (expected === null) expect(actual, name).toBeUndefined();
        else if (typeof expected === 'string') expect(actual, name).toBe(expected);
        else expect(actual, name).toMatch(expected);
      }
      if (row.body === 'none') expect(res.body).toBe('');
      else expect(() => JSON.parse(res.body) as unknown).not.toThrow();
      row.check?.(res);
    }
  });
});
