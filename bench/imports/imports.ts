import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CPU_LANES, onCore } from '../cpu.js';
import { estimate, median, ratioWithSpread, type Estimate } from '../stats.js';
import { table } from '../table.js';
import type { Target } from '../targets.js';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));

export type Format = 'esm' | 'cjs';
export const FORMATS: readonly Format[] = ['esm', 'cjs'];

/** One thing whose import is timed, and what is loaded first, untimed. */
interface Probe {
  readonly specifier: string;
  readonly preload: readonly string[];
}

const NEST = ['reflect-metadata', '@nestjs/common', '@nestjs/core'];

/**
 * Each faultline entry point and what it is compared with. An adapter is timed after its framework
 * is loaded (what it adds to an app's cold start, the framework being there anyway) and compared
 * with the framework's own import; the core is compared with http-errors'.
 */
const ENTRIES = [
  { entry: 'faultline', preload: [], baseline: { specifier: 'http-errors', preload: [] }, limit: 2 },
  { entry: 'faultline/kit', preload: [], baseline: { specifier: 'http-errors', preload: [] }, limit: 2 },
  { entry: 'faultline/client', preload: [], baseline: { specifier: 'http-errors', preload: [] }, limit: 2 },
  { entry: 'faultline/express', preload: ['express'], baseline: { specifier: 'express', preload: [] }, limit: 0.5 },
  { entry: 'faultline/koa', preload: ['koa'], baseline: { specifier: 'koa', preload: [] }, limit: 0.5 },
  { entry: 'faultline/hono', preload: ['hono'], baseline: { specifier: 'hono', preload: [] }, limit: 0.5 },
  { entry: 'faultline/fastify', preload: ['fastify'], baseline: { specifier: 'fastify', preload: [] }, limit: 0.5 },
  { entry: 'faultline/nest', preload: NEST, baseline: { specifier: '@nestjs/core', preload: ['reflect-metadata'] }, limit: 0.5 },
  {
    entry: 'faultline/nest/swagger',
    preload: [...NEST, '@nestjs/swagger'],
    baseline: { specifier: '@nestjs/swagger', preload: NEST },
    limit: 0.5,
  },
] as const;

const key = (format: Format, probe: Probe): string => `${format} ${probe.specifier} after [${probe.preload.join(', ')}]`;

/** Wall-clock and CPU milliseconds of one import. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

async function time(format: Format, probe: Probe, core: number): Promise<Timing> {
  const command = [...onCore(core), process.execPath, PROBE, format, probe.specifier, ...probe.preload];
  const { stdout } = await run(command[0] as string, command.slice(1), { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  return JSON.parse(stdout) as Timing;
}

export interface ImportResult {
  readonly entry: string;
  readonly format: Format;
  readonly baseline: string;
  readonly limit: number;
  /** Median wall-clock ms of the entry's import, and of the baseline's. */
  readonly wall: number;
  readonly baselineWall: number;
  /** Median CPU ms (user + system, every thread of the process) of each. */
  readonly cpu: number;
  readonly baselineCpu: number;
  /** Per round: entry ÷ baseline in CPU time, both timed in that round. */
  readonly ratio: Estimate;
  /** The same in wall-clock time. */
  readonly wallRatio: Estimate;
}

/**
 * Times every entry point and baseline in `rounds` interleaved rounds (the order rotates), each
 * import in a fresh process: the median of the rounds and its interval.
 */
export async function runImports(rounds: number, log: (line: string) => void): Promise<ImportResult[]> {
  const probes = new Map<string, { format: Format; probe: Probe }>();
  for (const format of FORMATS) {
    for (const entry of ENTRIES) {
      probes.set(key(format, { specifier: entry.entry, preload: entry.preload }), { format, probe: { specifier: entry.entry, preload: entry.preload } });
      probes.set(key(format, entry.baseline), { format, probe: entry.baseline });
    }
  }
  const list = [...probes];
  const times = new Map<string, Timing[]>(list.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // Two imports at a time on a 2-core machine, each in its own process pinned to its own core:
    // CPU time is the process's own, and which import shares the other core rotates every round.
    const order = list.map((_, i) => list[(i + round) % list.length] as (typeof list)[number]);
    const timed = new Map<string, Timing>();
    await Promise.all(
      Array.from({ length: CPU_LANES }, async (_, core) => {
        for (let next = order.shift(); next !== undefined; next = order.shift()) {
          const [name, { format, probe }] = next;
          timed.set(name, await time(format, probe, core));
        }
      }),
    );
    for (const [name] of list) times.get(name)?.push(timed.get(name) as Timing);
    log(`  import round ${round + 1}/${rounds} done`);
  }
  const results: ImportResult[] = [];
  for (const format of FORMATS) {
    for (const entry of ENTRIES) {
      const own = times.get(key(format, { specifier: entry.entry, preload: entry.preload })) ?? [];
      const base = times.get(key(format, entry.baseline)) ?? [];
      const ratios = (measure: keyof Timing): Estimate => estimate(own.map((timing, i) => timing[measure] / (base[i]?.[measure] ?? Number.NaN)));
      results.push({
        entry: entry.entry,
        format,
        baseline: entry.baseline.specifier,
        limit: entry.limit,
        wall: median(own.map((timing) => timing.wall)),
        baselineWall: median(base.map((timing) => timing.wall)),
        cpu: median(own.map((timing) => timing.cpu)),
        baselineCpu: median(base.map((timing) => timing.cpu)),
        ratio: ratios('cpu'),
        wallRatio: ratios('wall'),
      });
    }
  }
  return results;
}

/**
 * CPU time decides the target: on a machine shared with other work a process waits for a core for
 * a time that has nothing to do with what it imports, which wall-clock time counts and CPU time
 * does not. Both are printed.
 */
export function importTable(results: readonly ImportResult[]): string {
  return table(
    [
      'cold import, fresh process',
      'format',
      'faultline ms (CPU / wall)',
      'compared with',
      'its ms (CPU / wall)',
      'CPU ratio (95% interval)',
      'wall ratio',
      'target',
    ],
    results.map((result) => [
      result.entry,
      result.format.toUpperCase(),
      `${result.cpu.toFixed(1)} / ${result.wall.toFixed(1)}`,
      result.baseline,
      `${result.baselineCpu.toFixed(1)} / ${result.baselineWall.toFixed(1)}`,
      ratioWithSpread(result.ratio),
      ratioWithSpread(result.wallRatio),
      `≤ ${result.limit}x`,
    ]),
  );
}

export function importTargets(results: readonly ImportResult[]): Target[] {
  return results.map((result) => ({
    section: 'cold import',
    what: `${result.entry} (${result.format.toUpperCase()}) ÷ ${result.baseline}, CPU time`,
    figure: result.ratio,
    limit: result.limit,
    direction: 'at most' as const,
  }));
}
