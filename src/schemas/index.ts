import type { EnvelopeName } from '../envelopes/envelope.js';
import { errorMessageCodeSchema } from './error-message-code.js';
import { numericCodeSchema } from './numeric-code.js';
import { problemDetailsSchema } from './problem-details.js';
import { reasonDetailsSchema } from './reason-details.js';
import type { JsonSchema } from './schema.js';
import { statusObjectSchema } from './status-object.js';

/** The JSON Schema (draft 2020-12) of every body each built-in envelope writes. */
export const envelopeSchemas: Readonly<Record<EnvelopeName, JsonSchema>> = /* @__PURE__ */ Object.freeze({
  'reason-details': reasonDetailsSchema,
  'error-message-code': errorMessageCodeSchema,
  'status-object': statusObjectSchema,
  'numeric-code': numericCodeSchema,
  'problem-details': problemDetailsSchema,
});
