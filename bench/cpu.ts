import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Which core a benchmark process runs on: servers on one, the load generator on another. A server
 * starting up may use both (nothing is measured then) and is moved to its core once it listens.
 */
export type Role = 'server' | 'load' | 'startup';

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PINNING = availableParallelism() >= 2 && hasTaskset();

/** How processes are placed, for the report: pinned with taskset, or left to the OS. */
export const PLACEMENT = PINNING
  ? 'servers pinned to CPU 0 and the load generator to CPU 1 (taskset)'
  : 'not pinned (taskset missing or a single CPU): server and load generator share the cores';

/**
 * The command prefix that runs a process on its role's core: `taskset -c 0` for servers, `-c 1` for
 * the load generator, so neither steals the other's CPU. Empty when pinning is impossible.
 */
export function pinned(role: Role): string[] {
  if (!PINNING) return [];
  return ['taskset', '-c', role === 'server' ? '0' : role === 'load' ? '1' : '0,1'];
}

/** Moves a running process, every thread of it, to its role's core (a server that started on both). */
export function pin(pid: number | undefined, role: Exclude<Role, 'startup'>): void {
  if (!PINNING || pid === undefined) return;
  execFileSync('taskset', ['-a', '-p', '-c', role === 'server' ? '0' : '1', String(pid)], { stdio: 'ignore' });
}

/**
 * The command prefix that runs a process on core `index` (0 or 1): for work measured in CPU time
 * (a cold import), two processes at a time, one per core. Empty when pinning is impossible.
 */
export function onCore(index: number): string[] {
  if (!PINNING) return [];
  return ['taskset', '-c', String(index)];
}

/** How many processes measured in CPU time may run at once: one per pinned core. */
export const CPU_LANES: number = PINNING ? 2 : 1;
