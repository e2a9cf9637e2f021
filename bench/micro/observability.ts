// The cost of observability and languages on the 404 path: the same handler with and without
// `traceErrors()` and `locales` (and `traceId`), measured side by side in interleaved rounds.
// Without an SDK, `traceErrors()` finds no span; with one, the request runs inside a recording
// SERVER span and the hook writes its attributes, as in a traced app (both sides inside the span).
import { context, SpanKind, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { do_not_optimize, measure } from 'mitata';
import { otelTraceId, traceErrors } from '../../adapters/otel/index.js';
import { createFaultline, errors, type FaultlineOptions } from '../../src/index.js';
import type { RequestFacts } from '../../src/kit.js';
import { median, ratio } from '../stats.js';
import { table } from '../table.js';

const LOCALES = {
  fr: { NOT_FOUND: 'Ressource introuvable', 500: 'Erreur interne du serveur' },
  de: { NOT_FOUND: 'Ressource nicht gefunden', 500: 'Interner Serverfehler' },
  'pt-BR': { NOT_FOUND: 'Recurso não encontrado' },
};

const HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/json, text/plain, */*',
  'accept-language': 'fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};
const REQUEST: RequestFacts = { method: 'GET', path: '/pins/7', id: 'req-7', header: (name) => HEADERS[name] };

interface Variant {
  readonly name: string;
  readonly options: FaultlineOptions;
}

const BASELINE = 'without them';
const VARIANTS: readonly Variant[] = [
  { name: BASELINE, options: {} },
  { name: 'traceErrors() + locales', options: { onError: traceErrors(), locales: LOCALES } },
  { name: 'traceErrors() alone', options: { onError: traceErrors() } },
  { name: 'locales alone', options: { locales: LOCALES } },
  { name: 'traceErrors() + locales + traceId: otelTraceId()', options: { onError: traceErrors(), locales: LOCALES, traceId: otelTraceId() } },
];

export interface ObservabilityResult {
  readonly traced: boolean;
  /** Median over rounds of (variant ÷ baseline), measured in the same round. */
  readonly vsBaseline: ReadonlyMap<string, number>;
  readonly ns: ReadonlyMap<string, number>;
}

function path(options: FaultlineOptions): () => unknown {
  const faultline = createFaultline(options);
  return () => {
    try {
      throw errors.notFound();
    } catch (thrown) {
      return faultline.handle(thrown, REQUEST);
    }
  };
}

export async function runObservability(options: { rounds: number; cpuMs: number }): Promise<ObservabilityResult[]> {
  const results: ObservabilityResult[] = [];
  for (const traced of [false, true]) {
    if (traced) new NodeTracerProvider().register();
    const span = trace.getTracer('bench').startSpan('GET /pins/:id', { kind: SpanKind.SERVER });
    const inSpan = trace.setSpan(context.active(), span);
    const runs = VARIANTS.map((variant) => {
      const run = path(variant.options);
      return { name: variant.name, run: traced ? () => context.with(inSpan, run) : run };
    });
    const ratios = new Map<string, number[]>(runs.map((r) => [r.name, []]));
    const samples = new Map<string, number[]>(runs.map((r) => [r.name, []]));
    for (let round = 0; round < options.rounds; round++) {
      const times = new Map<string, number>();
      for (let i = 0; i < runs.length; i++) {
        const { name, run } = runs[(i + round) % runs.length] as (typeof runs)[number];
        const stats = await measure(() => do_not_optimize(run()), { min_cpu_time: options.cpuMs * 1e6, batch_samples: 64, min_samples: 8 });
        times.set(name, stats.p50);
      }
      const base = times.get(BASELINE) as number;
      for (const [name, time] of times) {
        samples.get(name)?.push(time);
        // Throughput relative to the baseline: ≥ 0.95x means at most about 5 % slower.
        ratios.get(name)?.push(base / time);
      }
    }
    span.end();
    results.push({
      traced,
      vsBaseline: new Map([...ratios].map(([name, list]) => [name, median(list)])),
      ns: new Map([...samples].map(([name, list]) => [name, median(list)])),
    });
  }
  return results;
}

export function observabilityTable(results: readonly ObservabilityResult[]): string {
  const columns = results.map((result) => (result.traced ? 'in a recording SERVER span' : 'no SDK'));
  const speed = table(
    ['404 path, throughput ÷ the same handler without them', ...columns],
    VARIANTS.map((variant) => [variant.name, ...results.map((result) => ratio(result.vsBaseline.get(variant.name) ?? Number.NaN))]),
  );
  const ns = table(
    ['median ns per op (this run, for orientation)', ...columns],
    VARIANTS.map((variant) => [variant.name, ...results.map((result) => (result.ns.get(variant.name) ?? Number.NaN).toFixed(0))]),
  );
  const worst = Math.min(...results.map((result) => result.vsBaseline.get(VARIANTS[1]?.name ?? '') ?? Number.NaN));
  return `${speed}\n\n${ns}\n\ntarget: traceErrors() + locales ≥ 0.95x of the 404 path without them: ${ratio(worst)} (${worst >= 0.95 ? 'met' : 'NOT met'})`;
}
