import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleAgainstBuild } from '../bundle.js';
import { ratio } from '../stats.js';
import { table } from '../table.js';
import type { Target } from '../targets.js';
import { SUBJECTS } from './apps.js';
import type { Series } from './subject.js';

const SUBJECT = fileURLToPath(new URL('./subject.ts', import.meta.url));
const LONGEST_FIRST: readonly string[] = ['nest', 'express', 'nest-fastify', 'koa', 'fastify', 'hono', 'core'];
const CHECKPOINTS = 4;

function runSubject(bundle: string, name: string, total: number, cpu: number | undefined): Promise<Series> {
  const node = [process.execPath, '--expose-gc', bundle, name, String(total)];
  const command = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] as string, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`memory subject ${name} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Series);
    });
  });
}

/**
 * Heap after GC over `total` error responses, through the core and through each adapter's real app,
 * each in its own process (its heap holds nothing else), two at a time on a 2-core machine; the
 * subject is bundled against the built package, as the HTTP servers are: run `npm run build` first.
 */
export async function runMemory(total: number, cpus: readonly number[] | undefined, log: (line: string) => void): Promise<Series[]> {
  const bundle = (await bundleAgainstBuild([SUBJECT], 'memory')).get('subject.ts') as string;
  // The slowest first (Nest and Express take 4-7 times as long per response as the others), so
  // that the two lanes finish together instead of one waiting on Nest at the end.
  const queue = [...LONGEST_FIRST, ...['core', ...SUBJECTS].filter((name) => !LONGEST_FIRST.includes(name))];
  const results = new Map<string, Series>();
  const lanes = cpus === undefined ? [undefined] : cpus;
  await Promise.all(
    lanes.map(async (cpu) => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const series = await runSubject(bundle, name, total, cpu);
        results.set(name, series);
        log(`  memory: ${name} done`);
      }
    }),
  );
  return ['core', ...SUBJECTS].map((name) => results.get(name)).filter((series) => series !== undefined);
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const growth = (series: Series): number => (series.heap.at(-1) as number) / (series.heap[0] as number);

export function memoryTable(all: readonly Series[], total: number): string {
  return table(
    ['heap after GC', 'start', ...Array.from({ length: CHECKPOINTS }, (_, i) => `${((total / CHECKPOINTS) * (i + 1)).toLocaleString('en')}`), 'end ÷ start'],
    all.map((series) => [series.subject, ...series.heap.map(mb), ratio(growth(series))]),
  );
}

export function memoryTargets(all: readonly Series[], total: number): Target[] {
  return all.map((series) => {
    const value = growth(series);
    return {
      section: 'memory',
      what: `${series.subject}: heap after GC, end ÷ start over ${total.toLocaleString('en')} error responses`,
      figure: { median: value, low: value, high: value, samples: 1 },
      limit: 1.01,
      direction: 'at most' as const,
    };
  });
}
