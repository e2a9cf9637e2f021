// Hono traced by @hono/otel alone, as on an edge runtime (no Node HTTP instrumentation): its
// middleware opens the SERVER span, and records `c.error` itself; faultline leaves an expected 4xx
// out of `c.error`, and `traceErrors({ recordException: false })` adds what @hono/otel does not.
// A thrown value that is not an Error never reaches `c.error` (Hono's compose rethrows it to
// `errorBoundary`), so @hono/otel records no exception event for it: only the status and error.type.
// oxlint-disable-next-line import/no-unassigned-import -- registers the SDK before any framework is loaded
import './sdk.js';
import type { Server } from 'node:http';
import { httpInstrumentationMiddleware } from '@hono/otel';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { errorBoundary, errorHandler, notFound } from '../../adapters/hono/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import { thrower } from '../harness/harness.js';
import { THROWERS } from '../scenarios/throwables.js';
import { listen } from '../support/http.js';
import { describeTracing } from './contract.js';

function app(options: FaultlineOptions): Hono {
  const hono = new Hono();
  hono.use(httpInstrumentationMiddleware({ serviceName: 'faultline-test' }));
  hono.use(errorBoundary(options));
  hono.onError(errorHandler(options));
  hono.notFound(notFound(options));
  hono.all('/throw/:name', (c) => {
    throw thrower({ throwers: THROWERS }, c.req.param('name'))();
  });
  return hono;
}

describeTracing({
  framework: 'hono with @hono/otel',
  traceErrors: { recordException: false },
  nonErrorExceptions: 0,
  start: (options) => listen(createAdaptorServer({ fetch: app(options).fetch }) as Server),
});
