import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultline, ENVELOPES, type EnvelopeName } from '../../src/index.js';
import { SECRET, THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';
import { request } from '../support/http.js';
import type { Harness, RunningApp } from './harness.js';

/** The headers whose values must match the core's exactly on every framework. */
export const HEADERS_THAT_MATTER = [
  'content-type',
  'cache-control',
  'www-authenticate',
  'allow',
  'retry-after',
  'ratelimit',
  'ratelimit-policy',
  'access-control-allow-origin',
  'vary',
  'set-cookie',
  'etag',
  'content-disposition',
  'content-language',
] as const;

export function pickHeaders(headers: Headers): Record<string, string | null> {
  return Object.fromEntries(HEADERS_THAT_MATTER.map((name) => [name, headers.get(name)]));
}

const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];

/**
 * The behaviour every adapter must have, run over real HTTP on 127.0.0.1: for each envelope, each
 * scenario's status, body (byte for byte what the core renders) and headers, plus the framework
 * edges (HEAD, unmatched routes, body parsing, CORS, headers already sent).
 */
export function describeAdapterContract(harness: Harness): void {
  describe.each(ENVELOPE_NAMES)(`${harness.framework}: %s`, (envelope) => {
    let app: RunningApp;
    const core = createFaultline({ envelope });
    beforeAll(async () => {
      app = await harness.start({ options: { envelope }, throwers: THROWERS });
    });
    afterAll(() => app.close());

    it.each(THROW_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
      const expected = core.handle(scenario.thrown(), { method: 'GET', path: `/throw/${scenario.name}` });
      for (const route of ['throw', 'async'] as const) {
        const res = await request(`${app.url}/${route}/${scenario.name}`);
        const difference = harness.differences?.find((d) => d.scenario === scenario.name && d.route === route);
        if (difference !== undefined) {
          expect(res.status).toBe(difference.status);
          expect(res.json).toBeTypeOf('object');
          continue;
        }
        expect(res.status).toBe(scenario.status);
        expect(res.text).toBe(expected.body);
        for (const name of ['content-type', 'cache-control', 'www-authenticate', 'allow', 'retry-after', 'ratelimit']) {
          expect(res.headers.get(name), name).toBe(expected.headers[name] ?? null);
        }
        for (const [name, value] of Object.entries(scenario.headers ?? {})) {
          expect(res.headers.get(name), name).toBe(value);
        }
        if (scenario.secret) {
          expect(res.text).not.toContain('SECRET');
          expect(JSON.stringify([...res.headers])).not.toContain('SECRET');
        }
      }
    });

    it('still serves after every scenario', async () => {
      expect((await request(`${app.url}/ok`)).status).toBe(200);
    });
  });

  describe(`${harness.framework}: framework edges`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await harness.start({ options: { envelope: 'status-object' }, throwers: THROWERS });
    });
    afterAll(() => app.close());

    it('an unmatched route is a 404 in the envelope', async () => {
      const res = await request(`${app.url}/nope/deeper?q=1`);
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"status":{"code":404,"text":"Not Found","message":"Cannot GET /nope/deeper"}}');
    });

    it('HEAD gets the status and headers, no body', async () => {
      const res = await request(`${app.url}/throw/faultline-404`, { method: 'HEAD' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.text).toBe('');
    });

    it('malformed JSON is a 400 in the envelope, without echoing the body', async () => {
      const res = await request(`${app.url}/json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": "x", SECRET',
      });
      expect(res.status).toBe(400);
      expect(res.text).toBe('{"status":{"code":400,"text":"Bad Request","message":"Request body is not valid JSON"}}');
    });

    it('an oversized body is a 413 in the envelope', async () => {
      const res = await request(`${app.url}/json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ blob: 'x'.repeat(4096) }),
      });
      expect(res.status).toBe(413);
      expect(res.text).toBe('{"status":{"code":413,"text":"Payload Too Large","message":"Request body is too large"}}');
    });

    it('CORS and Vary headers set before the error survive', async () => {
      const res = await request(`${app.url}/cors/faultline-404`);
      expect(res.status).toBe(404);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('vary')).toBe('Origin');
    });

    it('headers of a representation never sent are removed', async () => {
      const res = await request(`${app.url}/stale/faultline-404`);
      expect(res.status).toBe(404);
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(res.headers.get('content-language')).toBeNull();
    });

    it('headers already sent: no second response, the connection ends, the server keeps serving', async () => {
      const outcome = await fetch(`${app.url}/sent`).then(
        async (res) => ({ status: res.status, body: await res.text().catch(() => 'aborted') }),
        () => ({ status: 0, body: 'aborted' }),
      );
      expect([0, 200]).toContain(outcome.status);
      expect(outcome.body).not.toContain('"status"');
      expect((await request(`${app.url}/ok`)).status).toBe(200);
    });

    it('a secret never leaves, in any header', async () => {
      const res = await request(`${app.url}/throw/error-with-secret-fields`);
      expect(res.status).toBe(500);
      expect(res.text).toBe('{"status":{"code":500,"text":"Internal Server Error","message":"Internal Server Error"}}');
      expect(JSON.stringify([...res.headers])).not.toContain(SECRET);
    });
  });
}
