// One memory series in its own process (started with --expose-gc): heap after forced GC before and
// during `total` error responses through one adapter's real app (or the core alone). Prints JSON.
import { createFaultline } from '../../src/index.js';
import { listenerFor, SUBJECTS, type Subject } from './apps.js';
import { dispatch } from './dispatch.js';
import { EXPECTED_STATUS, thrownAt } from './thrown.js';

export interface Series {
  readonly subject: string;
  /** Heap in bytes after GC: after a warm-up, then at each checkpoint. */
  readonly heap: readonly number[];
}

export const CHECKPOINTS = 4;
// 20,000 before a real run's 1,000,000; a fifth of a --quick run's.
const warmUp = (total: number): number => Math.min(20_000, Math.floor(total / 5));

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('memory subject: run with --expose-gc');

function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function series(subject: string, total: number, step: (i: number) => unknown): Promise<Series> {
  const warm = warmUp(total);
  for (let i = 0; i < warm; i++) await step(i);
  const heap = [heapAfterGc()];
  const per = total / CHECKPOINTS;
  for (let checkpoint = 1; checkpoint <= CHECKPOINTS; checkpoint++) {
    for (let i = (checkpoint - 1) * per; i < checkpoint * per; i++) await step(warm + i);
    heap.push(heapAfterGc());
  }
  return { subject, heap };
}

async function core(total: number): Promise<Series> {
  const faultline = createFaultline({ onError: () => {} });
  let bytes = 0;
  const result = await series('core: faultline.handle', total, (i) => {
    bytes += faultline.handle(thrownAt(i), { method: 'GET', path: `/pins/${i}`, id: `req-${i}` }).body?.length ?? 0;
  });
  if (bytes === 0) throw new Error('bench bug: no bodies');
  return result;
}

async function adapter(subject: Subject, total: number): Promise<Series> {
  const listener = await listenerFor(subject);
  return series(subject, total, async (i) => {
    const status = await dispatch(listener, `/pins/${i}`, `req-${i}`);
    if (status !== EXPECTED_STATUS[i % 4]) throw new Error(`bench bug: ${subject} answered request ${i} with ${status}`);
  });
}

const [name, totalArg] = process.argv.slice(2);
const total = Number(totalArg);
if (name !== 'core' && !SUBJECTS.includes(name as Subject)) throw new Error(`memory subject: unknown ${name}`);
const result = name === 'core' ? await core(total) : await adapter(name as Subject, total);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
