// The thrown value as the text a framework's own logger prints for a crash: its stack (or
// `Type: message` when it has none), then each error of its cause chain, read and escaped safely.
import { describeThrown, type ThrownDetails } from './thrown-details.js';

/**
 * `Error: db down\n    at …\nCaused by: Error: connect ECONNREFUSED\n    at …`: what a stack-taking
 * logger (Nest's `Logger.error(message, stack)`, `console.error`) gets. Undefined when the value
 * says nothing at all (`throw null`).
 */
export function thrownText(thrown: unknown): string | undefined {
  return stackText(describeThrown(thrown));
}

/** The same text, from details already read. */
export function stackText(details: ThrownDetails): string | undefined {
  const own = details.stack ?? (details.message === undefined ? undefined : `${details.type}: ${details.message}`);
  const causes = (details.causes ?? []).map((cause) => `Caused by: ${cause.stack ?? `${cause.type}: ${cause.message ?? ''}`}`);
  const parts = own === undefined ? causes : [own, ...causes];
  return parts.length === 0 ? undefined : parts.join('\n');
}
