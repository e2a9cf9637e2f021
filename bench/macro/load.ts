import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pinned, type Role } from '../cpu.js';

/** One bounded autocannon run. */
export interface LoadRequest {
  readonly url: string;
  readonly seconds: number;
  /** A number of requests instead of a duration (the warm-up). */
  readonly amount?: number;
  readonly connections: number;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Record<string, string>;
  /** The status every response must have. */
  readonly expect: number;
}

export interface LoadResult {
  /** Completed responses per second over the run. */
  readonly rps: number;
  /** Latency percentiles in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly responses: number;
  readonly errors: number;
  /** Responses whose status was not the expected one. */
  readonly unexpected: number;
}

const TSX = ['--import', 'tsx'];

/**
 * The environment of every benchmark child: tsx applies a tsconfig only to the files it includes,
 * and Nest's decorators need `experimentalDecorators` in bench/ and adapters/ alike.
 */
export const CHILD_ENV = { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) };

/**
 * Starts a TypeScript file as a child process with an IPC channel, on its role's core. `taskset`
 * execs Node, which finds the IPC channel through the environment as a forked child does.
 */
export function forkTs(file: URL, args: readonly string[] = [], role: Role = 'server', env: Readonly<Record<string, string>> = {}): ChildProcess {
  const command = [...pinned(role), process.execPath, ...TSX, fileURLToPath(file), ...args];
  return spawn(command[0] as string, command.slice(1), { env: { ...CHILD_ENV, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Starts a built JavaScript file (a bundled server) as a child process with an IPC channel, on its role's core. */
export function forkJs(file: string, args: readonly string[] = [], role: Role = 'server', env: Readonly<Record<string, string>> = {}): ChildProcess {
  const command = [...pinned(role), process.execPath, file, ...args];
  return spawn(command[0] as string, command.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Waits for the next IPC message of a child, or fails after `ms`. */
export function nextMessage<T>(child: ChildProcess, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no answer from process ${child.pid} within ${ms} ms`));
    }, ms);
    const onMessage = (message: unknown): void => {
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`process ${child.pid} exited (${code}) before answering`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** The autocannon process: started once, sent one run at a time. */
export class LoadGenerator {
  private readonly child = forkTs(new URL('./load-worker.ts', import.meta.url), [], 'load');

  async run(request: LoadRequest): Promise<LoadResult> {
    // A warm-up by number of requests on a very slow machine can take minutes.
    const answer = nextMessage<LoadResult | { error: string }>(this.child, (request.amount === undefined ? request.seconds + 30 : 600) * 1000);
    this.child.send(request);
    const result = await answer;
    if ('error' in result) throw new Error(`autocannon: ${result.error}`);
    return result;
  }

  stop(): void {
    this.child.kill();
  }
}
