import Boom from '@hapi/boom';
import createError from 'http-errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVELOPES, errors, HttpError, map, type EnvelopeName } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import { REAL_ERRORS, UPSTREAM_SECRET } from '../scenarios/real-errors.js';
import type { RunningApp } from '../harness/harness.js';
import { rawRequest, type RawResponse } from './raw-request.js';

const SECRET = 'sk_live_PLANTED_7f3a9c';
const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];

class LedgerUnavailable extends Error {}

function withStack(error: Error): Error {
  error.stack = `Error: ledger write failed\n    at connect (/srv/app/db.js:12:7) password=${SECRET}`;
  return error;
}

/** A 5xx with the secret planted in one place each. None of it may leave unless exposed or in debug. */
const PLANTED: Record<string, () => unknown> = {
  'message of a plain Error': () => new Error(`connect failed: postgres://app:${SECRET}@db`),
  'message of an HttpError 500': () => errors.internalServerError(SECRET),
  'message of an http-errors 503': () => createError(503, SECRET),
  'message of a Boom 500': () => Boom.badImplementation(SECRET),
  'code': () => Object.assign(new Error('x'), { status: 500, code: SECRET.toUpperCase() }),
  'code of an HttpError': () => new HttpError(502, 'Bad Gateway', { code: SECRET.toUpperCase() }),
  'cause chain': () => new Error('outer', { cause: new Error('middle', { cause: { token: SECRET } }) }),
  'cause of an HttpError': () => new HttpError(500, 'x', { cause: new Error(SECRET) }),
  'stack': () => withStack(new Error('ledger write failed')),
  'stack of an HttpError': () => withStack(errors.internalServerError()),
  'extras': () => new HttpError(500, 'x', { extras: { apiKey: SECRET } }),
  'issues': () => new HttpError(500, 'x', { issues: [{ location: 'body', pointer: '/card', keyword: 'format', message: SECRET }] }),
  'own fields': () => Object.assign(new Error('x'), { status: 500, details: SECRET, data: { SECRET }, expose: false }),
  'Boom data': () => Boom.internal('x', { password: SECRET }),
  'headers': () => new HttpError(500, 'x', { headers: { 'WWW-Authenticate': `Bearer ${SECRET}`, Link: `<https://x/${SECRET}>`, 'X-Debug': SECRET } }),
  'headers of an http-errors 500': () => createError(500, 'x', { headers: { 'Retry-After': '5', Link: SECRET } }),
  'Nest-like 500 response': () => Object.assign(new Error(SECRET), { getStatus: () => 500, getResponse: () => ({ message: SECRET, code: 'SK_LIVE' }) }),
  'Hono-like 500 res headers': () => Object.assign(new Error(SECRET), { status: 500, res: { headers: new Headers({ 'WWW-Authenticate': SECRET }) }, getResponse: () => ({}) }),
  'domain error mapped to 503': () => new LedgerUnavailable(SECRET),
  'a thrown string': () => `token ${SECRET}`,
  'a thrown object': () => ({ message: SECRET, password: SECRET }),
};

/** The response as one string: body and every header, name and value, as they came off the wire. */
function everything(res: RawResponse): string {
  return `${res.rawHeaders.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${res.body}`;
}

