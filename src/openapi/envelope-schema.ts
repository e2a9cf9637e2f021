import type { Envelope } from '../envelopes/envelope.js';
import { ENVELOPES } from '../envelopes/index.js';
import { envelopeSchemas } from '../schemas/index.js';
import { problemDetailsSchemaFor } from '../schemas/problem-details.js';
import type { JsonSchema } from '../schemas/schema.js';
import { PRESET_ENVELOPE_SCHEMAS } from './preset-schemas.js';

/** Schemas the caller gave for custom envelopes. */
export interface SchemaOverrides {
  /** The schema of the main envelope, when it is a custom one. */
  readonly main?: { readonly envelope: Envelope; readonly schema: JsonSchema };
  /** Schemas by envelope name (a variant's, a custom envelope's). */
  readonly byName?: Readonly<Record<string, JsonSchema>>;
  /** The handler's `typeBase`: problem details' `type` may then be a documented code's URI. */
  readonly typeBase?: string;
}

/**
 * The JSON Schema of the bodies an envelope writes: the caller's, a built-in's, a preset
 * envelope's, or none (a custom envelope nobody described: its examples still show the bodies).
 */
export function envelopeSchema(envelope: Envelope, overrides: SchemaOverrides): JsonSchema | undefined {
  const named = overrides.byName?.[envelope.name];
  if (named !== undefined) return named;
  if (overrides.main !== undefined && overrides.main.envelope === envelope) return overrides.main.schema;
  for (const [name, builtIn] of Object.entries(ENVELOPES)) {
    if (builtIn !== envelope) continue;
    return name === 'problem-details' ? problemDetailsSchemaFor(overrides.typeBase) : envelopeSchemas[name as keyof typeof ENVELOPES];
  }
  return PRESET_ENVELOPE_SCHEMAS.get(envelope);
}

const FAULTLINE_ID = 'urn:faultline:envelope:';

/**
 * The component name of an envelope's schema: `ProblemDetailsError`, `ReasonDetailsFlatCodeError`.
 * Named after the schema's own faultline `$id` when it has one, so two envelopes writing the same
 * bodies (numeric-code and the numeric-code preset's form variant) share one component.
 */
export function schemaComponentName(envelope: Envelope, schema: JsonSchema): string {
  const id = typeof schema.$id === 'string' && schema.$id.startsWith(FAULTLINE_ID) ? schema.$id.slice(FAULTLINE_ID.length) : envelope.name;
  const words = id.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const pascal = words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('');
  return `${pascal === '' ? 'Envelope' : pascal}Error`;
}
