import type { FaultlineOptions } from '../options.js';

/**
 * What the contract asks an adapter's test app to serve. A harness builds one app per spec, wired
 * the way its users wire faultline, with these routes:
 * - `ALL /throw/:name` throws `spec.throwers[name]()` synchronously;
 * - `ALL /async/:name` throws it after an `await` (a rejected promise);
 * - `POST /json` parses a JSON body of at most 1 kB, as the framework's users parse one, and
 *   answers `{"ok":true}`;
 * - `GET /ok` answers 200 `{"ok":true}`;
 * - `GET /cors/:name` sets `Access-Control-Allow-Origin: *` and `Vary: Origin` the framework's way
 *   (before the error, or around the handler where the framework has no response before one), then throws;
 * - `GET /stale/:name` sets `ETag`, `Content-Disposition` and `Content-Language` for a body it never sends, then throws
 *   (where the framework can set headers before a response exists);
 * - `GET /sent` sends the status line and part of a body, then fails;
 * - anything else is the framework's unmatched route, answered by the adapter's `notFound`.
 */
export interface AppSpec {
  /** The options for every faultline handler of the app (`errorHandler`, `notFound`, …). */
  readonly options?: FaultlineOptions;
  readonly throwers: Readonly<Record<string, () => unknown>>;
  /**
   * When present, the framework's logging is on, as in production, and each line it logs is passed
   * here: where the framework takes a logger (Nest's LoggerService, Fastify's pino stream) it writes
   * here; where it logs to `console.error` (Express, Hono, Koa, fetch, h3, Elysia) the test captures
   * that. Absent, logging is off the way each framework's users turn it off in tests (Express's env
   * 'test', Koa's `app.silent`, Nest's `logger: false`, Fastify without a logger, `logUnexpected:
   * false` where the framework has no switch of its own): the contract throws hundreds of 500s.
   */
  readonly log?: (entry: LogEntry) => void;
}

/** One line a framework logged: its level and its text as written (a pino line is JSON). */
export interface LogEntry {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly text: string;
}

/** A started app: its base URL (`http://127.0.0.1:<port>`) and how to stop it. */
export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * An outcome the framework decides before faultline sees the error: the contract then requires
 * the framework's status, and that no secret leaks, instead of the core's response. Every one
 * must be explained to users; faultline's documentation lists its own adapters' (docs/guide/reliability.md).
 */
export interface FrameworkDifference {
  /** The probe's name, as the contract reports it: `throw null`, `async undefined`, `body too large`. */
  readonly probe: string;
  readonly status: number;
  readonly reason: string;
}

/** One framework, able to start the contract's app for a spec. */
export interface Harness {
  /** A name for reports: `express`, `my-framework`. */
  readonly framework: string;
  readonly differences?: readonly FrameworkDifference[];
  start(spec: AppSpec): Promise<RunningApp>;
}

/** The thrower a route named, or an Error saying the test asked for one that does not exist. */
export function thrower(spec: AppSpec, name: string): () => unknown {
  const found = Object.hasOwn(spec.throwers, name) ? spec.throwers[name] : undefined;
  if (found === undefined) throw new Error(`contract: no scenario named ${JSON.stringify(name)}`);
  return found;
}
