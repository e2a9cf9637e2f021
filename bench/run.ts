// `npm run bench`: micro, cold import, memory, what-apps-throw, macro and observability benchmarks,
// each printed as tables of ratios measured side by side in this run, then every target of issue #17
// beside its figure (PASS/MISS). `--only=micro,import,memory,what-apps-throw,macro,observability` picks sections; `--groups=express,hono,…` macro groups;
// `--quick` shortens every measurement (same tables, wider intervals); `--rounds=N` changes the 8
// interleaved rounds (fewer only to try the benchmark out); `--processes=N` starts N processes per
// HTTP server, crossed between rounds (default 1: two do not fit the ten minutes on 2 cores).
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startRedis, type RedisServer } from '../test/support/redis.js';
import { ensureServices, SERVICES } from '../test/support/services.js';
import { PLACEMENT } from './cpu.js';
import { importTable, importTargets, runImports } from './imports/imports.js';
import { CHILD_ENV } from './macro/load.js';
import { GROUPS, macroTables, macroTargets, runMacro } from './macro/macro.js';
import { memoryTable, memoryTargets, runMemory } from './memory/memory.js';
import { microTables, microTargets, runMicro } from './micro/micro.js';
import { observabilityTable, runObservability } from './micro/observability.js';
import { raiseShapesTable, runRaiseShapes } from './micro/raise-shapes.js';
import { targetTable, TargetLog, verdict } from './targets.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const value = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const sections = new Set(value('only')?.split(',') ?? ['micro', 'import', 'memory', 'what-apps-throw', 'macro', 'observability']);
const groups = value('groups')?.split(',') ?? [];
// Fewer rounds than the 8 of a real run only to try the benchmark itself out: every figure is then
// unsettled. --quick takes 4, to stay under two minutes on 2 cores.
const rounds = Number(value('rounds') ?? (quick ? 4 : 8));
// Processes per HTTP server, cycled through by the rounds. One by default: a second start and
// warm-up for every server does not fit the ten minutes; the same-server group measures the luck
// of a process instead.
const processes = Number(value('processes') ?? 1);
if (!Number.isInteger(processes) || processes < 1) {
  console.error(`--processes takes a whole number of at least 1, not ${value('processes')}`);
  process.exit(2);
}

const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (line: string): void => console.log(line);
const targets = new TargetLog();

console.log(`faultline benchmarks${quick ? ' (--quick)' : ''}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(`load average at start: ${loadavg().map((v) => v.toFixed(2)).join(' ')}; ${PLACEMENT}`);
console.log('Figures are ratios measured side by side in this run: the median of interleaved rounds and a 95% interval.\n');

// The import table, the memory subjects and the HTTP servers measure the package as it is published.
if (sections.has('import') || sections.has('memory') || sections.has('macro')) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
}

if (sections.has('micro')) {
  console.log('## micro: create the error at call depth 1 and 50, catch it, produce status + headers + body\n');
  const results = await runMicro({ rounds, cpuMs: quick ? 15 : 60 }, log);
  console.log(`\n${microTables(results)}`);
  for (const target of microTargets(results)) targets.add(target);
  console.log('\nWhat Node alone charges a route for how it raises the error (no framework, no faultline; the same error object each time):\n');
  console.log(raiseShapesTable(await runRaiseShapes(rounds, quick ? 5000 : 40_000)));
  console.log(`\n(micro done at ${elapsed()})\n`);
}

if (sections.has('import')) {
  console.log('## import: cold import of each entry point, a fresh process each time (the built package)\n');
  // The median of at least 10 fresh processes; --quick takes 2 (a smoke run).
  const results = await runImports(quick ? 2 : Math.max(rounds, 10), log);
  console.log(`\n${importTable(results)}`);
  for (const target of importTargets(results)) targets.add(target);
  console.log(`\n(import done at ${elapsed()})\n`);
}

if (sections.has('memory')) {
  const total = quick ? 20_000 : 1_000_000;
  console.log(`## memory: heap after forced GC over ${total.toLocaleString('en')} error responses (404, hidden 500, validation, 429 in turn)\n`);
  // Each subject in its own process, one per core (the section runs alone).
  const lanes = availableParallelism() >= 2 && PLACEMENT.startsWith('servers pinned') ? [0, 1] : undefined;
  const series = await runMemory(total, lanes, log);
  console.log(`\n${memoryTable(series, total)}`);
  for (const target of memoryTargets(series, total)) targets.add(target);
  console.log(`\n(memory done at ${elapsed()})\n`);
}

if (sections.has('what-apps-throw')) {
  console.log('## what-apps-throw: validate() with zod against zod directly; the recognisers on the 404 path\n');
  // Its own process and file (bench/what-apps-throw.ts), so it runs alone too.
  const code = await new Promise<number | null>((resolve) => {
    const script = fileURLToPath(new URL('./what-apps-throw.ts', import.meta.url));
    spawn(process.execPath, ['--import', 'tsx', script, ...(quick ? ['--quick'] : [])], { stdio: 'inherit', env: CHILD_ENV }).on('exit', resolve);
  });
  if (code !== 0) process.exitCode = 1;
  console.log(`\n(what-apps-throw done at ${elapsed()})\n`);
}

if (sections.has('macro')) {
  console.log('## macro: autocannon (own process) against each server (own process), 127.0.0.1, 10 connections, interleaved rounds\n');
  const wantsRedis = GROUPS.some((group) => group.needsRedis && (groups.length === 0 || groups.includes(group.name)));
  let redis: RedisServer | undefined;
  if (wantsRedis) {
    try {
      // As `npm test` does: redis-server is installed with apt-get when it can be, else the group is skipped.
      ensureServices(SERVICES.filter((service) => service.binary === 'redis-server'), process.env, log);
      redis = await startRedis();
    } catch (error) {
      console.log(`(no redis-server: ${(error as Error).message.split('\n')[0]}; the Redis group is skipped)`);
    }
  }
  try {
    const options = { rounds, processes, settle: !quick, seconds: quick ? 0.08 : 0.25, warmUp: quick ? 150 : 1000, connections: 10, only: groups, redisUrl: redis?.url };
    const results = await runMacro(options, log);
    console.log(`\n${macroTables(results)}`);
    for (const target of macroTargets(results)) targets.add(target);
  } finally {
    await redis?.stop();
  }
  console.log(`\n(macro done at ${elapsed()})\n`);
}

if (sections.has('observability')) {
  // After the others: it registers an OpenTelemetry context manager and tracer provider in this process.
  console.log('## observability: the 404 path with traceErrors() and locales, against the same handler without them\n');
  const results = await runObservability(quick ? { rounds: 3, cpuMs: 60 } : { rounds: 7, cpuMs: 120 });
  console.log(observabilityTable(results));
  console.log(`\n(observability done at ${elapsed()})\n`);
}

if (targets.all.length > 0) {
  console.log('## targets (issue #17)\n');
  console.log(targetTable(targets.all));
  const count = (which: string): number => targets.all.filter((target) => verdict(target) === which).length;
  console.log(`\n${count('PASS')} of ${targets.all.length} targets met in this run, ${count('MISS')} missed, ${count('SKIP')} not measured (${elapsed()} in all).`);
}
