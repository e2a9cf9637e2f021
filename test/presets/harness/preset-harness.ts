import type { ErrorResponse, FaultlineOptions } from '../../../src/index.js';
import type { RunningApp } from '../../harness/harness.js';

/** What a preset route may read of its request: the headers (x402 reads `X-PAYMENT`). */
export interface PresetRequest {
  header(name: string): string | undefined;
  /** The parsed JSON body of `POST /upload/:name` (limit 1 kB), else undefined. */
  readonly body: unknown;
}

/**
 * A route of a documented example: it throws (or rejects with) what the API would throw, or
 * returns a prebuilt response that is not an error (seed 002's 202 "not ready").
 */
export type PresetRoute = (request: PresetRequest) => ErrorResponse | Promise<ErrorResponse>;

/**
 * An app for one preset, wired as a user wires faultline on the framework:
 * - `ALL /r/:name` runs `routes[name]`;
 * - `POST /upload/:name` parses a JSON body (limit 1 kB: a 2 kB body is the framework's 413, bad
 *   JSON its 400), then runs `routes[name]`;
 * - anything else is the framework's unmatched route, answered through `notFound`.
 */
export interface PresetAppSpec {
  readonly options: FaultlineOptions;
  readonly routes: Readonly<Record<string, PresetRoute>>;
}

export interface PresetHarness {
  readonly framework: string;
  start(spec: PresetAppSpec): Promise<RunningApp>;
}

export function presetRoute(spec: PresetAppSpec, name: string): PresetRoute {
  const route = spec.routes[name];
  if (route === undefined) throw new Error(`test bug: no preset route named ${name}`);
  return route;
}
