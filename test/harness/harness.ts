import type { FaultlineOptions } from '../../src/index.js';

/**
 * One framework wired the way its users would wire faultline. Every harness serves the same
 * routes, so one table of scenarios runs through all of them:
 * - `ALL /throw/:name` throws `throwers[name]()` synchronously;
 * - `ALL /async/:name` throws it after an `await` (a rejected promise);
 * - `POST /json` parses a JSON body (limit 1 kB) and answers `{"ok":true}`;
 * - `GET /ok` answers 200 `{"ok":true}`;
 * - `GET /cors/:name` sets `Access-Control-Allow-Origin: *` and `Vary: Origin`, then throws;
 * - `GET /stale/:name` sets `ETag`, `Content-Disposition` and `Content-Language` for a body it never sends, then throws;
 * - `GET /sent` sends headers and part of a body, then throws;
 * - anything else is the framework's unmatched route, answered through `notFound`.
 */
export interface AppSpec {
  readonly options?: FaultlineOptions;
  readonly throwers: Readonly<Record<string, () => unknown>>;
  /**
   * The framework's logging on, as in production: written here where the framework takes a logger
   * (Nest's LoggerService, Fastify's pino stream), to `console.error` where it logs there (Express,
   * Hono, Koa), which the test captures. Absent, logging is off the way each framework's users turn
   * it off in tests (Express's env 'test', Koa's `app.silent`, Nest's `logger: false`, Fastify
   * without a logger; `logUnexpected: false` on Hono, which has no switch of its own): the
   * scenarios throw hundreds of 500s on purpose.
   */
  readonly log?: (entry: LogEntry) => void;
}

/** One line a framework logged: its level and its text as written (a pino line is JSON). */
export interface LogEntry {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly text: string;
}

export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A difference the framework itself makes, which faultline cannot see past. Each is listed in
 * README ("Framework-made differences") with its reason; the contract asserts the framework's
 * outcome for it instead of the core's.
 */
export interface FrameworkDifference {
  readonly scenario: string;
  readonly route: 'throw' | 'async';
  readonly status: number;
  readonly reason: string;
}

export interface Harness {
  readonly framework: string;
  readonly differences?: readonly FrameworkDifference[];
  start(spec: AppSpec): Promise<RunningApp>;
}

/** Looks up a thrower, or a 500-worthy bug if the test named one that does not exist. */
export function thrower(spec: AppSpec, name: string): () => unknown {
  const found = spec.throwers[name];
  if (found === undefined) throw new Error(`test bug: no thrower named ${name}`);
  return found;
}
