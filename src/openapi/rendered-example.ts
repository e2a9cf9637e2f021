import type { Envelope } from '../envelopes/envelope.js';
import type { JsonValue } from '../fault/fault.js';
import type { Faultline } from '../faultline.js';
import { publicFault } from '../render/public-fault.js';

/** One error as a client receives it, rendered by the core: what docs show, byte for byte. */
export interface RenderedExample {
  readonly status: number;
  /** Lower-case names, as the core writes them. */
  readonly headers: Readonly<Record<string, string>>;
  /** `content-type` without its parameters: `application/json`, `application/problem+json`. */
  readonly mediaType: string;
  /** The body exactly as sent. */
  readonly text: string;
  /** The body, parsed. */
  readonly body: JsonValue;
  /** The envelope that wrote it (a variant's, when one applies). */
  readonly envelope: Envelope;
}

/** The request every example answers: a GET (a HEAD would have no body). */
const EXAMPLE_REQUEST = { method: 'GET', path: '/' } as const;

/**
 * Renders a thrown value through `faultline.handle`, the same path an adapter takes, so an example
 * cannot drift from what the API sends. Throws if the envelope failed and the core fell back to
 * its plain 500: documenting the fallback as the error's answer would be wrong.
 */
export function renderExample(faultline: Faultline, thrown: unknown): RenderedExample {
  const fault = faultline.normalize(thrown);
  const response = faultline.handle(thrown, EXAMPLE_REQUEST);
  if (response.status !== fault.status || response.body === null) {
    throw new TypeError(`faultline: the ${fault.status} ${fault.code} example could not be rendered (its envelope failed)`);
  }
  const contentType = response.headers['content-type'] ?? '';
  return {
    status: response.status,
    headers: response.headers,
    mediaType: (contentType.split(';')[0] ?? '').trim(),
    text: response.body,
    body: JSON.parse(response.body) as JsonValue,
    envelope: envelopeFor(faultline, thrown),
  };
}

// The rule `renderWith` applies (src/render/render.ts): a variant for the shown code, then for the
// status, then the envelope. The shown code is the production-safe one (a hidden 5xx's default).
function envelopeFor(faultline: Faultline, thrown: unknown): Envelope {
  const { settings } = faultline;
  const shown = publicFault(faultline.normalize(thrown), settings.messages, settings.debug, settings.codes);
  return settings.variants.get(shown.code) ?? settings.variants.get(String(shown.status)) ?? settings.envelope;
}
