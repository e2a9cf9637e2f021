import type { Envelope, EnvelopeName } from './envelope.js';
import { errorMessageCode } from './error-message-code.js';
import { numericCode } from './numeric-code.js';
import { problemDetails } from './problem-details.js';
import { reasonDetails } from './reason-details.js';
import { statusObject } from './status-object.js';

/** The built-in envelopes by name. */
export const ENVELOPES: Readonly<Record<EnvelopeName, Envelope>> = /* @__PURE__ */ Object.freeze({
  'reason-details': reasonDetails,
  'error-message-code': errorMessageCode,
  'status-object': statusObject,
  'numeric-code': numericCode,
  'problem-details': problemDetails,
});

/** An envelope from its name or itself; throws at setup time for an unknown name. */
export function resolveEnvelope(envelope: EnvelopeName | Envelope | undefined): Envelope {
  if (envelope === undefined) return problemDetails;
  if (typeof envelope === 'string') {
    const found = (ENVELOPES as Record<string, Envelope | undefined>)[envelope];
    if (found === undefined) {
      throw new TypeError(`faultline: unknown envelope "${envelope}"; use one of ${Object.keys(ENVELOPES).join(', ')} or defineEnvelope()`);
    }
    return found;
  }
  if (typeof envelope.body !== 'function') throw new TypeError('faultline: an envelope needs a body(fault) function');
  return envelope;
}
