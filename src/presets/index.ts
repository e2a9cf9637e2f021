import type { Preset } from '../options.js';
import { errorMessageCodeErrors, errorMessageCodePreset } from './error-message-code.js';
import { numericCodeErrors, numericCodePreset } from './numeric-code.js';
import { reasonDetailsErrors, reasonDetailsPreset } from './reason-details.js';
import { statusGuidePreset } from './status-guide.js';
import { statusObjectErrors, statusObjectPreset } from './status-object.js';

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
 * One preset per documented error contract: `errorHandler({ preset: presets.statusObject })`.
 * Your own options win over a preset's. A preset with documented errors carries them as a typed
 * catalog: `throw presets.statusObject.errors.INVALID_TOKEN()`.
 */
export const presets = /* @__PURE__ */ (() =>
  Object.freeze({
    /** An IPFS pinning service's Pinning API and x402 gateway: `{"error":{"reason","details"}}`, flat 413 and 429, the x402 402. */
    reasonDetails: Object.freeze({ ...reasonDetailsPreset, errors: reasonDetailsErrors }),
    /** The Pinarkive API: `{"error","message","code"}`, `required`, `retryAfter`. */
    errorMessageCode: Object.freeze({ ...errorMessageCodePreset, errors: errorMessageCodeErrors }),
    /** A Discord-style numeric-code reference: `{"message","code":50014}`, nested form `errors`. */
    numericCode: Object.freeze({ ...numericCodePreset, errors: numericCodeErrors }),
    /** An "HTTP Status Codes" reference with a status object: `{"status":{"code","text","message"}}`. */
    statusObject: Object.freeze({ ...statusObjectPreset, errors: statusObjectErrors }),
    /** The API Status Code Guide: problem details with the guide's descriptions. */
    statusGuide: statusGuidePreset,
  } satisfies Record<string, Preset>))();
