import type { FaultlineOptions, Preset } from '../../src/index.js';
import type { PresetRoute } from './harness/preset-harness.js';
import type { SeedFile } from './seed-page.js';

/** One documented example of a seed page (or one of its documented statuses), as a request and the exact answer. */
export interface DocumentedExample {
  /** Cited in the test name after the seed file: `409 INSUFFICIENT_FUNDS`. */
  readonly name: string;
  /** Options on top of the preset (the user's own win over it). */
  readonly options?: FaultlineOptions;
  /** What the API's route does; absent, the request goes to a path no route matches. */
  readonly route?: PresetRoute;
  readonly request?: {
    readonly method?: string;
    readonly headers?: Readonly<Record<string, string>>;
    /** Sent to `POST /upload/:name`, through the framework's JSON body parser (limit 1 kB). */
    readonly upload?: string;
  };
  readonly status: number;
  /** The exact body, byte for byte; null for none. */
  readonly body: string | null;
  /** Exact values of these response headers; null means the header must be absent. */
  readonly headers?: Readonly<Record<string, string | null>>;
  /** Only a framework makes this one (its body parser or router): no core-level run. */
  readonly viaFramework?: boolean;
}

export interface SeedExamples {
  readonly seed: SeedFile;
  readonly preset: Preset;
  readonly examples: readonly DocumentedExample[];
}

/** The test name: the seed file, then the example. */
export function exampleTitle(seed: SeedFile, example: DocumentedExample): string {
  return `${seed}: ${example.name}`;
}
