// typeBase and instance over real HTTP, on every adapter and protocol: the same bodies everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESSES, WITHOUT_ALLOWED_METHODS } from '../harness/all.js';
import { requestApp, type RunningApp } from '../harness/harness.js';
import { HTTP2_HARNESSES } from '../harness/http2.js';
import { THROWERS } from '../scenarios/throwables.js';

const TYPE_BASE = 'https://docs.example.com/errors/';

/** A request, and the body every framework must answer it with. */
const PROBES: readonly (readonly [string, string, Record<string, unknown>])[] = [
  [
    'GET',
    '/throw/catalog-409',
    {
      type: `${TYPE_BASE}insufficient-funds`,
      title: 'Conflict',
      status: 409,
      detail: 'Unable to process request due to the lack of funds',
      instance: '/throw/catalog-409',
      code: 'INSUFFICIENT_FUNDS',
    },
  ],
  ['GET', '/async/faultline-404', { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No pin with that id', instance: '/async/faultline-404' }],
  ['GET', '/nowhere/at/all?x=1', { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Cannot GET /nowhere/at/all', instance: '/nowhere/at/all' }],
  ['DELETE', '/ok', { type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'DELETE is not allowed on /ok', instance: '/ok' }],
];

describe.each([...HARNESSES, ...HTTP2_HARNESSES].map((h) => [h.framework, h] as const))('%s: typeBase and instance', (_name, harness) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await harness.start({ options: { typeBase: TYPE_BASE, instance: 'path' }, throwers: THROWERS });
  });
  afterAll(() => app.close());

  it.each(PROBES.filter(([, , expected]) => expected['status'] !== 405 || !WITHOUT_ALLOWED_METHODS.includes(harness.framework)))('%s %s', async (method, path, expected) => {
    const res = await requestApp(app, path, { method });
    expect(res.status).toBe(expected.status);
    expect(res.text).toBe(JSON.stringify(expected));
  });
});
