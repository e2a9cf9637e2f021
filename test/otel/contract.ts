// What traceErrors() and otelTraceId() must leave on the request's SERVER span and in the body,
// whatever the framework and its tracing: one table of requests, run against each traced app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { otelTraceId, traceErrors, type TraceErrorsOptions } from '../../adapters/otel/index.js';
import { logErrors, type FaultlineOptions } from '../../src/index.js';
import type { RunningApp } from '../harness/harness.js';
import { SECRET } from '../scenarios/throwables.js';
import { request } from '../support/http.js';
import { newTrace, serverSpanOf, SpanStatusCode } from './sdk.js';

export interface TracedApp {
  readonly framework: string;
  /** How this framework's tracing is told to use traceErrors (the recipe its docs give). */
  readonly traceErrors?: TraceErrorsOptions;
  /**
   * Exception events for a thrown value that is not an Error: 1, from traceErrors; 0 where the
   * framework's tracing records the exceptions (traceErrors told not to) and never sees such a value.
   */
  readonly nonErrorExceptions?: 0 | 1;
  start(options: FaultlineOptions): Promise<RunningApp>;
}

/** What of a span this suite checks, as one comparable record. */
export function traced(span: ReadableSpan) {
  return {
    status: span.status.code,
    errorType: span.attributes['error.type'],
    statusCode: span.attributes['http.response.status_code'],
    exceptions: span.events.filter((event) => event.name === 'exception').map((event) => event.attributes ?? {}),
  };
}

export function describeTracing(app: TracedApp): void {
  describe(`${app.framework}: traceErrors() and otelTraceId()`, () => {
    let running: RunningApp;
    const logged: string[] = [];
    beforeAll(async () => {
      const logger = { error: (_f: unknown, m: string) => logged.push(`error ${m}`), warn: (_f: unknown, m: string) => logged.push(`warn ${m}`) };
      running = await app.start({ onError: [traceErrors(app.traceErrors), logErrors(logger)], traceId: otelTraceId() });
    });
    afterAll(() => running.close());

    async function call(path: string) {
      const { traceId, traceparent } = newTrace();
      const res = await request(`${running.url}${path}`, { headers: { traceparent } });
      return { res, traceId, span: traced(await serverSpanOf(traceId)) };
    }

    it('a thrown Error (500): status ERROR, one exception event with type, message and stack', async () => {
      const { res, traceId, span } = await call('/throw/plain-error');
      expect(res.status).toBe(500);
      expect(span).toMatchObject({ status: SpanStatusCode.ERROR, errorType: 'INTERNAL_SERVER_ERROR', statusCode: 500 });
      expect(span.exceptions).toHaveLength(1);
      expect(span.exceptions[0]).toMatchObject({ 'exception.type': 'Error', 'exception.message': SECRET });
      expect(String(span.exceptions[0]?.['exception.stacktrace'])).toMatch(/^Error: sk_live_\w+\n\s+at .*src\/contract\/scenarios\.ts/);
      // The body carries the trace the backend shows; the message stays hidden from the client.
      expect(res.json).toMatchObject({ status: 500, detail: 'Internal Server Error', traceId });
      expect(res.text).not.toContain(SECRET);
    });

    it('a thrown 404: status left unset, no exception event, error.type NOT_FOUND', async () => {
      const { res, traceId, span } = await call('/throw/faultline-404');
      expect(res.status).toBe(404);
      expect(span).toEqual({ status: SpanStatusCode.UNSET, errorType: 'NOT_FOUND', statusCode: 404, exceptions: [] });
      expect(res.json).toMatchObject({ detail: 'No pin with that id', traceId });
    });

    it('a validation 400 (ajv errors): status left unset, error.type BAD_REQUEST', async () => {
      const { res, span } = await call('/throw/ajv-errors');
      expect(res.status).toBe(400);
      expect(span).toEqual({ status: SpanStatusCode.UNSET, errorType: 'BAD_REQUEST', statusCode: 400, exceptions: [] });
    });

    it('an unmatched route: the same as a thrown 404', async () => {
      const { res, traceId, span } = await call('/no/such/route');
      expect(res.status).toBe(404);
      expect(span).toEqual({ status: SpanStatusCode.UNSET, errorType: 'NOT_FOUND', statusCode: 404, exceptions: [] });
      expect(res.json).toMatchObject({ traceId });
    });

    it('a thrown string (500): status ERROR, an exception event of type string, the text hidden from the client', async () => {
      const { res, span } = await call('/throw/string');
      expect(res.status).toBe(500);
      expect(span).toMatchObject({ status: SpanStatusCode.ERROR, errorType: 'INTERNAL_SERVER_ERROR', statusCode: 500 });
      expect(span.exceptions).toEqual(app.nonErrorExceptions === 0 ? [] : [{ 'exception.type': 'string', 'exception.message': SECRET }]);
      expect(res.text).not.toContain(SECRET);
    });

    it('a hostile thrown value (a Proxy whose every trap throws): still traced, the server unharmed', async () => {
      const { res, span } = await call('/throw/hostile-proxy');
      expect(res.status).toBe(500);
      expect(span).toMatchObject({ status: SpanStatusCode.ERROR, errorType: 'INTERNAL_SERVER_ERROR' });
      expect(res.text).not.toContain(SECRET);
      expect((await request(`${running.url}/throw/faultline-404`)).status).toBe(404);
    });

    it('the next hook in the list still runs: one log line per error', () => {
      expect(logged.filter((line) => line.startsWith('error '))).toHaveLength(3);
      expect(logged.filter((line) => line.startsWith('warn '))).toHaveLength(4);
    });
  });
}
