// traceErrors() and otelTraceId() with the real SDK and the official Node instrumentations
// (HTTP, Express, Koa, @fastify/otel), over real HTTP, on every Node framework faultline supports.
// oxlint-disable-next-line import/no-unassigned-import -- registers the SDK before any framework is loaded
import './node-instrumentations.js';
import { describe, expect, it } from 'vitest';
import { FaultlineModule } from '../../adapters/nest/index.js';
import { expressHarness } from '../harness/express.js';
import { fastifyHarness } from '../harness/fastify.js';
import { koaHarness } from '../harness/koa.js';
import { startNest } from '../harness/nest.js';
import { THROWERS } from '../scenarios/throwables.js';
import { request } from '../support/http.js';
import { describeTracing, traced, type TracedApp } from './contract.js';
import { exporter, newTrace, serverSpanOf, SpanStatusCode } from './sdk.js';

const APPS: readonly TracedApp[] = [
  { framework: 'express', start: (options) => expressHarness.start({ options, throwers: THROWERS }) },
  { framework: 'koa', start: (options) => koaHarness.start({ options, throwers: THROWERS }) },
  { framework: 'fastify', start: (options) => fastifyHarness.start({ options, throwers: THROWERS }) },
  {
    framework: 'nest, FaultlineModule.forRoot(), platform-express',
    start: (options) => startNest('express', { throwers: THROWERS }, { globalFilter: false, imports: [FaultlineModule.forRoot(options)] }),
  },
  {
    framework: 'nest, FaultlineModule.forRoot(), platform-fastify',
    start: (options) => startNest('fastify', { throwers: THROWERS }, { globalFilter: false, imports: [FaultlineModule.forRoot(options)] }),
  },
];

for (const app of APPS) describeTracing(app);

describe('without traceErrors()', () => {
  it('a 500 answered by the error handler reaches the SERVER span only as a status (what traceErrors adds)', async () => {
    const app = await expressHarness.start({ throwers: THROWERS });
    try {
      const { traceId, traceparent } = newTrace();
      expect((await request(`${app.url}/throw/plain-error`, { headers: { traceparent } })).status).toBe(500);
      const span = await serverSpanOf(traceId);
      expect(traced(span)).toMatchObject({ status: SpanStatusCode.ERROR, exceptions: [] });
      expect(span.attributes['error.type']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('the framework instrumentations did patch: Express, Koa and Fastify spans were exported', () => {
    const scopes = new Set(exporter.getFinishedSpans().map((span) => span.instrumentationScope.name));
    expect([...scopes]).toEqual(expect.arrayContaining(['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-express', '@opentelemetry/instrumentation-koa', '@fastify/otel']));
  });
});
