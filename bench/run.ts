// `npm run bench`: micro, memory, what-apps-throw, macro and observability benchmarks, each printed
// as tables of ratios measured side by side in this run. `--only micro,memory,what-apps-throw,macro,observability`
// picks sections; `--quick` shortens them.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHILD_ENV } from './macro/load.js';
import { macroTables, runMacro } from './macro/macro.js';
import { microTables, runMicro } from './micro/micro.js';
import { observabilityTable, runObservability } from './micro/observability.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const sections = new Set(onlyArg === undefined ? ['micro', 'memory', 'what-apps-throw', 'macro', 'observability'] : onlyArg.split(','));
const groupsArg = args.find((arg) => arg.startsWith('--groups='))?.slice('--groups='.length);

const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

console.log(`faultline benchmarks: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(`load average at start: ${loadavg().map((value) => value.toFixed(2)).join(' ')} (ratios are measured side by side; absolute figures are not comparable across runs)\n`);

if (sections.has('micro')) {
  console.log('## micro: create the error at call depth 50, catch it, produce status + headers + body\n');
  const results = await runMicro(quick ? { rounds: 3, cpuMs: 60 } : { rounds: 7, cpuMs: 120 });
  console.log(microTables(results));
  console.log(`\n(micro done at ${elapsed()})\n`);
}

if (sections.has('memory')) {
  console.log('## memory: heap after forced GC\n');
  // Its own process: the heap it reports holds nothing of the other sections.
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./memory.ts', import.meta.url))], {
      stdio: 'inherit',
      env: { ...CHILD_ENV, FAULTLINE_BENCH_MEMORY_TOTAL: quick ? '100000' : '1000000' },
    });
    child.on('exit', resolve);
  });
  if (code !== 0) process.exitCode = 1;
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
  console.log('## macro: autocannon (own process) against each server (own process), 127.0.0.1, interleaved rounds, medians\n');
  const options = quick
    ? { rounds: 2, seconds: 2, connections: 10, only: groupsArg?.split(',') ?? [] }
    : { rounds: 4, seconds: 3, connections: 10, only: groupsArg?.split(',') ?? [] };
  const results = await runMacro(options, (line) => console.log(line));
  console.log(`\n${macroTables(results)}`);
  console.log(`\n(macro done at ${elapsed()})`);
}

if (sections.has('observability')) {
  // Last: it registers an OpenTelemetry context manager and tracer provider in this process.
  console.log('\n## observability: the 404 path with traceErrors() and locales, against the same handler without them\n');
  const results = await runObservability(quick ? { rounds: 3, cpuMs: 60 } : { rounds: 7, cpuMs: 120 });
  console.log(observabilityTable(results));
  console.log(`\n(observability done at ${elapsed()})`);
}
