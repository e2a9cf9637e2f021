import { do_not_optimize } from 'mitata';

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
};

/**
 * CPU nanoseconds per call of `run`, over at least `cpuMs` of CPU time. CPU time rather than
 * wall-clock time: on a machine shared with other work a process is preempted for stretches that
 * have nothing to do with what it runs, which a wall-clock sample counts and a CPU one does not.
 * Batches grow until one lasts long enough for the clock's microsecond resolution.
 */
export function cpuNsPerCall(run: () => unknown, cpuMs: number): number {
  let batch = 16;
  for (;;) {
    const start = cpuNow();
    for (let i = 0; i < batch; i++) do_not_optimize(run());
    if (cpuNow() - start >= 1e6) break;
    batch *= 2;
  }
  let calls = 0;
  const start = cpuNow();
  let spent = 0;
  while (spent < cpuMs * 1e6) {
    for (let i = 0; i < batch; i++) do_not_optimize(run());
    calls += batch;
    spent = cpuNow() - start;
  }
  return spent / calls;
}
