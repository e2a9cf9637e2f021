import createError from 'http-errors';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errors, HttpError, type FaultlineOptions } from '../../src/index.js';
import { HARNESSES, WITHOUT_ALLOWED_METHODS } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { abortedUpload } from '../support/aborted-upload.js';
import { rawHttp10Request, rawRequest, type RawResponse } from './raw-request.js';

/** One protocol requirement, the value thrown to exercise it, and what the wire must show. */
interface Row {
  readonly rfc: string;
  readonly requirement: string;
  readonly thrown: () => unknown;
  readonly method?: string;
  /** A harness path asked instead of `/throw/row` and `/async/row` (the row is about routing). */
  readonly path?: string;
  readonly requestHeaders?: Readonly<Record<string, string>>;
  /** The request is sent as HTTP/1.0 (otherwise 1.1). */
  readonly httpVersion?: '1.0';
  /** The client aborts its upload to `path` mid-body: nothing can be answered; `status` is what `onError` is told. */
  readonly abortUpload?: true;
  readonly options?: FaultlineOptions;
  readonly status: number;
  /** Header expectations: exact value, a pattern, or null for "absent". */
  readonly headers?: Readonly<Record<string, string | RegExp | null>>;
  readonly body: 'none' | 'json';
  /** Further checks of the response; `framework` is the harness's. */
  readonly check?: (res: RawResponse, framework: string) => void;
}

const inTwoMinutes = () => new Date(Date.now() + 120_000).toUTCString();

/** What `onError` was told, for the rows about requests nothing can be answered to. */
const TOLD: number[] = [];

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
    rfc: 'RFC 9110 §15.5.6',
    requirement: 'a path the routes serve, asked with another method, is a 405 with Allow listing their methods (HEAD with GET)',
    thrown: () => undefined,
    path: '/ok',
    method: 'DELETE',
    status: 405,
    headers: { allow: 'GET, HEAD' },
    body: 'json',
    check: (res) => expect(JSON.parse(res.body)).toMatchObject({ status: 405, detail: 'DELETE is not allowed on /ok' }),
  },
  {
    rfc: 'RFC 9110 §15.5.5',
    requirement: 'a path no route serves, for any method, stays a 404 without Allow',
    thrown: () => undefined,
    path: '/ok/deeper',
    method: 'DELETE',
    status: 404,
    headers: { allow: null },
    body: 'json',
  },
  {
    rfc: 'RFC 9110 §12.5.1, §15.5.7',
    requirement: 'Accept preferring application/json gets the same body as application/json, with Vary: Accept; never a 406',
    thrown: () => errors.notFound(),
    requestHeaders: { accept: 'application/problem+json;q=0.5, application/json' },
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8', vary: 'Accept' },
    body: 'json',
    check: (res) => expect(JSON.parse(res.body)).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Not Found' }),
  },
  {
    rfc: 'RFC 9110 §12.5.1, §15.5.7',
    requirement: 'Accept excluding every JSON type still gets the envelope type (an error is never a 406)',
    thrown: () => errors.conflict(),
    requestHeaders: { accept: 'text/html' },
    status: 409,
    headers: { 'content-type': 'application/problem+json', vary: 'Accept' },
    body: 'json',
  },
  {
    rfc: 'nginx 499 (no RFC: the client is gone)',
    requirement: 'a client that aborts its upload is told to onError as 499 Client Closed Request, and nothing is written to the closed connection',
    thrown: () => undefined,
    options: { onError: (fault) => void TOLD.push(fault.status) },
    path: '/json',
    method: 'POST',
    abortUpload: true,
    status: 499,
    body: 'none',
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
    rfc: 'RFC 9110 §8.6',
    requirement: "a Content-Length the route set for the body it did not send is replaced by the error's",
    thrown: () => errors.conflict('Pin « déjà » épinglé 📌'),
    path: '/stale/row',
    status: 409,
    body: 'json',
    check: (res, framework) => expectLength(res, framework),
  },
  {
    rfc: 'RFC 9112 §6.3',
    requirement: 'an HTTP/1.0 client is told where the body ends: its Content-Length, never chunked',
    thrown: () => errors.conflict('Pin « déjà » épinglé 📌'),
    httpVersion: '1.0',
    status: 409,
    body: 'json',
    check: (res, framework) => {
      expectLength(res, framework);
      expect(header(res, 'transfer-encoding')).toBeUndefined();
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

/**
 * h3 and Elysia on Node hand the runtime a Response it streams: no Content-Length (chunked over
 * HTTP/1.1, the connection closed after the body over 1.0). Every other adapter sends the body's.
 */
const STREAMED_RESPONSES: readonly string[] = ['h3', 'elysia', 'elysia (plugin only)'];

function expectLength(res: RawResponse, framework: string): void {
  const length = header(res, 'content-length');
  if (STREAMED_RESPONSES.includes(framework)) expect(length).toBeUndefined();
  else expect(Number(length)).toBe(Buffer.byteLength(res.body));
}

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

  // A 405 needs a router to read (WITHOUT_ALLOWED_METHODS have none read).
  const rows = CONFORMANCE.flatMap((row, index) => (row.status === 405 && WITHOUT_ALLOWED_METHODS.includes(harness.framework) ? [] : [[`${row.rfc}: ${row.requirement}`, index] as const]));
  it.each(rows)('%s', async (_title, index) => {
    const row = CONFORMANCE[index] as Row;
    const app = apps.get(index) as RunningApp;
    if (row.abortUpload === true) {
      TOLD.length = 0;
      expect(await abortedUpload(app.url, row.path ?? '/json', { method: row.method })).toBe('');
      await vi.waitFor(() => expect(TOLD).toEqual([row.status]), { timeout: 5000, interval: 20 });
      expect((await rawRequest(`${app.url}/ok`)).status).toBe(200);
      return;
    }
    for (const path of row.path === undefined ? ['/throw/row', '/async/row'] : [row.path]) {
      const init = { method: row.method ?? 'GET', ...(row.requestHeaders === undefined ? {} : { headers: { ...row.requestHeaders } }) };
      const res = row.httpVersion === '1.0' ? await rawHttp10Request(`${app.url}${path}`, init) : await rawRequest(`${app.url}${path}`, init);
      expect(res.status).toBe(row.status);
      for (const [name, expected] of Object.entries(row.headers ?? {})) {
        const actual = header(res, name);
        if (expected === null) expect(actual, name).toBeUndefined();
        else if (typeof expected === 'string') expect(actual, name).toBe(expected);
        else expect(actual, name).toMatch(expected);
      }
      if (row.body === 'none') expect(res.body).toBe('');
      else expect(() => JSON.parse(res.body) as unknown).not.toThrow();
      row.check?.(res, harness.framework);
    }
  });
});
