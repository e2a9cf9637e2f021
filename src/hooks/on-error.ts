import type { Fault } from '../fault/fault.js';
import type { RequestFacts } from '../request-facts.js';

/** Told of every error once, after normalisation and before the response is written. */
export type OnError = (fault: Fault, thrown: unknown, request: RequestFacts) => void;

/**
 * The `onError` option as one hook: a function as it is, a list as each of its hooks in order
 * (`[traceErrors(), logErrors(pino)]`). Each hook runs whatever the one before it threw: a tracer
 * that fails must not cost the log line. What the hooks throw is ignored, as with one hook.
 */
export function combineOnError(option: OnError | readonly OnError[] | undefined): OnError | undefined {
  if (option === undefined || typeof option === 'function') return option;
  const hooks = [...option];
  if (hooks.length === 0) return undefined;
  if (hooks.length === 1) return hooks[0];
  return (fault, thrown, request) => {
    for (const hook of hooks) {
      try {
        hook(fault, thrown, request);
      } catch {
        // Ignored, as a single hook's throw is: the response and the other hooks go on.
      }
    }
  };
}
