import type { Envelope, PublicFault } from '../envelopes/envelope.js';
import { problemDetails, problemDetailsJson } from '../envelopes/problem-details.js';

/** A built-in envelope's direct serialiser: the body's JSON, or undefined to build and stringify it. */
export type Serializer = (fault: PublicFault) => string | undefined;

// By identity: an envelope made any other way (a custom one, a variant built from options) has no
// fast path and is serialised as `JSON.stringify(envelope.body(fault))`.
const SERIALIZERS: ReadonlyMap<Envelope, Serializer> = new Map([[problemDetails, problemDetailsJson]]);

/** The body of `fault` in `envelope`, as JSON text; undefined when the body is not serialisable. */
export function serializeBody(envelope: Envelope, fault: PublicFault): string | undefined {
  const text: unknown = SERIALIZERS.get(envelope)?.(fault) ?? JSON.stringify(envelope.body(fault));
  return typeof text === 'string' ? text : undefined;
}