const MODES = [
  ['production', {}],
  ['debug', { debug: true }],
] as const;

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: secrets never leave', (_framework, harness) => {
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const envelope of ENVELOPE_NAMES) {
      for (const [mode, options] of MODES) {
        apps.set(
          `${envelope}:${mode}`,
          await harness.start({ options: { envelope, ...options, map: [map(LedgerUnavailable, 503)] }, throwers: PLANTED }),
        );
      }
    }
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  describe.each(ENVELOPE_NAMES)('%s', (envelope) => {
    it.each(Object.keys(PLANTED))('production: the secret in the %s stays in the server', async (name) => {
      const app = apps.get(`${envelope}:production`) as RunningApp;
      for (const route of ['throw', 'async']) {
        const res = await rawRequest(`${app.url}/${route}/${encodeURIComponent(name)}`);
        expect(res.status).toBeGreaterThanOrEqual(500);
        const all = everything(res);
        expect(all).not.toContain(SECRET);
        expect(all.toLowerCase()).not.toContain('sk_live');
        expect(all).not.toContain('    at ');
      }
    });

    it('debug: the stack (with what it holds) appears', async () => {
      const app = apps.get(`${envelope}:debug`) as RunningApp;
      const res = await rawRequest(`${app.url}/throw/stack`);
      expect(res.status).toBe(500);
      const body = JSON.parse(res.body) as { stack?: string };
      expect(body.stack).toContain(`password=${SECRET}`);
      expect(body.stack).toMatch(/^Error: ledger write failed\n {4}at /);
    });

    it('debug: the message and the cause chain appear', async () => {
      const app = apps.get(`${envelope}:debug`) as RunningApp;
      expect((await rawRequest(`${app.url}/throw/${encodeURIComponent('message of an HttpError 500')}`)).body).toContain(SECRET);
      const res = await rawRequest(`${app.url}/throw/${encodeURIComponent('cause chain')}`);
      expect((JSON.parse(res.body) as { cause?: unknown }).cause).toMatchObject({ message: 'middle', cause: { token: SECRET } });
    });
  });
});

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: expose: true is the one way out', (_framework, harness) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await harness.start({
      options: { envelope: 'error-message-code' },
      throwers: {
        exposed: () => new HttpError(503, `Maintenance: ${SECRET}`, { expose: true, code: 'MAINTENANCE', extras: { until: SECRET } }),
        'exposed-plain': () => Object.assign(new Error(`quota ${SECRET}`), { status: 507, expose: true }),
      },
    });
  });
  afterAll(() => app.close());

  it('an exposed 5xx shows its message, code and extras (and no stack)', async () => {
    const res = await rawRequest(`${app.url}/throw/exposed`);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ error: 'Service Unavailable', message: `Maintenance: ${SECRET}`, code: 'MAINTENANCE', until: SECRET });
  });

  it('an exposed status-bearing 5xx shows its message', async () => {
    const res = await rawRequest(`${app.url}/async/exposed-plain`);
    expect(res.status).toBe(507);
    expect(JSON.parse(res.body)).toMatchObject({ message: `quota ${SECRET}` });
    expect(res.body).not.toContain('    at ');
  });
});

/** What real libraries throw, each carrying the planted secret in a request, a response or a stored value. */
const REAL_THROWERS: Record<string, () => unknown> = Object.fromEntries(Object.entries(REAL_ERRORS).map(([name, error]) => [name, () => error]));

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: what apps throw keeps its secrets', (_framework, harness) => {
  const apps = new Map<string, RunningApp>();
  beforeAll(async () => {
    for (const envelope of ENVELOPE_NAMES) apps.set(envelope, await harness.start({ options: { envelope }, throwers: REAL_THROWERS }));
  });
  afterAll(async () => {
    for (const app of apps.values()) await app.close();
  });

  it.each(ENVELOPE_NAMES)(
    '%s: no upstream URL, token, header, body or code, no stored value, constraint or table; no upstream challenge',
    async (envelope) => {
      const app = apps.get(envelope) as RunningApp;
      for (const name of Object.keys(REAL_THROWERS)) {
        for (const route of ['throw', 'async']) {
          const res = await rawRequest(`${app.url}/${route}/${name}`);
          const all = everything(res);
          expect(all, name).not.toContain(UPSTREAM_SECRET);
          expect(all.toLowerCase(), name).not.toContain('sk_live');
          for (const internal of ['UPSTREAM_CODE', 'realm="upstream"', 'x-upstream-secret', '127.0.0.1', 'users.email', 'email_1', 'ScenarioUser', 'ERR_BAD_REQUEST', 'E11000']) {
            expect(all, `${name}: ${internal}`).not.toContain(internal);
          }
          if (res.status >= 502 && res.status <= 504) expect(res.rawHeaders.some(([n]) => n === 'www-authenticate'), name).toBe(false);
        }
      }
    },
  );
});
