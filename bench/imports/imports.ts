import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pinned } from '../cpu.js';
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

async function time(format: Format, probe: Probe): Promise<number> {
  const command = [...pinned('server'), process.execPath, PROBE, format, probe.specifier, ...probe.preload];
  const { stdout } = await run(command[0] as string, command.slice(1), { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  return (JSON.parse(stdout) as { ms: number }).ms;
}

export interface ImportResult {
  readonly entry: string;
  readonly format: Format;
  readonly baseline: string;
  readonly limit: number;
  /** Median ms of the entry's import, and of the baseline's. */
  readonly ms: number;
  readonly baselineMs: number;
  /** Per round: entry ÷ baseline, both timed in that round. */
  readonly ratio: Estimate;
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
  const times = new Map<string, number[]>(list.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < list.length; i++) {
      const [name, { format, probe }] = list[(i + round) % list.length] as (typeof list)[number];
      times.get(name)?.push(await time(format, probe));
    }
    log(`  import round ${round + 1}/${rounds} done`);
  }
  const results: ImportResult[] = [];
  for (const format of FORMATS) {
    for (const entry of ENTRIES) {
      const own = times.get(key(format, { specifier: entry.entry, preload: entry.preload })) ?? [];
      const base = times.get(key(format, entry.baseline)) ?? [];
      results.push({
        entry: entry.entry,
        format,
        baseline: entry.baseline.specifier,
        limit: entry.limit,
        ms: median(own),
        baselineMs: median(base),
        ratio: estimate(own.map((ms, i) => ms / (base[i] ?? Number.NaN))),
      });
    }
  }
  return results;
}

export function importTable(results: readonly ImportResult[]): string {
  return table(
    ['cold import, fresh process (median ms)', 'format', 'faultline', 'compared with', 'its import', 'ratio (95% interval)', 'target'],
    results.map((result) => [
      result.entry,
      result.format.toUpperCase(),
      result.ms.toFixed(1),
      result.baseline,
      result.baselineMs.toFixed(1),
      ratioWithSpread(result.ratio),
      `≤ ${result.limit}x`,
    ]),
  );
}

export function importTargets(results: readonly ImportResult[]): Target[] {
  return results.map((result) => ({
    section: 'cold import',
    what: `${result.entry} (${result.format.toUpperCase()}) ÷ ${result.baseline}`,
    figure: result.ratio,
    limit: result.limit,
    direction: 'at most' as const,
  }));
}
