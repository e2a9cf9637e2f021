import type { Fault } from './fault/fault.js';
import { normalizeWith } from './normalize/normalize.js';
import { resolveSettings, type FaultlineOptions, type Settings } from './options.js';
import type { ErrorResponse } from './render/error-response.js';
import { fallbackResponse, renderWith } from './render/render.js';
import { withDefaultResponses } from './render/default-responses.js';
import type { RequestFacts } from './request-facts.js';

/** One configured instance of the core: what every adapter holds. */
export interface Faultline {
  readonly settings: Settings;
  /** Anything thrown → Fault. Never throws. */
  normalize(thrown: unknown): Fault;
  /** Fault → status, headers, body. Never throws. */
  render(fault: Fault, method?: string): ErrorResponse;
  /** normalize, tell `onError`, render: the whole error path an adapter calls. Never throws. */
  handle(thrown: unknown, request: RequestFacts): ErrorResponse;
}

/** Resolves options once (throwing here, at setup, for bad ones) and returns the error path. */
export function createFaultline(options: FaultlineOptions = {}): Faultline {
  const settings = resolveSettings(options);
  const normalizeFault = (thrown: unknown): Fault => normalizeWith(thrown, settings);
  const renderFault = withDefaultResponses(settings, (fault: Fault, method?: string): ErrorResponse => renderWith(fault, settings, method));
  return {
    settings,
    normalize: normalizeFault,
    render: renderFault,
    handle(thrown, request) {
      try {
        const fault = normalizeFault(thrown);
        if (settings.onError !== undefined) {
          try {
            settings.onError(fault, thrown, request);
          } catch {
            // A logger that throws must not turn a 404 into a 500, nor crash the server.
          }
        }
        return renderFault(fault, request.method);
      } catch {
        return fallbackResponse(settings, request.method);
      }
    },
  };
}

let defaults: Faultline | undefined;

/** `normalize(thrown, options?)`: the core's first step on its own, for tests and custom adapters. */
export function normalize(thrown: unknown, options?: FaultlineOptions): Fault {
  return (options === undefined ? (defaults ??= createFaultline()) : createFaultline(options)).normalize(thrown);
}

/** `render(fault, options?)`: the core's second step on its own. */
export function render(fault: Fault, options?: FaultlineOptions & { method?: string }): ErrorResponse {
  return (options === undefined ? (defaults ??= createFaultline()) : createFaultline(options)).render(fault, options?.method);
}
