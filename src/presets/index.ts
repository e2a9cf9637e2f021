import type { Preset } from '../options.js';
import { errorMessageCodePreset } from './error-message-code.js';
import { numericCodePreset } from './numeric-code.js';
import { reasonDetailsPreset } from './reason-details.js';
import { statusGuidePreset } from './status-guide.js';
import { statusObjectPreset } from './status-object.js';

export { errorMessageCodeErrors, errorMessageCodePreset, missingScope } from './error-message-code.js';
export {
  INVALID_FORM_BODY_MESSAGE,
  notReady,
  numericCodeErrors,
  numericCodeFormEnvelope,
  numericCodePreset,
  type NotReadyInit,
} from './numeric-code.js';
export {
  flatCodeEnvelope,
  flatRateLimitEnvelope,
  reasonDetailsErrors,
  reasonDetailsPreset,
  X402_VERSION,
  x402Envelope,
  x402PaymentRequired,
  type X402PaymentRequiredInit,
  type X402PaymentRequirements,
} from './reason-details.js';
export { STATUS_GUIDE_DESCRIPTIONS, statusGuidePreset } from './status-guide.js';
export { statusObjectErrors, statusObjectPreset } from './status-object.js';

/**
 * One preset per documented error contract (the seed pages): `errorHandler({ preset: presets.statusObject })`.
 * Your own options win over a preset's.
 */
export const presets = Object.freeze({
  /** Seed 000: `{"error":{"reason","details"}}`, flat 413 and 429, the x402 402. */
  reasonDetails: reasonDetailsPreset,
  /** Seed 001: `{"error","message","code"}`, `required`, `retryAfter`. */
  errorMessageCode: errorMessageCodePreset,
  /** Seed 002: `{"message","code":50014}`, nested form `errors`. */
  numericCode: numericCodePreset,
  /** Seed 003: `{"status":{"code","text","message"}}`. */
  statusObject: statusObjectPreset,
  /** Seed 004: problem details with the status guide's descriptions. */
  statusGuide: statusGuidePreset,
} satisfies Record<string, Preset>);
