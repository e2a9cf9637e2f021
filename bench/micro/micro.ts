import { estimate, median, ratioWithSpread, spread, SPREAD_WARNING, type Estimate } from '../stats.js';
import { table } from '../table.js';
import type { Target } from '../targets.js';
import { CALL_DEPTHS, throwFrom, type CallDepth } from './depth.js';
import { cpuNsPerCall } from './cpu-time.js';
import { CANDIDATES, FAULTLINE, FLOOR, HTTP_ERRORS, STACKLESS, type Candidate } from './candidates.js';
import { SCENARIOS, type BenchResponse, type Scenario } from './scenarios.js';

export interface MicroOptions {
  /** Interleaved rounds; each measures every candidate once, in a rotated order. */
  readonly rounds: number;
  /** CPU time per measurement, in ms. */
  readonly cpuMs: number;
}

export interface MicroResult {
  readonly depth: CallDepth;
  readonly scenario: Scenario;
  /** Median CPU ns per create + respond, by candidate. */
  readonly ns: ReadonlyMap<string, number>;
  /** Per round, (candidate ÷ floor) measured in the same round. */
  readonly vsFloor: ReadonlyMap<string, Estimate>;
  /** Per round, (candidate ÷ faultline): how many times faultline is faster. */
  readonly vsFaultline: ReadonlyMap<string, Estimate>;
}

function errorPath(candidate: Candidate, scenario: Scenario, depth: number): () => BenchResponse {
  const make = candidate.create[scenario];
  const { respond } = candidate;
  return () => {
    try {
      throwFrom(depth, make);
    } catch (thrown) {
      return respond(thrown);
    }
    throw new Error('bench bug: nothing was thrown');
  };
}

const estimates = (map: Map<string, number[]>): Map<string, Estimate> => new Map([...map].map(([name, list]) => [name, estimate(list)]));

const EXPECTED_STATUS: Record<Scenario, number> = { '404': 404, '500': 500, validation: 400, '429': 429 };

function runScenario(scenario: Scenario, depth: CallDepth, options: MicroOptions): MicroResult {
  const paths = CANDIDATES.map((candidate) => ({ name: candidate.name, run: errorPath(candidate, scenario, depth) }));
  for (const path of paths) {
    const response = path.run();
    if (response.status !== EXPECTED_STATUS[scenario] || response.body === null || response.body.includes('db-7')) {
      throw new Error(`bench bug: ${path.name} answered ${scenario} with ${response.status} ${response.body}`);
    }
  }
  // Warm-up, not counted: the first measurements of a path include its compilation by the JIT.
  for (const path of paths) cpuNsPerCall(path.run, options.cpuMs);
  const samples = new Map<string, number[]>(paths.map((path) => [path.name, []]));
  const floorRatios = new Map<string, number[]>(paths.map((path) => [path.name, []]));
  const faultlineRatios = new Map<string, number[]>(paths.map((path) => [path.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const times = new Map<string, number>();
    for (let i = 0; i < paths.length; i++) {
      const path = paths[(i + round) % paths.length] as (typeof paths)[number];
      times.set(path.name, cpuNsPerCall(path.run, options.cpuMs));
    }
    const floor = times.get(FLOOR) as number;
    const ours = times.get(FAULTLINE) as number;
    for (const [name, time] of times) {
      samples.get(name)?.push(time);
      floorRatios.get(name)?.push(time / floor);
      faultlineRatios.get(name)?.push(time / ours);
    }
  }
  return {
    depth,
    scenario,
    ns: new Map([...samples].map(([name, list]) => [name, median(list)])),
    vsFloor: estimates(floorRatios),
    vsFaultline: estimates(faultlineRatios),
  };
}

export async function runMicro(options: MicroOptions, log: (line: string) => void): Promise<MicroResult[]> {
  const results: MicroResult[] = [];
  for (const depth of CALL_DEPTHS) {
    for (const scenario of SCENARIOS) {
      results.push(runScenario(scenario, depth, options));
      // Let the log line out before the next CPU-bound stretch.
      await new Promise((resolve) => setImmediate(resolve));
      log(`  depth ${depth}, ${scenario}: done`);
    }
  }
  return results;
}

export function microTables(results: readonly MicroResult[]): string {
  const names = CANDIDATES.map((candidate) => candidate.name);
  const out: string[] = [];
  for (const depth of CALL_DEPTHS) {
    const at = results.filter((result) => result.depth === depth);
    if (at.length === 0) continue;
    const column = (result: MicroResult): string => result.scenario;
    out.push(
      table(
        [`create + respond, depth ${depth}: cost ÷ floor`, ...at.map(column)],
        names.map((name) => [name, ...at.map((result) => show(result.vsFloor.get(name)))]),
      ),
      table(
        [`depth ${depth}: how many times faultline is faster`, ...at.map(column)],
        names.filter((name) => name !== FAULTLINE).map((name) => [name, ...at.map((result) => show(result.vsFaultline.get(name)))]),
      ),
      table(
        [`depth ${depth}: median CPU ns per op (this run, for orientation)`, ...at.map(column)],
        names.map((name) => [name, ...at.map((result) => (result.ns.get(name) ?? Number.NaN).toFixed(0))]),
      ),
    );
  }
  const wide = results.filter((result) => spread(result.vsFloor.get(FAULTLINE) ?? { median: 1, low: 1, high: 1, samples: 0 }) > SPREAD_WARNING);
  if (wide.length > 0) {
    out.push(`WARNING: faultline ÷ floor spread over more than ${SPREAD_WARNING * 100}% in ${wide.map((r) => `depth ${r.depth} ${r.scenario}`).join(', ')}: unsettled.`);
  }
  return out.join('\n\n');
}

const show = (value: Estimate | undefined): string => (value === undefined ? 'n/a' : ratioWithSpread(value));

/**
 * The issue's micro targets. At depth 50 the floor pays for unwinding 50 frames, which every
 * candidate pays too, so faultline can be at most (http-errors ÷ floor) times faster than
 * http-errors: the target there is a share of that bound (floor ÷ faultline).
 */
export function microTargets(results: readonly MicroResult[]): Target[] {
  const targets: Target[] = [];
  const find = (depth: CallDepth, scenario: Scenario): MicroResult | undefined =>
    results.find((result) => result.depth === depth && result.scenario === scenario);
  const depth1 = find(1, '404');
  if (depth1 !== undefined) {
    targets.push(
      { section: 'micro depth 1', what: '404 faultline ÷ object-literal floor', figure: depth1.vsFloor.get(FAULTLINE), limit: 1.2, direction: 'at most' },
      { section: 'micro depth 1', what: '404 times faster than http-errors', figure: depth1.vsFaultline.get(HTTP_ERRORS), limit: 18, direction: 'at least' },
    );
  }
  const depth50 = find(50, '404');
  if (depth50 !== undefined) {
    targets.push({
      section: 'micro depth 50',
      what: '404 share of the bound (http-errors ÷ floor) reached',
      // floor ÷ faultline, per round: (http-errors ÷ faultline) ÷ (http-errors ÷ floor).
      figure: depth50.vsFaultline.get(FLOOR),
      limit: 0.95,
      direction: 'at least',
    });
  }
  for (const depth of CALL_DEPTHS) {
    for (const scenario of ['validation', '429'] as const) {
      const result = find(depth, scenario);
      if (result === undefined) continue;
      targets.push({
        section: `micro depth ${depth}`,
        what: `${scenario}: faultline speed ÷ stackless hand-written`,
        figure: result.vsFaultline.get(STACKLESS),
        limit: 0.95,
        direction: 'at least',
      });
    }
  }
  return targets;
}
