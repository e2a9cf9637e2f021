// The Sentry recipe of the docs, with the real @sentry/node and a transport that keeps envelopes in
// memory, on every framework over real HTTP: expected 4xx send nothing, an unexpected error one
// event, built from the original thrown value (its type, message and stack).
import * as Sentry from '@sentry/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isUnexpected } from '../../src/index.js';
import { HARNESSES } from '../harness/all.js';
import type { RunningApp } from '../harness/harness.js';
import { SECRET, THROWERS } from '../scenarios/throwables.js';
import { request } from '../support/http.js';

type Transport = ReturnType<NonNullable<NonNullable<Parameters<typeof Sentry.init>[0]>['transport']>>;
type Envelope = Parameters<Transport['send']>[0];
const envelopes: Envelope[] = [];

Sentry.init({
  dsn: 'https://public@sentry.example/1',
  integrations: (defaults) => [
    // Every framework here throws the same error from the same line: Dedupe would keep only the first.
    ...defaults.filter((integration) => integration.name !== 'Dedupe' && integration.name !== 'Fastify'),
    // Sentry's Fastify integration reports errors from Fastify's diagnostics channel, before the
    // error handler has set a status (a 404 looks like a 200 there): faultline's onError reports.
    Sentry.fastifyIntegration({ shouldHandleError: () => false }),
  ],
  transport: () => ({
    send(envelope) {
      envelopes.push(envelope);
      return Promise.resolve({ statusCode: 200 });
    },
    flush: () => Promise.resolve(true),
  }),
});

/** The error events sent since the last reset, as Sentry serialises them. */
async function sentEvents(): Promise<Sentry.ErrorEvent[]> {
  await Sentry.flush(2000);
  const items = envelopes.flatMap((envelope) => envelope[1] as readonly (readonly [{ readonly type: string }, unknown])[]);
  return items.filter((item) => item[0].type === 'event').map((item) => item[1] as Sentry.ErrorEvent);
}

describe.each(HARNESSES.map((h) => [h.framework, h] as const))('%s: Sentry.captureException in onError, for unexpected errors only', (_name, harness) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await harness.start({
      options: {
        onError: (fault, thrown) => {
          if (isUnexpected(fault)) Sentry.captureException(thrown);
        },
      },
      throwers: THROWERS,
    });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    envelopes.length = 0;
  });

  it('a 404, an unmatched route and a validation 400 send nothing', async () => {
    expect((await request(`${app.url}/throw/faultline-404`)).status).toBe(404);
    expect((await request(`${app.url}/no/such/route`)).status).toBe(404);
    expect((await request(`${app.url}/throw/ajv-errors`)).status).toBe(400);
    expect(await sentEvents()).toEqual([]);
  });

  it('a thrown Error sends one event: the original error, its message and stack', async () => {
    const res = await request(`${app.url}/throw/plain-error`);
    expect(res.status).toBe(500);
    expect(res.text).not.toContain(SECRET);
    const events = await sentEvents();
    expect(events).toHaveLength(1);
    const exception = events[0]?.exception?.values?.[0];
    expect(exception).toMatchObject({ type: 'Error', value: SECRET });
    // The stack of the original error: its frame where it was thrown, the line of `new Error(SECRET)`.
    const frames = exception?.stacktrace?.frames ?? [];
    const origin = frames.at(-1);
    expect(origin?.filename).toMatch(/src\/contract\/scenarios\.ts$/);
    expect(origin?.context_line).toContain('new Error(SECRET)');
  });
});

afterAll(() => Sentry.close(2000));
