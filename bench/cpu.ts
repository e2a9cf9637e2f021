import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Which core a benchmark process runs on: servers on one, the load generator on another. */
export type Role = 'server' | 'load';

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
  return ['taskset', '-c', role === 'server' ? '0' : '1'];
}
