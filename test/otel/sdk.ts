// The OpenTelemetry SDK as an app registers it: a tracer provider with an in-memory exporter,
// AsyncLocalStorage context and W3C propagation. Imported before any framework.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export const exporter = new InMemorySpanExporter();
new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();

export { SpanKind, SpanStatusCode };

let traces = 0;

/** A fresh W3C trace id and the `traceparent` that continues it, one per request. */
export function newTrace(): { traceId: string; traceparent: string } {
  traces++;
  const traceId = `${Date.now().toString(16).padStart(16, '0')}${traces.toString(16).padStart(16, '0')}`;
  return { traceId, traceparent: `00-${traceId}-00f067aa0ba902b7-01` };
}

/**
 * The finished SERVER span of one trace, once it has ended (the HTTP instrumentation ends it when
 * the response finishes, which may be just after the client has read the body).
 */
export async function serverSpanOf(traceId: string): Promise<ReadableSpan> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const server = exporter.getFinishedSpans().find((span) => span.spanContext().traceId === traceId && span.kind === SpanKind.SERVER);
    if (server !== undefined) return server;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no SERVER span of trace ${traceId} was exported`);
}
