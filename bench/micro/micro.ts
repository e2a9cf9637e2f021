import { do_not_optimize, measure } from 'mitata';
import { median, ratio } from '../stats.js';
import { table } from '../table.js';
import { CALL_DEPTH, throwFrom } from './depth.js';
import { CANDIDATES, FAULTLINE, FLOOR, HTTP_ERRORS, type Candidate } from './candidates.js';
import { SCENARIOS, type BenchResponse, type Scenario } from './scenarios.js';

export interface MicroOptions {
  /** Interleaved rounds; each measures every candidate once, in a rotated order. */
  readonly rounds: number;
  /** CPU time per measurement, in ms. */
  readonly cpuMs: number;
}

export interface MicroResult {
  readonly scenario: Scenario;
  /** Median ns per create + respond, by candidate. */
  readonly ns: ReadonlyMap<string, number>;
  /** Median over rounds of (candidate ÷ floor) measured in the same round. */
  readonly vsFloor: ReadonlyMap<string, number>;
  /** Median over rounds of (candidate ÷ faultline): how many times faultline is faster. */
  readonly vsFaultline: ReadonlyMap<string, number>;
}

function errorPath(candidate: Candidate, scenario: Scenario): () => BenchResponse {
  const make = candidate.create[scenario];
  const { respond } = candidate;
  return () => {
    try {
      throwFrom(CALL_DEPTH, make);
    } catch (thrown) {
      return respond(thrown);
    }
    throw new Error('bench bug: nothing was thrown');
  };
}

function medians(map: Map<string, number[]>): Map<string, number> {
  return new Map([...map].map(([name, list]) => [name, median(list)]));
}

const EXPECTED_STATUS: Record<Scenario, number> = { '404': 404, '500': 500, validation: 400, '429': 429 };

export async function runMicro(options: MicroOptions): Promise<MicroResult[]> {
  const results: MicroResult[] = [];
  for (const scenario of SCENARIOS) {
    const paths = CANDIDATES.map((candidate) => ({ name: candidate.name, run: errorPath(candidate, scenario) }));
    for (const path of paths) {
      const response = path.run();
      if (response.status !== EXPECTED_STATUS[scenario] || response.body === null || response.body.includes('db-7')) {
        throw new Error(`bench bug: ${path.name} answered ${scenario} with ${response.status} ${response.body}`);
      }
    }
    const samples = new Map<string, number[]>(paths.map((path) => [path.name, []]));
    const floorRatios = new Map<string, number[]>(paths.map((path) => [path.name, []]));
    const faultlineRatios = new Map<string, number[]>(paths.map((path) => [path.name, []]));
    for (let round = 0; round < options.rounds; round++) {
      const times = new Map<string, number>();
      for (let i = 0; i < paths.length; i++) {
        const path = paths[(i + round) % paths.length] as (typeof paths)[number];
        const run = path.run;
        // Small batches: one op costs microseconds, and mitata's default batch (4096) would make
        // each measurement last seconds, far past the CPU time asked for.
        const stats = await measure(() => do_not_optimize(run()), { min_cpu_time: options.cpuMs * 1e6, batch_samples: 64, min_samples: 8 });
        times.set(path.name, stats.p50);
      }
      const floor = times.get(FLOOR) as number;
      const ours = times.get(FAULTLINE) as number;
      for (const [name, time] of times) {
        samples.get(name)?.push(time);
        floorRatios.get(name)?.push(time / floor);
        faultlineRatios.get(name)?.push(time / ours);
      }
    }
    results.push({ scenario, ns: medians(samples), vsFloor: medians(floorRatios), vsFaultline: medians(faultlineRatios) });
  }
  return results;
}

export function microTables(results: readonly MicroResult[]): string {
  const names = CANDIDATES.map((candidate) => candidate.name);
  const cost = table(
    ['create + respond, depth 50: cost ÷ floor', ...results.map((result) => result.scenario)],
    names.map((name) => [name, ...results.map((result) => ratio(result.vsFloor.get(name) ?? Number.NaN))]),
  );
  const faster = table(
    ['how many times faultline is faster', ...results.map((result) => result.scenario)],
    names.filter((name) => name !== FAULTLINE).map((name) => [name, ...results.map((result) => ratio(result.vsFaultline.get(name) ?? Number.NaN))]),
  );
  const ns = table(
    ['median ns per op (this run, for orientation)', ...results.map((result) => result.scenario)],
    names.map((name) => [name, ...results.map((result) => (result.ns.get(name) ?? Number.NaN).toFixed(0))]),
  );
  return [cost, faster, ns, targets(results)].join('\n\n');
}

/**
 * The micro targets for the 404, with the bound that limits the first: faultline cannot
 * cost less than the floor, so it can be at most (http-errors ÷ floor) times faster than http-errors.
 */
function targets(results: readonly MicroResult[]): string {
  const notFound = results.find((result) => result.scenario === '404');
  if (notFound === undefined) return '';
  const vsHttpErrors = notFound.vsFaultline.get(HTTP_ERRORS) ?? Number.NaN;
  const ceiling = notFound.vsFloor.get(HTTP_ERRORS) ?? Number.NaN;
  const vsFloor = notFound.vsFloor.get(FAULTLINE) ?? Number.NaN;
  return [
    `404 targets: faultline ÷ floor = ${ratio(vsFloor)} (target ≤ 2.5x: ${vsFloor <= 2.5 ? 'met' : 'NOT met'});`,
    `faultline is ${ratio(vsHttpErrors)} faster than http-errors (target ≥ 10x: ${vsHttpErrors >= 10 ? 'met' : 'NOT met'}; the most any library can reach here is http-errors ÷ floor = ${ratio(ceiling)}).`,
  ].join(' ');
}
