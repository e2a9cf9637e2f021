// One cold import, in a fresh process of plain Node (no loader, no transpiler): what a serverless
// function pays on a cold start. argv: `esm` or `cjs`, the specifier to time, then the specifiers
// to load first, untimed (the framework an adapter is used with). Prints wall and CPU milliseconds.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [format, specifier, ...preload] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const load = format === 'cjs' ? async (id) => require(id) : (id) => import(id);

for (const id of preload) await load(id);
const cpu = process.cpuUsage();
const start = performance.now();
await load(specifier);
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ wall, cpu: (used.user + used.system) / 1000 })}\n`);
