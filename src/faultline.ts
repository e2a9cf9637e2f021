import { CLIENT_CLOSED_REQUEST, isClientAbort } from './connection/client-abort.js';
import type { Fault } from './fault/fault.js';
import { negotiated } from './negotiation/negotiated.js';
import { normalizeWith } from './normalize/normalize.js';
import { resolveSettings, type FaultlineOptions, type Settings } from './options.js';
import type { ErrorResponse } from './render/error-response.js';
import { fallbackResponse, renderWith } from './render/render.js';
import { withDefaultResponses } from './render/default-responses.js';
import { renderContext, type RenderContext } from './render/render-context.js';
import type { RequestFacts } from './request-facts.js';
import { logIfUnexpected, type DefaultLogger } from './logging/default-logger.js';

/**
 * One configured instance of the core: what every adapter holds. `Context` is what its adapter
 * hands `handle` for the framework's default logger (none for most).
 */
export interface Faultline<Context = void> {
  readonly settings: Settings;
  /** Anything thrown → Fault. Never throws. */
  normalize(thrown: unknown): Fault;
  /**
   * Fault → status, headers, body, for the request it answers (its method decides whether there is
   * a body; its `Accept` the media type). Never throws.
   */
  render(fault: Fault, request?: RequestFacts): ErrorResponse;
  /**
   * normalize, tell `onError` (or the default logger, for an unexpected fault), render: the whole
   * error path an adapter calls. `context` goes to the default logger. Never throws. A request its
   * client abandoned is told to `onError` as 499; the adapter writes nothing for it.
   */
  handle(thrown: unknown, request: RequestFacts, context: Context): ErrorResponse;
}

/**
 * Resolves options once (throwing here, at setup, for bad ones) and returns the error path.
 * `logger` is how the adapter's framework logs a crash (`logToConsole`, or one reading `context`):
 * it reports unexpected faults unless the app gave `onError` or `logUnexpected: false`.
 */
export function createFaultline<Context = void>(options: FaultlineOptions = {}, logger?: DefaultLogger<Context>): Faultline<Context> {
  const settings = resolveSettings(options);
  const defaultLogger = settings.logUnexpected ? logger : undefined;
  const normalizeFault = (thrown: unknown): Fault => normalizeWith(thrown, settings);
  const cached = withDefaultResponses(settings, (fault: Fault, request?: RequestFacts, context?: RenderContext): ErrorResponse =>
    renderWith(fault, settings, request, context),
  );
  // The request's language and trace id are found once, before the cache: it is kept per language.
  const rendered = (fault: Fault, request?: RequestFacts): ErrorResponse => cached(fault, request, renderContext(settings, request));
  const renderFault = settings.negotiate
    ? (fault: Fault, request?: RequestFacts): ErrorResponse => negotiated(rendered(fault, request), request)
    : rendered;
  return {
    settings,
    normalize: normalizeFault,
    render: renderFault,
    handle(thrown, request, context) {
      try {
        const normalized = normalizeFault(thrown);
        const fault = isClientAbort(thrown, request, normalized.status) ? CLIENT_CLOSED_REQUEST : normalized;
        if (settings.onError !== undefined) {
          try {
            settings.onError(fault, thrown, request);
          } catch {
            // A logger that throws must not turn a 404 into a 500, nor crash the server.
          }
        }
        logIfUnexpected(defaultLogger, fault, thrown, request, context);
        return renderFault(fault, request);
      } catch {
        const fallback = fallbackResponse(settings, request, safeContext(settings, request));
        return settings.negotiate ? negotiated(fallback, request) : fallback;
      }
    },
  };
}

function safeContext(settings: Settings, request: RequestFacts | undefined): RenderContext | undefined {
  try {
    return renderContext(settings, request);
  } catch {
    return undefined;
  }
}

let defaults: Faultline | undefined;

/** `normalize(thrown, options?)`: the core's first step on its own, for tests and custom adapters. */
export function normalize(thrown: unknown, options?: FaultlineOptions): Fault {
  return (options === undefined ? (defaults ??= createFaultline()) : createFaultline(options)).normalize(thrown);
}

/** `render(fault, options?)`: the core's second step on its own; `request` is the request it answers. */
export function render(fault: Fault, options?: FaultlineOptions & { request?: RequestFacts }): ErrorResponse {
  if (options === undefined) return (defaults ??= createFaultline()).render(fault);
  const { request, ...rest } = options;
  return createFaultline(rest).render(fault, request);
}
