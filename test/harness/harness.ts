import type { FaultlineOptions } from '../../src/index.js';
import { request, type Received } from '../support/http.js';

/**
 * One framework wired the way its users would wire faultline. Every harness serves the same
 * routes, so one table of scenarios runs through all of them:
 * - `ALL /throw/:name` throws `throwers[name]()` synchronously;
 * - `ALL /async/:name` throws it after an `await` (a rejected promise);
 * - `POST /json` parses a JSON body (limit 1 kB) and answers `{"ok":true}`;
 * - `GET /ok` answers 200 `{"ok":true}`;
 * - `GET /cors/:name` sets `Access-Control-Allow-Origin: *` and `Vary: Origin`, then throws;
 * - `GET /stale/:name` sets `ETag` and `Content-Disposition` for a body it never sends, then throws;
 * - `GET /sent` sends headers and part of a body, then throws;
 * - anything else is the framework's unmatched route, answered through `notFound`.
 */
export interface AppSpec {
  readonly options?: FaultlineOptions;
  readonly throwers: Readonly<Record<string, () => unknown>>;
}

export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
  /** How to ask it, when not over HTTP/1.1 with fetch (an HTTP/2 app's own client session). */
  request?(path: string, init?: RequestInit): Promise<Received>;
}

/** One request to an app under test, over the protocol it serves. */
export function requestApp(app: RunningApp, path: string, init?: RequestInit): Promise<Received> {
  return app.request === undefined ? request(`${app.url}${path}`, init) : app.request(path, init);
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
